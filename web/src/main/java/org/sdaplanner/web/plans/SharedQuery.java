package org.sdaplanner.web.plans;

import org.sdaplanner.web.Futures;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A query that many readers at once share, without any of them getting an answer older than its own
 * request: a reader never joins a query already running (it may have read the store before the reader
 * came), only one that has not started yet. So with any number of readers at once at most two queries
 * are under way, one running and one gathering readers, instead of one per reader; under load the
 * server asks the store for a plan's revision a few times per burst rather than once per request.
 */
final class SharedQuery<T> {
    private final Supplier<T> query;
    /** Started: its answer may predate readers who came after it started, so no one joins it. */
    private CompletableFuture<T> running;
    /** Not started yet: every reader arriving now can share it. Its first reader runs it. */
    private CompletableFuture<T> gathering;

    SharedQuery(Supplier<T> query) {
        this.query = query;
    }

    /** The query's answer from a run that started after this call began. */
    T get() {
        CompletableFuture<T> mine;
        CompletableFuture<T> before;
        CompletableFuture<T> shared = null;
        synchronized (this) {
            if (running == null) {
                running = mine = new CompletableFuture<>();
                before = null;
            } else if (gathering == null) {
                gathering = mine = new CompletableFuture<>();
                before = running;
            } else {
                shared = gathering; // a later reader: shares the run that has not started
                mine = null;
                before = null;
            }
        }
        if (shared != null) {
            return Futures.joined(shared); // outside the monitor: the reader who runs it needs the monitor to start it
        }
        if (before != null) {
            before.handle((v, e) -> null).join(); // one run at a time: the store is asked once for all who gathered
            synchronized (this) {
                running = mine;
                gathering = null;
            }
        }
        try {
            T v = query.get();
            mine.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                if (running == mine) {
                    running = null;
                }
            }
        }
    }
}
