package org.sdaplanner.store;

/** A change was made against a revision of a record (comment, account) that is no longer the stored one. */
public final class RevisionConflictException extends RuntimeException {
    private final long storedRevision;

    public RevisionConflictException(String what, long expected, long stored) {
        super(what + " is at revision " + stored + ", not " + expected
                + ": it was changed in the meantime; reload it and try again");
        this.storedRevision = stored;
    }

    public long storedRevision() {
        return storedRevision;
    }
}
