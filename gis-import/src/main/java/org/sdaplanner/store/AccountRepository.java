package org.sdaplanner.store;

import org.sdaplanner.core.text.TextRule;

import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredAccounts.AuditEvent;
import org.sdaplanner.store.StoredAccounts.Session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.sdaplanner.store.Jdbc.fixed;
import static org.sdaplanner.store.Jdbc.insert;
import static org.sdaplanner.store.Jdbc.now;
import static org.sdaplanner.store.Jdbc.query;
import static org.sdaplanner.store.Jdbc.queryOne;
import static org.sdaplanner.store.Jdbc.update;

/**
 * Accounts, their sessions and the security audit log, in the store so that every server process
 * sees the same ones and a restart signs nobody out. Every change that matters for security
 * (an account added, a role changed, an account disabled, a password reset, a login) is written
 * together with its audit line, in one transaction. Disabling an account or resetting its password
 * ends its sessions.
 */
public final class AccountRepository {
    /** User names: lower-case letters, digits, dot, dash, underscore; stable and safe in any log. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String COLUMNS = "id, username, display_name, role, disabled, created_at, updated_at, revision";

    private final Jdbc jdbc;
    private final LimitRepository limits;

    public AccountRepository(SpatialStore store) {
        this.jdbc = new Jdbc(store);
        this.limits = new LimitRepository(store);
    }

    /** Write limits and sign-in throttles in the same store (shared by every server process on it). */
    public LimitRepository limits() {
        return limits;
    }

    /** A user name in its stored form, or an error naming what is wrong with it. */
    public static String normalise(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new IllegalArgumentException("user name '" + username + "' is not valid: use 2 to 64 letters, digits,"
                    + " dots, dashes or underscores, starting with a letter or digit");
        }
        return u;
    }

    // ---- accounts ----------------------------------------------------------------------------

    public Account add(String username, String displayName, Role role, String passwordHash, Actor actor) {
        String u = normalise(username);
        String name = displayName == null || displayName.isBlank() ? u
                : TextRule.clean(TextRule.Kind.DISPLAY_NAME, "display name", displayName);
        return jdbc.transaction("cannot add account " + u, c -> {
            if (find(c, u).isPresent()) {
                throw new IllegalArgumentException("an account named '" + u + "' already exists");
            }
            String now = now();
            insert(c, "INSERT INTO account (username, display_name, role, password_hash, disabled, created_at, updated_at,"
                    + " revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", u, name, role.code(), passwordHash, false, now, now, 0L);
            audit(c, actor, StoredAccounts.ACCOUNT_ADDED, u, "role " + role.code());
            return find(c, u).orElseThrow();
        });
    }

    public List<Account> list() {
        return jdbc.read("cannot list the accounts",
                c -> query(c, "SELECT " + COLUMNS + " FROM account ORDER BY username", List.of(), AccountRepository::account));
    }

    public long count() {
        return jdbc.read("cannot count the accounts",
                c -> queryOne(c, "SELECT COUNT(*) FROM account", List.of(), rs -> rs.getLong(1)).orElse(0L));
    }

    public Optional<Account> find(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return jdbc.read("cannot read account " + u, c -> find(c, u));
    }

    public Optional<Account> find(long id) {
        return jdbc.read("cannot read account " + id,
                c -> queryOne(c, "SELECT " + COLUMNS + " FROM account WHERE id = ?", List.of(id), AccountRepository::account));
    }

    /** The account with its bcrypt hash, for checking a password at login only. */
    public Optional<Credentials> credentials(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return jdbc.read("cannot read account " + u, c -> queryOne(c, "SELECT " + COLUMNS + ", password_hash FROM account"
                + " WHERE username = ?", List.of(u), rs -> new Credentials(account(rs), rs.getString(9))));
    }

    /** An account and its password hash. */
    public record Credentials(Account account, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + account.username() + "]"; // never the hash
        }
    }

    /** Changes a role; {@code revision} (when given) must be the account's stored one. */
    public Account setRole(String username, Role role, Long revision, Actor actor) {
        return change(username, revision, actor, StoredAccounts.ROLE_CHANGED, (c, a) -> {
            update(c, "UPDATE account SET role = ? WHERE id = ?", role.code(), a.id());
            return a.role().code() + " -> " + role.code();
        });
    }

    /** Disables (ending its sessions) or enables an account. */
    public Account setDisabled(String username, boolean disabled, Long revision, Actor actor) {
        return change(username, revision, actor, disabled ? StoredAccounts.ACCOUNT_DISABLED : StoredAccounts.ACCOUNT_ENABLED,
                (c, a) -> {
                    update(c, "UPDATE account SET disabled = ? WHERE id = ?", disabled, a.id());
                    if (disabled) {
                        update(c, "DELETE FROM account_session WHERE account_id = ?", a.id());
                    }
                    return null;
                });
    }

    /**
     * Sets a new password hash and ends the account's sessions ({@code keepSession}, the digest of
     * the session making the change, survives when the user changes their own password).
     */
    public Account setPassword(String username, String passwordHash, String action, String keepSession, Actor actor) {
        // not a change an admin's edit of role or status can conflict with: the revision stays
        return change(username, null, false, actor, action, (c, a) -> {
            update(c, "UPDATE account SET password_hash = ? WHERE id = ?", passwordHash, a.id());
            update(c, "DELETE FROM account_session WHERE account_id = ? AND token_digest <> ?", a.id(),
                    keepSession == null ? "" : keepSession);
            return null;
        });
    }

    @FunctionalInterface
    private interface AccountChange {
        /** Applies the change and returns a detail for the audit line (or null). */
        String apply(Connection c, Account before) throws SQLException;
    }

    private Account change(String username, Long revision, Actor actor, String action, AccountChange change) {
        return change(username, revision, true, actor, action, change);
    }

    private Account change(String username, Long revision, boolean bump, Actor actor, String action, AccountChange change) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return jdbc.transaction("cannot change account " + u, c -> {
            Account a = find(c, u).orElseThrow(() -> new NotFoundException("no account named '" + u + "'"));
            if (revision != null && revision != a.revision()) {
                throw new RevisionConflictException("account " + u, revision, a.revision());
            }
            String detail = change.apply(c, a);
            update(c, "UPDATE account SET updated_at = ?, revision = revision + ? WHERE id = ?", now(), bump ? 1L : 0L, a.id());
            audit(c, actor, action, u, detail);
            return find(c, u).orElseThrow();
        });
    }

    private static Optional<Account> find(Connection c, String username) throws SQLException {
        return queryOne(c, "SELECT " + COLUMNS + " FROM account WHERE username = ?", List.of(username), AccountRepository::account);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.parse(rs.getString(4)), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), rs.getLong(8));
    }

    // ---- sessions ----------------------------------------------------------------------------

    /** Starts a session (after the password was checked), with its audit line; drops expired sessions. */
    public void startSession(Account account, String tokenDigest, String csrfToken, Instant expires, Actor actor) {
        jdbc.transaction("cannot start a session for " + account.username(), c -> {
            String now = fixed(Instant.now());
            update(c, "DELETE FROM account_session WHERE expires_at < ?", now);
            update(c, "INSERT INTO account_session (token_digest, account_id, csrf_token, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?)", tokenDigest, account.id(), csrfToken, now, fixed(expires));
            audit(c, actor, StoredAccounts.LOGIN, account.username(), null);
            return null;
        });
    }

    /** The live session with this token digest: not expired, and its account not disabled. */
    public Optional<Session> session(String tokenDigest) {
        return jdbc.read("cannot read a session", c -> queryOne(c, "SELECT a.id, a.username, a.display_name, a.role,"
                        + " a.disabled, a.created_at, a.updated_at, a.revision, s.csrf_token, s.expires_at"
                        + " FROM account_session s JOIN account a ON a.id = s.account_id"
                        + " WHERE s.token_digest = ? AND s.expires_at > ? AND a.disabled = FALSE",
                List.of(tokenDigest, fixed(Instant.now())), rs -> new Session(account(rs), rs.getString(9), rs.getString(10))));
    }

    /** Ends a session (sign out), with its audit line. */
    public void endSession(String tokenDigest, Actor actor) {
        jdbc.transaction("cannot end a session", c -> {
            if (update(c, "DELETE FROM account_session WHERE token_digest = ?", tokenDigest) > 0) {
                audit(c, actor, StoredAccounts.LOGOUT, actor.name(), null);
            }
            return null;
        });
    }

    // ---- audit -------------------------------------------------------------------------------

    /** Writes one audit line on its own (e.g. a failed login). */
    public void audit(Actor actor, String action, String target, String detail) {
        jdbc.transaction("cannot write the audit log", c -> {
            audit(c, actor, action, target, detail);
            return null;
        });
    }

    /** The newest audit lines first, at most {@code limit}, optionally of one action only. */
    public List<AuditEvent> auditLog(int limit, String action) {
        String where = action == null ? "" : " WHERE action = ?";
        List<Object> params = action == null ? List.of(limit) : List.of(action, limit);
        return jdbc.read("cannot read the audit log", c -> query(c, "SELECT id, at, actor, action, target, detail, remote"
                + " FROM audit_event" + where + " ORDER BY id DESC LIMIT ?", params, rs -> new AuditEvent(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))));
    }

    static void audit(Connection c, Actor actor, String action, String target, String detail) throws SQLException {
        update(c, "INSERT INTO audit_event (at, actor, action, target, detail, remote) VALUES (?, ?, ?, ?, ?, ?)", now(),
                clip(actor.name(), 100), action, clip(target, 200), clip(detail, 1000), clip(actor.remote(), 100));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
