package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.web.CachedBody;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan as this server process holds it: the working {@link PlanState} and its {@link PlanEditor}
 * at a stored revision, and what is derived from them (figures, rendered layers).
 * Everything is guarded by the session's monitor; the service reloads it from the store whenever
 * the stored revision differs, so edits made by another process are picked up.
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

    /** Derived from the state at {@link #revision}; cleared on every change. */
    BuiltPlan built;
    PlanProfiles profiles;
    /** Block code → area id, for comments. */
    Map<String, String> blockArea;
    final Map<String, CachedBody> areaLayers = new HashMap<>();

    PlanSession(long id) {
        this.id = id;
    }

    void invalidate() {
        revision = -1;
        state = null;
        editor = null;
        clearDerived();
    }

    void clearDerived() {
        built = null;
        profiles = null;
        blockArea = null;
        areaLayers.clear();
    }

    int areaIndex(String areaId) {
        return areaIds.indexOf(areaId);
    }
}
