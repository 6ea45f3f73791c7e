package org.sdaplanner.web.auth;

/** Sign-in refused: 401 (wrong name or password, disabled account) or 429 (too many wrong tries). */
public final class AuthException extends RuntimeException {
    private final int status;
    private final long retryAfterSeconds;

    public AuthException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
