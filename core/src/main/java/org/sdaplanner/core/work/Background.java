package org.sdaplanner.core.work;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work started now on a thread of its own, for a second core while this one does something else,
 * and taken later with {@link #get()}, which throws what the work threw, as it was. The thread is a
 * daemon: work nobody takes (the caller failed first) never keeps the process alive.
 *
 * @param <T> what the work gives
 */
public final class Background<T> {
    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new thread named {@code name}. */
    public static <T> Background<T> start(String name, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /** What the work gave, once it is done; the unchecked exception or error it threw, if it threw one. */
    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
