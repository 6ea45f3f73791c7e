package org.sdaplanner.web.auth;

import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.StoredAccounts.Account;

import java.util.Optional;

/** Who is making a request: an account with its session, or nobody (anonymous). */
public record Visitor(Account account, String csrfToken, String tokenDigest) {
    public static final Visitor ANONYMOUS = new Visitor(null, null, null);

    public boolean signedIn() {
        return account != null;
    }

    public Optional<Role> role() {
        return account == null ? Optional.empty() : Optional.of(account.role());
    }

    /** The name written in plan histories and audit lines. */
    public String name() {
        return account == null ? "anonymous" : account.username();
    }
}
