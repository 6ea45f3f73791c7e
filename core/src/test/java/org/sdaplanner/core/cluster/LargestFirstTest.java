package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LargestFirstTest {

    @Test
    void runsEveryTaskExactlyOnce() {
        int count = 200;
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        LargestFirst.run(count, i -> (i * 37L) % 11, runs::incrementAndGet);
        int[] seen = new int[count];
        for (int i = 0; i < count; i++) {
            seen[i] = runs.get(i);
        }
        int[] once = new int[count];
        java.util.Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    void aSingleTaskRunsOnTheCallersThread() {
        Thread[] ran = new Thread[1];
        LargestFirst.run(1, i -> 5, i -> ran[0] = Thread.currentThread());
        assertEquals(Thread.currentThread(), ran[0]);
    }

    @Test
    void noTasksIsNothingToDo() {
        LargestFirst.run(0, i -> 1, i -> {
            throw new AssertionError("no task should run");
        });
    }

    @Test
    void aFailingTaskFailsTheRun() {
        assertThrows(IllegalStateException.class, () -> LargestFirst.run(4, i -> i, i -> {
            if (i == 2) {
                throw new IllegalStateException("task 2");
            }
        }));
    }
}
