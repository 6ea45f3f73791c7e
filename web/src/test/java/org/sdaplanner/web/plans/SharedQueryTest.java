package org.sdaplanner.web.plans;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readers share a query that has not started, never one that was running when they came. */
class SharedQueryTest {

    /** A store whose answer is the number of writes so far; each query blocks until the test lets it go. */
    private static final class SlowStore {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstStarted = new CountDownLatch(1);

        Integer read() {
            queries.incrementAndGet();
            int seen = writes.get();
            firstStarted.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return seen;
        }
    }

    @Test
    void aReaderWhoCameAfterAQueryStartedGetsALaterOne() throws Exception {
        SlowStore store = new SlowStore();
        SharedQuery<Integer> q = new SharedQuery<>(store::read);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> first = pool.submit(q::get);
            assertTrue(store.firstStarted.await(10, TimeUnit.SECONDS));
            store.writes.incrementAndGet(); // another process commits while the first query runs
            List<Future<Integer>> later = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                later.add(pool.submit(q::get));
            }
            Thread.sleep(100); // let them all gather behind the running query
            store.release.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (Future<Integer> f : later) {
                assertEquals(1, f.get(10, TimeUnit.SECONDS), "a reader that came after the write must see it");
            }
            assertEquals(2, store.queries.get(), "the eight later readers share one query");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesEveryReaderOfThatQueryAndTheNextOneRunsAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("store unreachable");
        SharedQuery<Integer> q = new SharedQuery<>(() -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                started.countDown();
                await(go);
                return 1;
            }
            await(go);
            throw boom;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = pool.submit(q::get);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            List<Future<Integer>> failing = List.of(pool.submit(q::get), pool.submit(q::get), pool.submit(q::get));
            Thread.sleep(100);
            go.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            for (Future<Integer> f : failing) {
                Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
                assertSame(boom, e.getCause());
            }
            assertEquals(2, calls.get());
            assertThrows(IllegalStateException.class, q::get); // nothing cached: a new reader asks again
            assertEquals(3, calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneReaderAloneAsksEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        SharedQuery<Integer> q = new SharedQuery<>(calls::incrementAndGet);
        assertEquals(1, q.get());
        assertEquals(2, q.get());
        assertEquals(3, q.get());
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
