package org.sdaplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.web.auth.Passwords;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sda user add|list|disable|enable|reset-password|set-role} on an embedded store (no import needed). */
class UserCommandTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result sda(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = SdaMain.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @Test
    void accountsAreManagedFromTheCommandLine(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("sda");
        Result added = sda(null, "user", "add", "Ana", "--role", "analyst", "--name", "Ana Lyst", "--db", db);
        assertEquals(0, added.exit(), added.err());
        Matcher m = Pattern.compile("Password for ana \\(shown once[^)]*\\): (\\S+)").matcher(added.out());
        assertTrue(m.find(), added.out());
        String generated = m.group(1);

        AccountRepository repo = new AccountRepository(SpatialStore.open(db));
        Account ana = repo.find("ana").orElseThrow();
        assertEquals(Role.ANALYST, ana.role());
        assertEquals("Ana Lyst", ana.displayName());
        String hash = repo.credentials("ana").orElseThrow().passwordHash();
        assertTrue(hash.startsWith("$2a$11$"), "bcrypt, cost 11");
        assertTrue(Passwords.matches(generated, hash));
        assertFalse(hash.contains(generated));

        Result piped = sda("a long chosen passphrase\n", "user", "add", "cllr-bo", "--role", "member", "--password-stdin", "--db", db);
        assertEquals(0, piped.exit(), piped.err());
        assertFalse(piped.out().contains("Password for"), "a chosen password is not echoed");
        assertTrue(Passwords.matches("a long chosen passphrase", repo.credentials("cllr-bo").orElseThrow().passwordHash()));

        Result weak = sda("short\n", "user", "add", "weak", "--role", "member", "--password-stdin", "--db", db);
        assertEquals(FailureHandler.INPUT_ERROR, weak.exit());
        assertTrue(weak.err().contains("at least 10 characters"), weak.err());
        Result twice = sda(null, "user", "add", "ana", "--role", "member", "--db", db);
        assertEquals(FailureHandler.INPUT_ERROR, twice.exit());
        assertTrue(twice.err().contains("already exists"), twice.err());
        Result badRole = sda(null, "user", "add", "x1", "--role", "mayor", "--db", db);
        assertEquals(FailureHandler.INPUT_ERROR, badRole.exit());
        assertTrue(badRole.err().contains("--role': expected one of admin, analyst, health-partner, member, found 'mayor'"),
                badRole.err());

        assertEquals(0, sda(null, "user", "disable", "cllr-bo", "--db", db).exit());
        assertTrue(repo.find("cllr-bo").orElseThrow().disabled());
        Result list = sda(null, "user", "list", "--db", db);
        assertTrue(list.out().contains("cllr-bo") && list.out().contains("disabled") && list.out().contains("2 accounts"), list.out());
        assertEquals(0, sda(null, "user", "enable", "cllr-bo", "--db", db).exit());

        Result reset = sda(null, "user", "reset-password", "cllr-bo", "--db", db);
        assertEquals(0, reset.exit(), reset.err());
        assertFalse(Passwords.matches("a long chosen passphrase", repo.credentials("cllr-bo").orElseThrow().passwordHash()));
        assertEquals(0, sda(null, "user", "set-role", "cllr-bo", "health-partner", "--db", db).exit());
        assertEquals(Role.HEALTH_PARTNER, repo.find("cllr-bo").orElseThrow().role());
        Result missing = sda(null, "user", "disable", "nobody", "--db", db);
        assertEquals(FailureHandler.INPUT_ERROR, missing.exit());
        assertTrue(missing.err().contains("no account named 'nobody'"), missing.err());

        // every change is in the audit log, by the command line's user
        var log = repo.auditLog(100, null);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("account-disabled") && e.target().equals("cllr-bo")
                && e.actor().startsWith("cli:")), log::toString);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("role-changed") && e.detail().equals("member -> health-partner")));
    }
}
