package org.sdaplanner.web;

import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.store.StoredAccounts.AuditEvent;
import org.sdaplanner.web.auth.AccountAdmin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accounts and audit lines as JSON (never a password hash). */
final class AccountViews {
    private AccountViews() {
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("display_name", a.displayName());
        m.put("role", a.role().code());
        m.put("disabled", a.disabled());
        m.put("created_at", a.createdAt());
        m.put("updated_at", a.updatedAt());
        m.put("revision", a.revision());
        return m;
    }

    /** An account with the password generated for it (shown this once), when one was. */
    static Map<String, Object> withPassword(AccountAdmin.WithPassword w) {
        Map<String, Object> m = account(w.account());
        if (w.password() != null) {
            m.put("generated_password", w.password());
        }
        return m;
    }

    static Map<String, Object> audit(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("detail", e.detail());
        m.put("remote", e.remote());
        return m;
    }
}
