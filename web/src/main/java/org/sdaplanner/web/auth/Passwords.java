package org.sdaplanner.web.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.security.SecureRandom;

/**
 * Password hashing with bcrypt (Spring Security's implementation). Cost 11: about a tenth of a
 * second per check on this project's 2-core machines, above OWASP's minimum of 10.
 */
public final class Passwords {
    public static final int COST = 11;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for each other when read out or copied by hand. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** A hash of nothing anyone knows, checked when the user name is unknown, so timing does not tell which names exist. */
    private static final String DECOY = BCrypt.hashpw("decoy-password-never-used", BCrypt.gensalt(COST, RANDOM));

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST, RANDOM));
    }

    /** Whether the password matches the hash; with a null hash (no such user) checks a decoy and says no. */
    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null) {
            BCrypt.checkpw(password, DECOY);
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false; // a malformed stored hash, or a password over bcrypt's 72 bytes
        }
    }

    /** A random password of 16 characters (about 92 bits), for new accounts and resets. */
    public static String generate() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
