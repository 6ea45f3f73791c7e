package org.sdaplanner.store;

/** No record (account, comment) with the key asked for. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
