package org.sdaplanner.core.access;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: long enough to resist guessing (NCSC guidance favours length over
 * character rules), and at most 72 bytes, since bcrypt ignores anything longer.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** Why the password is refused, or empty when it is acceptable for this user name. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a password can have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("a password must not contain the user name");
        }
        return Optional.empty();
    }
}
