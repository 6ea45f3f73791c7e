package org.sdaplanner.web.auth;

import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.AccountRepository.Credentials;
import org.sdaplanner.store.LimitRepository;
import org.sdaplanner.store.StoredAccounts;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredAccounts.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs people in and out and finds who a request comes from. Sessions live in the store (every
 * server process shares them, a restart keeps them); a lookup is cached for a few seconds so that
 * reading the map does not cost a database query per request. Wrong passwords are throttled per
 * user name (after {@value #MAX_FAILURES} within a quarter of an hour, sign-in for that name is
 * refused for a minute) and per client address (after {@value #MAX_FAILURES_PER_ADDRESS}, for five
 * minutes, so that trying many names cannot keep the processors busy with bcrypt). The throttles
 * are in the store, so every server process counts the same failures. Every sign-in, failed sign-in
 * and sign-out is in the audit log.
 */
public final class Authenticator {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 50;
    /** Per user name: 5 wrong passwords within 15 minutes lock the name for a minute. */
    public static final Throttle PER_NAME = new Throttle(MAX_FAILURES, Duration.ofMinutes(15), Duration.ofMinutes(1));
    /** Per client address: 50 wrong passwords within 15 minutes (any names) lock the address for 5 minutes. */
    public static final Throttle PER_ADDRESS = new Throttle(MAX_FAILURES_PER_ADDRESS, Duration.ofMinutes(15), Duration.ofMinutes(5));
    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    /** After {@code maxFailures} wrong passwords within {@code window}, sign-in is refused for {@code lockout}. */
    public record Throttle(int maxFailures, Duration window, Duration lockout) {
    }

    private final AccountRepository accounts;
    private final LimitRepository throttles;
    private final Throttle perName;
    private final Throttle perAddress;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Visitor visitor, long at) {
    }

    /** A new session: the visitor, and the token for the cookie (never stored as such). */
    public record SignedIn(Visitor visitor, String token) {
    }

    public Authenticator(AccountRepository accounts) {
        this(accounts, PER_NAME, PER_ADDRESS);
    }

    public Authenticator(AccountRepository accounts, Throttle perName, Throttle perAddress) {
        this.accounts = accounts;
        this.throttles = accounts.limits();
        this.perName = perName;
        this.perAddress = perAddress;
    }

    public SignedIn login(String username, String password, String remote) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty() || name.length() > 64 || password == null || password.length() > 200) {
            throw new AuthException(401, "wrong user name or password", 0);
        }
        Instant now = Instant.now();
        String nameKey = "name:" + name;
        String addressKey = remote == null || remote.isBlank() ? null : "address:" + remote;
        refuseWhileLocked(addressKey, now, "too many wrong passwords from this address: try again in a few minutes");
        refuseWhileLocked(nameKey, now, "too many wrong passwords for this user name: try again in a minute");
        Optional<Credentials> cred = accounts.credentials(name);
        boolean ok = Passwords.matches(password, cred.map(Credentials::passwordHash).orElse(null));
        if (!ok || cred.get().account().disabled()) {
            failed(nameKey, addressKey, now);
            accounts.audit(new Actor(name, remote), StoredAccounts.LOGIN_FAILED, name,
                    cred.isEmpty() ? "unknown user name" : ok ? "account disabled" : "wrong password");
            throw new AuthException(401, "wrong user name or password, or the account is disabled", 0);
        }
        throttles.cleared(nameKey); // not the address's count: signing in to one's own account must not reset it
        String token = SessionTokens.newToken();
        String digest = SessionTokens.digest(token);
        String csrf = SessionTokens.newToken();
        accounts.startSession(cred.get().account(), digest, csrf, now.plus(SESSION_LIFETIME), new Actor(name, remote));
        Visitor v = new Visitor(cred.get().account(), csrf, digest);
        cache.put(digest, new Cached(v, System.nanoTime()));
        return new SignedIn(v, token);
    }

    private void refuseWhileLocked(String key, Instant now, String message) {
        if (key == null) {
            return;
        }
        throttles.lockedUntil(java.util.List.of(key), now.toEpochMilli()).ifPresent(until -> {
            throw new AuthException(429, message, Math.max(1, (until - now.toEpochMilli() + 999) / 1000));
        });
    }

    private void failed(String nameKey, String addressKey, Instant now) {
        long ms = now.toEpochMilli();
        throttles.failed(nameKey, perName.maxFailures(), perName.window().toMillis(), perName.lockout().toMillis(), ms);
        if (addressKey != null) {
            throttles.failed(addressKey, perAddress.maxFailures(), perAddress.window().toMillis(), perAddress.lockout().toMillis(),
                    ms);
        }
    }

    /** The visitor a session cookie stands for; anonymous when there is none, or it expired or was ended. */
    public Visitor resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Visitor.ANONYMOUS;
        }
        String digest = SessionTokens.digest(token);
        Cached c = cache.get(digest);
        long now = System.nanoTime();
        if (c != null && now - c.at() < CACHE_NANOS) {
            return c.visitor();
        }
        Optional<Session> s = accounts.session(digest);
        if (s.isEmpty()) {
            cache.remove(digest);
            return Visitor.ANONYMOUS;
        }
        Visitor v = new Visitor(s.get().account(), s.get().csrfToken(), digest);
        cache.put(digest, new Cached(v, now));
        return v;
    }

    public void logout(Visitor v, String remote) {
        if (v.signedIn()) {
            cache.remove(v.tokenDigest());
            accounts.endSession(v.tokenDigest(), new Actor(v.name(), remote));
        }
    }

    /** Drops cached sessions of an account after a change to it (role, disabled, password). */
    public void forget(long accountId) {
        cache.values().removeIf(c -> c.visitor().account().id() == accountId);
    }
}
