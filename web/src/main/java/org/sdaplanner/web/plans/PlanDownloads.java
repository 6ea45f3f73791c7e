package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.export.PlanExport;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;

import java.util.List;

/**
 * A stored plan as edited, as files: the page's downloads and {@code sda export --plan} both take the
 * plan's current revision from here and write it through {@link PlanExport}.
 */
public final class PlanDownloads {
    public static final List<String> FORMATS = PlanExport.DOWNLOADS;

    private final PlanSessions sessions;
    private final Region region;

    /** A plan at one revision, read off its view so that files are written outside any lock. */
    public record Snapshot(BuiltPlan plan, String name, long revision) {
        public String fileName() {
            return PlanExport.slug(name);
        }
    }

    public PlanDownloads(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
    }

    /** The plan at its current revision in one of {@link #FORMATS}. */
    public PlanExport.Download download(long id, String format) {
        if (format == null || !FORMATS.contains(format)) {
            throw ApiException.badRequest("'format' must be one of " + String.join(", ", FORMATS));
        }
        Snapshot s = snapshot(id);
        return PlanExport.download(s.plan(), format, s.fileName());
    }

    /** The plan's figures at its current revision, with its locks: what its files are written from. */
    public Snapshot snapshot(long id) {
        PlanView v = sessions.view(id); // its figures are never changed, so files can be written from them
        return new Snapshot(v.built(), v.info().name(), v.revision());
    }
}
