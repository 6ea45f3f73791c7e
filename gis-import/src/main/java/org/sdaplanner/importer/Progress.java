package org.sdaplanner.importer;

/** Receives progress of long work so that people see it moving. Implementations decide how often to show it. */
public interface Progress {
    /** A new step starts. */
    void step(String label);

    /** Work done so far within the current step; {@code total} is -1 when unknown. */
    void advance(long done, long total);

    /** The current step ended; {@code summary} says what it did. */
    void stepDone(String summary);

    Progress SILENT = new Progress() {
        @Override
        public void step(String label) {
        }

        @Override
        public void advance(long done, long total) {
        }

        @Override
        public void stepDone(String summary) {
        }
    };
}
