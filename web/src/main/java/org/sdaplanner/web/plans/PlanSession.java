package org.sdaplanner.web.plans;

import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.store.StoredPlans.PlanInfo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One plan as this server process holds it: the working {@link PlanState} and its {@link PlanEditor}
 * at a stored revision, guarded by the session's monitor (writers hold it); the service reloads it from
 * the store whenever the stored revision differs, so edits made by another process are picked up.
 * Readers do not touch these: they read the latest {@link PlanView}, published here without the monitor.
 */
final class PlanSession {
    final long id;
    PlanInfo info;
    /** The stored revision the state mirrors; -1 when not loaded. */
    long revision = -1;
    List<String> areaIds;
    List<String> areaNames;
    PlanState state;
    PlanEditor editor;

    /** The newest view published (by a writer after a commit, or by a reader that found the store ahead); null at first. */
    private final AtomicReference<PlanView> view = new AtomicReference<>();
    /** Held by a reader building a view from the store, so that readers who find the same revision stale load it once. */
    final Object rebuild = new Object();
    /** The plan's row as stored now, asked of the store once for all the readers who come at the same time. */
    final SharedQuery<Optional<PlanInfo>> stored;

    PlanSession(long id, Supplier<Optional<PlanInfo>> storedInfo) {
        this.id = id;
        this.stored = new SharedQuery<>(storedInfo);
    }

    PlanView view() {
        return view.get();
    }

    /** Publishes {@code v} unless a view of a later revision is there already; returns the view now published. */
    PlanView publish(PlanView v) {
        return view.accumulateAndGet(v, (now, offered) -> now == null || offered.revision() >= now.revision() ? offered : now);
    }

    void invalidate() {
        revision = -1;
        state = null;
        editor = null;
    }

    int areaIndex(String areaId) {
        return areaIds.indexOf(areaId);
    }
}
