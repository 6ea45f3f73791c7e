package org.sdaplanner.core.work;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundTest {
    @Test
    void runsOnAThreadOfItsOwnWhileTheCallerGoesOn() throws InterruptedException {
        CountDownLatch callerWent = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Background<Thread> work = Background.start("test-work", () -> {
            try {
                assertTrue(callerWent.await(10, TimeUnit.SECONDS), "the caller was not blocked by start");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Thread.currentThread();
        });
        callerWent.countDown();
        Thread ran = work.get();
        assertNotEquals(caller, ran);
        assertEquals("test-work", ran.getName());
        assertTrue(ran.isDaemon());
        assertSame(ran, work.get(), "taken twice: the same answer");
    }

    @Test
    void whatTheWorkThrewIsThrownAsItWas() {
        UncheckedIOException thrown = new UncheckedIOException("no file", new java.io.IOException("no file"));
        Background<Object> work = Background.start("test-fail", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(UncheckedIOException.class, work::get));
        AssertionError error = new AssertionError("broken");
        assertSame(error, assertThrows(AssertionError.class, Background.start("test-error", () -> {
            throw error;
        })::get));
    }
}
