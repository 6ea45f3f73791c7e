package org.sdaplanner.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What the keys of kept results ({@link BlockSnapshotKey}, {@link SearchKey}) are written with. */
final class KeyText {
    private KeyText() {
    }

    /** SHA-256 of {@code description}'s UTF-8, in hex. */
    static String sha256(String description) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A double as its raw bits, so that no two values print alike (as decimals −0 and 0, or NaNs, could). */
    static String bits(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
