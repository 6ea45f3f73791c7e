package org.sdaplanner.core.dominance;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the dominant PCN of an LSOA is chosen from the ranked candidate shares.
 *
 * <ul>
 *   <li>{@link #PLURALITY} (the default): the candidate with the largest share, however small.</li>
 *   <li>{@link #MAJORITY}: the leader only when its share is strictly above 0.5; otherwise the
 *       LSOA has no dominant PCN.</li>
 *   <li>{@link MinShare min-share=t}: candidates whose share is below {@code t} are ignored
 *       (they are neither leader nor runner-up, but stay in the share vector and the
 *       denominator); the leader among the rest is dominant; if none remains there is none.</li>
 * </ul>
 *
 * <p>Each rule's {@code toString()} is the text form that {@link #parse(String)} accepts:
 * {@code plurality}, {@code majority}, {@code min-share=0.05}.
 */
public sealed interface DominanceRule
        permits DominanceRule.Plurality, DominanceRule.Majority, DominanceRule.MinShare {

    /** The largest share wins. */
    Plurality PLURALITY = new Plurality();

    /** The largest share wins only if it is above one half. */
    Majority MAJORITY = new Majority();

    /** Candidates with a share below {@code threshold} (0 ≤ threshold ≤ 1) are ignored. */
    static MinShare minShare(double threshold) {
        return new MinShare(threshold);
    }

    /**
     * Whether a PCN with {@code patients} of the LSOA's {@code registered} patients may rank as
     * leader or runner-up at all. A PCN with no patients is never eligible.
     */
    boolean eligible(long patients, long registered);

    /** Whether the leading eligible PCN, with {@code patients} of {@code registered}, is dominant. */
    boolean accepts(long patients, long registered);

    /**
     * Parses {@code plurality}, {@code majority} or {@code min-share=<share>} (share a decimal
     * between 0 and 1, e.g. {@code min-share=0.05}). Case and surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted forms
     */
    static DominanceRule parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No dominance rule given; " + MinShare.FORMS);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("plurality")) {
            return PLURALITY;
        }
        if (t.equals("majority")) {
            return MAJORITY;
        }
        if (t.startsWith("min-share=")) {
            String value = t.substring("min-share=".length()).strip();
            double threshold;
            try {
                threshold = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Bad dominance rule '" + text + "': '" + value + "' is not a number; " + MinShare.FORMS, e);
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException(
                        "Bad dominance rule '" + text + "': the minimum share must be between 0 and 1; "
                                + MinShare.FORMS);
            }
            return new MinShare(threshold);
        }
        throw new IllegalArgumentException("Unknown dominance rule '" + text + "'; " + MinShare.FORMS);
    }

    /** Plurality: the leader is dominant. */
    record Plurality() implements DominanceRule {
        @Override
        public boolean eligible(long patients, long registered) {
            return patients > 0;
        }

        @Override
        public boolean accepts(long patients, long registered) {
            return true;
        }

        @Override
        public String toString() {
            return "plurality";
        }
    }

    /** Majority: the leader is dominant only with a share strictly above one half. */
    record Majority() implements DominanceRule {
        @Override
        public boolean eligible(long patients, long registered) {
            return patients > 0;
        }

        @Override
        public boolean accepts(long patients, long registered) {
            // integer test, so exactly one half is not a majority whatever the rounding
            return 2 * patients > registered;
        }

        @Override
        public String toString() {
            return "majority";
        }
    }

    /**
     * Minimum share: PCNs whose share is below {@code threshold} are not candidates. A share
     * exactly equal to the threshold is kept. The share is computed as
     * {@code (double) patients / registered}, so {@code 5/100} equals {@code 0.05}.
     */
    record MinShare(double threshold) implements DominanceRule {
        static final String FORMS =
                "accepted forms: 'plurality', 'majority', 'min-share=<share between 0 and 1>' (e.g. 'min-share=0.05')";

        public MinShare {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("minimum share must be between 0 and 1, got " + threshold);
            }
        }

        @Override
        public boolean eligible(long patients, long registered) {
            return patients > 0 && (double) patients / registered >= threshold;
        }

        @Override
        public boolean accepts(long patients, long registered) {
            return true;
        }

        @Override
        public String toString() {
            return "min-share=" + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
        }
    }
}
