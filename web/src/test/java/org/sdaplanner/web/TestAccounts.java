package org.sdaplanner.web;

import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts for the API tests, all with one known password, and signed-in clients for them. */
final class TestAccounts {
    static final String PASSWORD = "correct horse battery staple";
    private final SpatialStore store;
    private final String base;
    private final Map<String, Http> clients = new ConcurrentHashMap<>();

    TestAccounts(SpatialStore store, String base) {
        this.store = store;
        this.base = base;
    }

    /** Adds the account when it does not exist yet. */
    void ensure(String username, Role role) {
        AccountRepository repo = new AccountRepository(store);
        if (repo.find(username).isEmpty()) {
            new AccountAdmin(repo, id -> { }).add(username, username, role, PASSWORD, new Actor("test", "local"));
        }
    }

    /** A client signed in as this user, added with the role when missing (one session per user, reused). */
    Http as(String username, Role role) {
        return clients.computeIfAbsent(username, u -> {
            ensure(u, role);
            return new Http(base).signIn(u, PASSWORD);
        });
    }

    /** An analyst's client. */
    Http analyst(String username) {
        return as(username, Role.ANALYST);
    }
}
