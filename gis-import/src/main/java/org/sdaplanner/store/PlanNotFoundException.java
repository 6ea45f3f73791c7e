package org.sdaplanner.store;

/** No plan with the id asked for (it never existed, or it was deleted). */
public final class PlanNotFoundException extends RuntimeException {
    private final long planId;

    public PlanNotFoundException(long planId) {
        super("no plan " + planId);
        this.planId = planId;
    }

    public long planId() {
        return planId;
    }
}
