package org.sdaplanner.web.routes;

import org.sdaplanner.store.StoredAccounts;
import org.sdaplanner.web.api.Account;
import org.sdaplanner.web.api.AuditEvent;
import org.sdaplanner.web.auth.AccountAdmin;

/** Accounts and audit lines as the API shows them (never a password hash). */
final class AccountAnswers {
    private AccountAnswers() {
    }

    static Account account(StoredAccounts.Account a) {
        return withPassword(a, null);
    }

    /** An account with the password generated for it (shown this once), when one was. */
    static Account withPassword(AccountAdmin.WithPassword w) {
        return withPassword(w.account(), w.password());
    }

    private static Account withPassword(StoredAccounts.Account a, String generated) {
        return new Account(a.username(), a.displayName(), a.role().code(), a.disabled(), a.createdAt(), a.updatedAt(),
                a.revision(), generated);
    }

    static AuditEvent audit(StoredAccounts.AuditEvent e) {
        return new AuditEvent(e.id(), e.at(), e.actor(), e.action(), e.target(), e.detail(), e.remote());
    }
}
