package org.sdaplanner.cli;

import org.sdaplanner.core.access.PasswordRules;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code sda user …}: accounts of the map server, managed from the terminal of the machine that
 * holds the store (the same rules as the admin screens: {@link AccountAdmin}). Every change is in the
 * audit log, under "cli:" and the operating-system user.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        header = "Manage the map server's accounts (add, list, disable, reset passwords, roles).",
        description = {"Manage the map server's accounts: admin, analyst, health-partner, member.",
                "Passwords are kept only as bcrypt hashes. Without --password-stdin a password is generated and shown once."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Enable.class,
                UserCommand.ResetPassword.class, UserCommand.SetRole.class})
public final class UserCommand extends CommandGroup {
    private static AccountAdmin admin(SpatialStore store) {
        return new AccountAdmin(new AccountRepository(store), id -> {
            // sessions are looked up afresh by every server within seconds: nothing cached here
        });
    }

    /** Reads one line from standard input (for scripts: {@code echo "$PW" | sda user add …}). */
    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("--password-stdin: no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printPassword(PrintWriter out, String username, String password) {
        if (password != null) {
            out.println("Password for " + username + " (shown once; give it over a safe channel): " + password);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
    static final class Add extends OnStore {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "2 to 64 lower-case letters, digits, '.', '-' or '_'.")
        String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = Converters.AccountRole.class,
                description = "admin, analyst, health-partner or member.")
        Role role;
        @Option(names = "--name", paramLabel = "TEXT", converter = Converters.DisplayName.class,
                description = "Display name, up to 200 characters on one line (default: the user name).")
        String displayName;
        @Option(names = "--password-stdin", description = "Read the password from standard input (at least "
                + PasswordRules.MIN_LENGTH + " characters) instead of generating one.")
        boolean passwordStdin;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            AccountAdmin.WithPassword added = admin(store.open()).add(username, displayName, role,
                    passwordStdin ? readPassword() : null, Actor.commandLine());
            out.println("Added " + added.account().username() + " (" + added.account().role().code() + ")");
            printPassword(out, added.account().username(), added.password());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers extends OnStore {

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<Account> all = admin(store.openForReading()).list();
            out.println(String.format(Locale.ROOT, "%-24s %-15s %-9s %-24s %s", "USERNAME", "ROLE", "STATUS", "UPDATED", "NAME"));
            for (Account a : all) {
                // stored text is printed with its control characters made visible: a display name cannot steer the terminal
                out.println(String.format(Locale.ROOT, "%-24s %-15s %-9s %-24s %s", TextRule.visible(a.username()),
                        a.role().code(), a.disabled() ? "disabled" : "active", TextRule.visible(a.updatedAt()),
                        TextRule.visible(a.displayName())));
            }
            out.println(all.size() + " account" + (all.size() == 1 ? "" : "s"));
        }
    }

    /** A subcommand that works on the store's accounts. */
    abstract static class OnStore implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
    }

    /** A subcommand about one existing account: the store and the user name. */
    abstract static class OnAccount extends OnStore {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its sessions.")
    static final class Disable extends OnAccount {

        @Override
        public void run() {
            Account a = admin(store.open()).setDisabled(username, true, null, Actor.commandLine());
            spec.commandLine().getOut().println("Disabled " + a.username() + "; its sessions are ended");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable extends OnAccount {

        @Override
        public void run() {
            Account a = admin(store.open()).setDisabled(username, false, null, Actor.commandLine());
            spec.commandLine().getOut().println("Enabled " + a.username());
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password (generated unless --password-stdin) and end the account's sessions.")
    static final class ResetPassword extends OnAccount {
        @Option(names = "--password-stdin", description = "Read the new password from standard input.")
        boolean passwordStdin;

        @Override
        public void run() {
            AccountAdmin.WithPassword r = admin(store.open()).resetPassword(username, passwordStdin ? readPassword() : null,
                    Actor.commandLine());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Reset the password of " + r.account().username() + "; its sessions are ended");
            printPassword(out, r.account().username(), r.password());
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Change an account's role.")
    static final class SetRole extends OnAccount {
        @Parameters(index = "1", paramLabel = "ROLE", converter = Converters.AccountRole.class,
                description = "admin, analyst, health-partner or member.")
        Role role;

        @Override
        public void run() {
            Account a = admin(store.open()).setRole(username, role, null, Actor.commandLine());
            spec.commandLine().getOut().println(a.username() + " is now " + a.role().code());
        }
    }
}
