package org.sdaplanner.store;

import org.sdaplanner.core.access.Role;

/** The values {@link AccountRepository} reads and writes. */
public final class StoredAccounts {
    private StoredAccounts() {
    }

    /** An account as the rest of the tool sees it: never with its password hash. */
    public record Account(long id, String username, String displayName, Role role, boolean disabled, String createdAt,
                          String updatedAt, long revision) {
    }

    /** A signed-in session, found by the digest of its cookie token. */
    public record Session(Account account, String csrfToken, String expiresAt) {
    }

    /** Who did something, for the audit log: a user name (or "cli:…") and where from. */
    public record Actor(String name, String remote) {
        public static Actor commandLine() {
            return new Actor("cli:" + System.getProperty("user.name", "unknown"), "local");
        }
    }

    /** One line of the security audit log. */
    public record AuditEvent(long id, String at, String actor, String action, String target, String detail, String remote) {
    }

    /** Audit actions. */
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login-failed";
    public static final String LOGOUT = "logout";
    public static final String ACCOUNT_ADDED = "account-added";
    public static final String ROLE_CHANGED = "role-changed";
    public static final String ACCOUNT_DISABLED = "account-disabled";
    public static final String ACCOUNT_ENABLED = "account-enabled";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String COMMENT_HIDDEN = "comment-hidden";
    public static final String COMMENT_RESTORED = "comment-restored";
    public static final String PUBLIC_ACCESS = "public-access";
}
