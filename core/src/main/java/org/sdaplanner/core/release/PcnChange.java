package org.sdaplanner.core.release;

/**
 * A change to the region's PCNs or to which PCN a practice belongs.
 *
 * @param kind         one of {@link Kind}
 * @param pcnCode      the PCN (for a practice: the PCN it is in after, or before when it is gone)
 * @param nameBefore   the PCN's name in the first release (null when new)
 * @param nameAfter    the PCN's name in the second release (null when gone)
 * @param practiceCode the practice, for practice changes (else null)
 * @param practiceName its name
 * @param fromPcn      the practice's PCN before (null when new)
 * @param toPcn        the practice's PCN after (null when gone)
 * @param patients     patients living in the region's LSOAs registered with the practice (or PCN), in the
 *                     second release (the first when gone)
 */
public record PcnChange(Kind kind, String pcnCode, String nameBefore, String nameAfter, String practiceCode,
                        String practiceName, String fromPcn, String toPcn, long patients) {

    /** What changed; the order is the order of the file. */
    public enum Kind {
        PCN_NEW, PCN_GONE, PCN_RENAMED, PRACTICE_MOVED, PRACTICE_NEW, PRACTICE_GONE;

        /** As written in files and the API: lower case. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
