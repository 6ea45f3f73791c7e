package org.sdaplanner.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on work done on another thread, with that work's own exception rather than a wrapper. */
public final class Futures {
    private Futures() {
    }

    /** The value, or the exception the work threw (a StoreException names what could not be read, say). */
    public static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
