package org.sdaplanner.store;

/** A change the store's contents forbid (e.g. deleting a plan that has comments); the message says why. */
public final class StoreConflictException extends RuntimeException {
    public StoreConflictException(String message) {
        super(message);
    }
}
