package org.sdaplanner.web.plans;

import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.web.api.Version;

import java.util.List;

/** A plan's saved versions: the list, and saving the current state as the next one. */
public final class PlanVersions {
    private final PlanRepository repo;

    public PlanVersions(PlanSessions sessions) {
        this.repo = sessions.repo();
    }

    public List<Version> list(long id) {
        return repo.versions(id).stream().map(PlanAnswers::version).toList();
    }

    public Version save(long id, String label, String user) {
        return PlanAnswers.version(repo.saveVersion(id, label, user));
    }
}
