package org.sdaplanner.cli;

import org.sdaplanner.core.access.Role;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.text.TextRule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The checks of the command line's values, as picocli converters: a bad value is refused when the
 * command line is read, with what was expected, before the store is opened or any work is done.
 * picocli puts "Invalid value for option '--areas': " in front of each message.
 */
final class Converters {
    private Converters() {
    }

    /** A whole number from {@code min} to {@code max}. */
    static int whole(String text, long min, long max, String what) {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new TypeConversionException("expected " + what + ": a whole number from " + fmt(min) + " to " + fmt(max)
                    + ", found '" + shown(text) + "'");
        }
        if (v < min || v > max) {
            throw new TypeConversionException("expected " + what + ": a whole number from " + fmt(min) + " to " + fmt(max)
                    + ", found " + fmt(v));
        }
        return (int) v;
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
            "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** A finite number from {@code min} to {@code max}, written as decimals (no NaN, no infinity, no hex). */
    static double number(String text, double min, double max, String what) {
        String t = text == null ? "" : text.strip();
        double v = DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new TypeConversionException("expected " + what + ": a number from " + fmt(min) + " to " + fmt(max)
                    + ", found '" + shown(text) + "'");
        }
        return v;
    }

    /** The value, or the check's own message as picocli's refusal. */
    private static <T> T checked(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }

    /** A value as typed, made safe to print (control characters visible, cut at 60). */
    static String shown(String text) {
        return shown(text, 60);
    }

    static String shown(String text, int max) {
        String t = text == null ? "" : text;
        return TextRule.visible(t.length() > max ? t.substring(0, max) + "…" : t);
    }

    /** A value read by one of the checks above: each option's converter names its check and its range. */
    abstract static class Checked<T> implements ITypeConverter<T> {
        private final java.util.function.Function<String, T> check;

        Checked(java.util.function.Function<String, T> check) {
            this.check = check;
        }

        @Override
        public T convert(String value) {
            return check.apply(value);
        }
    }

    static final class AreaCount extends Checked<Integer> {
        /** More areas than this is no longer a plan of service areas (C&P has about 770 building blocks). */
        static final int MAX = 1000;

        AreaCount() {
            super(v -> whole(v, 1, MAX, "a number of areas"));
        }
    }

    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a seed: a whole number, found '" + shown(value) + "'");
            }
        }
    }

    static final class RandomPlans extends Checked<Integer> {
        RandomPlans() {
            super(v -> whole(v, 0, 10_000, "a number of random plans"));
        }
    }

    static final class ReleaseLabel implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return org.sdaplanner.store.ReleaseRepository.checkLabel(value == null ? null : value.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected " + e.getMessage().replaceFirst("^a release label is", "a release label:"));
            }
        }
    }

    static final class ShareThreshold extends Checked<Double> {
        ShareThreshold() {
            super(v -> number(v, 0, 1, "a share from 0 to 1 (0.05 is 5 points)"));
        }
    }

    static final class Port extends Checked<Integer> {
        Port() {
            super(v -> whole(v, 0, 65_535, "a port (0 picks a free one)"));
        }
    }

    static final class Population extends Checked<Double> {
        Population() {
            super(v -> number(v, 0, 100_000_000, "a number of residents (0: no bound)"));
        }
    }

    static final class Metres extends Checked<Double> {
        Metres() {
            super(v -> number(v, 0, 10_000, "a number of metres"));
        }
    }

    static final class Weight extends Checked<Double> {
        Weight() {
            super(v -> number(v, 0, 1000, "a weight"));
        }
    }

    /** Seconds of search for --time-limit: an amount of work, so any positive number up to a day. */
    static final class SearchSeconds extends Checked<Double> {
        SearchSeconds() {
            super(v -> {
                double s = number(v, 0, 86_400, "seconds of search");
                if (s <= 0) {
                    throw new TypeConversionException("expected seconds of search: more than 0, found '" + shown(v) + "'");
                }
                return s;
            });
        }
    }

    /** The largest deviation from the mean area: a fraction, or null for none. */
    record MaxDeviation(Double fraction) {
    }

    /** --max-deviation: a fraction below 1 (0.2), a percentage below 100 (20%), or none. */
    static final class Deviation extends Checked<MaxDeviation> {
        Deviation() {
            super(v -> {
                String t = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
                if (t.equals("none")) {
                    return new MaxDeviation(null);
                }
                boolean percent = t.endsWith("%");
                double f = percent ? number(t.substring(0, t.length() - 1), 0, 99.999, "a percentage below 100%") / 100
                        : number(t, 0, 0.99999, "a fraction such as 0.2 (±20%), a percentage such as 20%, or none");
                return new MaxDeviation(f);
            });
        }
    }

    /** --unparished-areas: a number of areas (0 or more) or auto. */
    static final class Unparished extends Checked<String> {
        static final String AUTO = "auto";

        Unparished() {
            super(v -> v != null && v.strip().equalsIgnoreCase(AUTO) ? AUTO
                    : Integer.toString(whole(v, 0, AreaCount.MAX, "a number of unparished areas, or auto")));
        }
    }

    static final class Host implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (v.isEmpty() || v.length() > 253 || !v.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
                throw new TypeConversionException("expected a host name or address such as 127.0.0.1 or 0.0.0.0, found '"
                        + shown(value) + "'");
            }
            return v;
        }
    }

    /** {@code --public-origin}: an http(s) address without a path, such as https://sda.example.org. */
    static final class PublicOrigin implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (org.sdaplanner.web.http.Origins.of(value).isEmpty()) {
                throw new TypeConversionException("expected the address people open, such as https://sda.example.org"
                        + " (scheme, host and optional port; no path), found '" + shown(value) + "'");
            }
            return value.strip();
        }
    }

    static final class Rule extends Checked<DominanceRule> {
        Rule() {
            super(v -> checked(() -> DominanceRule.parse(v)));
        }
    }

    /** --slivers: join (the sliver rule, {@link SliverRule#DEFAULTS}) or keep (no slivers, {@link SliverRule#OFF}). */
    static final class Slivers implements ITypeConverter<SliverRule> {
        static final String JOIN = "join";
        static final String KEEP = "keep";

        @Override
        public SliverRule convert(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (v.equals(JOIN)) {
                return SliverRule.DEFAULTS;
            }
            if (v.equals(KEEP)) {
                return SliverRule.OFF;
            }
            throw new TypeConversionException("expected join (slivers join a neighbouring block, the default) or keep"
                    + " (every LSOA piece outside the parishes is a block), found '" + shown(value) + "'");
        }
    }

    static final class AccountRole implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of " + Role.codes() + ", found '" + shown(value) + "'");
            }
        }
    }

    static final class DisplayName extends Checked<String> {
        DisplayName() {
            super(v -> checked(() -> TextRule.clean(TextRule.Kind.DISPLAY_NAME, "display name", v)));
        }
    }

    static final class Folder extends Checked<Path> {
        Folder() {
            super(v -> checked(() -> Outputs.folder(v)));
        }
    }

    static final class File extends Checked<Path> {
        File() {
            super(v -> checked(() -> Outputs.file(v)));
        }
    }

    /** An input path: only that it is a path; whether it exists is said by the command that reads it. */
    static final class InputPath extends Checked<Path> {
        InputPath() {
            super(v -> checked(() -> Outputs.path(v)));
        }
    }
}
