package org.sdaplanner.store;

/**
 * An edit was made against a revision of the plan that is no longer the stored one: someone
 * (another user, another server process) changed the plan in between. Reload and try again.
 */
public final class PlanConflictException extends RuntimeException {
    private final long planId;
    private final long expectedRevision;
    private final long storedRevision;

    public PlanConflictException(long planId, long expectedRevision, long storedRevision) {
        super("plan " + planId + " is at revision " + storedRevision + ", not " + expectedRevision
                + ": it was changed in the meantime; reload it and try again");
        this.planId = planId;
        this.expectedRevision = expectedRevision;
        this.storedRevision = storedRevision;
    }

    public long planId() {
        return planId;
    }

    public long expectedRevision() {
        return expectedRevision;
    }

    public long storedRevision() {
        return storedRevision;
    }
}
