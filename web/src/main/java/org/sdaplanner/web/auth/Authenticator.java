package org.sdaplanner.web.auth;

import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.AccountRepository.Credentials;
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
 * user name: after {@value #MAX_FAILURES} within a quarter of an hour, sign-in for that name is
 * refused for a minute. Every sign-in, failed sign-in and sign-out is in the audit log.
 */
public final class Authenticator {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final int MAX_FAILURES = 5;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCKOUT = Duration.ofMinutes(1);
    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final AccountRepository accounts;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Cached(Visitor visitor, long at) {
    }

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    /** A new session: the visitor, and the token for the cookie (never stored as such). */
    public record SignedIn(Visitor visitor, String token) {
    }

    public Authenticator(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public SignedIn login(String username, String password, String remote) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty() || name.length() > 64 || password == null || password.length() > 200) {
            throw new AuthException(401, "wrong user name or password", 0);
        }
        Instant now = Instant.now();
        Failures f = failures.get(name);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            throw new AuthException(429, "too many wrong passwords for this user name: try again in a minute",
                    Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds()));
        }
        Optional<Credentials> cred = accounts.credentials(name);
        boolean ok = Passwords.matches(password, cred.map(Credentials::passwordHash).orElse(null));
        if (!ok || cred.get().account().disabled()) {
            failed(name, now);
            accounts.audit(new Actor(name, remote), StoredAccounts.LOGIN_FAILED, name,
                    cred.isEmpty() ? "unknown user name" : ok ? "account disabled" : "wrong password");
            throw new AuthException(401, "wrong user name or password, or the account is disabled", 0);
        }
        failures.remove(name);
        String token = SessionTokens.newToken();
        String digest = SessionTokens.digest(token);
        String csrf = SessionTokens.newToken();
        accounts.startSession(cred.get().account(), digest, csrf, now.plus(SESSION_LIFETIME), new Actor(name, remote));
        Visitor v = new Visitor(cred.get().account(), csrf, digest);
        cache.put(digest, new Cached(v, System.nanoTime()));
        return new SignedIn(v, token);
    }

    private void failed(String name, Instant now) {
        if (failures.size() > 10_000) {
            // bounded memory against floods of made-up names: old entries go first
            failures.values().removeIf(f -> Duration.between(f.first(), now).compareTo(FAILURE_WINDOW) > 0);
        }
        failures.compute(name, (k, old) -> {
            if (old == null || Duration.between(old.first(), now).compareTo(FAILURE_WINDOW) > 0) {
                return new Failures(1, now, null);
            }
            int n = old.count() + 1;
            return new Failures(n, old.first(), n >= MAX_FAILURES ? now.plus(LOCKOUT) : null);
        });
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
