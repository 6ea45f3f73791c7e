package org.sdaplanner.web.auth;

import org.sdaplanner.core.access.PasswordRules;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.StoreConflictException;
import org.sdaplanner.store.StoredAccounts;
import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.store.StoredAccounts.Actor;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Managing accounts, the same for {@code sda user …} and the admin screens: password rules, hashing,
 * generated passwords, and the guard that the last enabled admin is never disabled or demoted.
 */
public final class AccountAdmin {
    private final AccountRepository accounts;
    private final LongConsumer changed;

    /** @param changed told the id of every account changed (to drop cached sessions) */
    public AccountAdmin(AccountRepository accounts, LongConsumer changed) {
        this.accounts = accounts;
        this.changed = changed;
    }

    /** An account just added or whose password was reset; {@code password} is set when it was generated. */
    public record WithPassword(Account account, String password) {
        @Override
        public String toString() {
            return "WithPassword[" + account.username() + "]";
        }
    }

    /** Adds an account; a null password is generated (and returned once). */
    public WithPassword add(String username, String displayName, Role role, String password, Actor actor) {
        String u = AccountRepository.normalise(username);
        String pw = password == null ? Passwords.generate() : password;
        check(pw, u);
        Account a = accounts.add(u, displayName, role, Passwords.hash(pw), actor);
        return new WithPassword(a, password == null ? pw : null);
    }

    /** When there is no account at all, adds "admin" with a generated password (shown once by the caller). */
    public java.util.Optional<WithPassword> ensureFirstAdmin(Actor actor) {
        if (accounts.count() > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(add("admin", "Administrator", Role.ADMIN, null, actor));
    }

    public List<Account> list() {
        return accounts.list();
    }

    public java.util.Optional<Account> find(String username) {
        return accounts.find(username);
    }

    public Account setRole(String username, Role role, Long revision, Actor actor) {
        Account before = require(username);
        if (before.role() == Role.ADMIN && role != Role.ADMIN) {
            guardLastAdmin(before, "change the role of");
        }
        Account a = accounts.setRole(username, role, revision, actor);
        changed.accept(a.id());
        return a;
    }

    public Account setDisabled(String username, boolean disabled, Long revision, Actor actor) {
        Account before = require(username);
        if (disabled && before.role() == Role.ADMIN) {
            guardLastAdmin(before, "disable");
        }
        Account a = accounts.setDisabled(username, disabled, revision, actor);
        changed.accept(a.id());
        return a;
    }

    /** Sets a new password (generated when null) and ends the account's sessions. */
    public WithPassword resetPassword(String username, String password, Actor actor) {
        Account before = require(username);
        String pw = password == null ? Passwords.generate() : password;
        check(pw, before.username());
        Account a = accounts.setPassword(before.username(), Passwords.hash(pw), StoredAccounts.PASSWORD_RESET, null, actor);
        changed.accept(a.id());
        return new WithPassword(a, password == null ? pw : null);
    }

    /** A user changes their own password, giving the current one; their other sessions end. */
    public Account changeOwnPassword(Account who, String current, String next, String keepSessionDigest, Actor actor) {
        String hash = accounts.credentials(who.username()).map(AccountRepository.Credentials::passwordHash).orElse(null);
        if (!Passwords.matches(current, hash)) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        check(next, who.username());
        Account a = accounts.setPassword(who.username(), Passwords.hash(next), StoredAccounts.PASSWORD_CHANGED,
                keepSessionDigest, actor);
        changed.accept(a.id());
        return a;
    }

    private Account require(String username) {
        return accounts.find(username).orElseThrow(() -> new org.sdaplanner.store.NotFoundException(
                "no account named '" + username + "'"));
    }

    private void guardLastAdmin(Account admin, String what) {
        long others = accounts.list().stream()
                .filter(a -> a.role() == Role.ADMIN && !a.disabled() && a.id() != admin.id()).count();
        if (others == 0) {
            throw new StoreConflictException("cannot " + what + " '" + admin.username()
                    + "': it is the last enabled admin account (add another admin first)");
        }
    }

    private static void check(String password, String username) {
        PasswordRules.problem(password, username).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}
