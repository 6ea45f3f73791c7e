package org.sdaplanner.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an {@code sda} command in the test's JVM with its standard output thrown away (tests read its files, not its talk). */
public final class QuietRun {
    private QuietRun() {
    }

    /** The command's exit code. */
    public static int sda(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return SdaMain.run(args);
        } finally {
            System.setOut(old);
        }
    }
}
