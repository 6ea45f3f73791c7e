package org.sdaplanner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bad argument the issue found (and the like) gets a one-line message naming the option and
 * what was expected, exit code 2, no stack trace, and nothing written: no store opened, no output.
 */
class CommandLineArgumentsTest {
    @TempDir
    static Path shared;
    static String db;
    static Path aFile;

    @TempDir
    Path dir;

    /** One real import (C&P) for the arguments that are only wrong once the region is known. */
    @BeforeAll
    static void importOnce() throws Exception {
        db = "jdbc:h2:file:" + shared.resolve("db");
        Result r = sda("import", "--data", CommandLineTest.dataDir().toString(), "--region",
                CommandLineTest.manifest("cambridgeshire-peterborough.json").toString(), "--db", db);
        assertEquals(0, r.code, r.err);
        aFile = Files.writeString(shared.resolve("a-file.txt"), "not a folder");
    }

    record Result(int code, String out, String err) {
    }

    static Result sda(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SdaMain.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Exit 2, one line on standard error holding every part, no stack trace. */
    static String refused(Result r, String... parts) {
        assertEquals(FailureHandler.INPUT_ERROR, r.code, () -> "exit code; stderr:\n" + r.err);
        String err = r.err.strip();
        assertFalse(err.contains("\n"), () -> "one line expected:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("java."), () -> "no stack trace:\n" + err);
        for (String p : parts) {
            if (!err.contains(p)) {
                fail("message lacks <" + p + ">:\n" + err);
            }
        }
        return err;
    }

    @Test
    void numbersOutOfRangeAreRefusedWhenTheCommandLineIsRead() {
        Path out = dir.resolve("plan");
        refused(sda("build", "--db", db, "--random-plans", "-1", "--out", out.toString()),
                "--random-plans", "expected a number of random plans: a whole number from 0 to 10,000, found -1");
        refused(sda("build", "--db", db, "--areas", "0", "--out", out.toString()),
                "--areas", "expected a number of areas: a whole number from 1 to 1,000, found 0");
        refused(sda("build", "--db", db, "--areas", "-1", "--out", out.toString()), "found -1");
        refused(sda("build", "--db", db, "--areas", "many", "--out", out.toString()), "found 'many'");
        refused(sda("build", "--db", db, "--balance-weight", "-1", "--out", out.toString()),
                "--balance-weight", "expected a weight: a number from 0 to 1,000, found '-1'");
        refused(sda("build", "--db", db, "--balance-weight", "NaN", "--out", out.toString()), "found 'NaN'");
        refused(sda("build", "--db", db, "--balance-weight", "Infinity", "--out", out.toString()), "found 'Infinity'");
        refused(sda("build", "--db", db, "--min-population", "-5", "--out", out.toString()), "--min-population");
        refused(sda("build", "--db", db, "--seed", "abc", "--out", out.toString()), "expected a seed: a whole number, found 'abc'");
        refused(sda("build", "--db", db, "--min-population", "50000", "--max-population", "100", "--out", out.toString()),
                "--max-population 100 is below --min-population 50,000");
        refused(sda("dominance", "--db", db, "--rule", "loudest", "--out", dir.resolve("d.csv").toString()), "--rule");
        refused(sda("export", "--db", db, "--format", "xlsx", "--out", out.toString()), "--format", "expected one of geojson, gpkg, shp, csv, all, found 'xlsx'");
        refused(sda("serve", "--db", db, "--port", "70000"), "--port", "from 0 to 65,535, found 70,000");
        refused(sda("serve", "--db", db, "--port", "-1"), "found -1");
        refused(sda("serve", "--db", db, "--host", "bad host;rm"), "--host");
        refused(sda("build", "--db", db, "--no-such-option", "--out", out.toString()), "Unknown option: '--no-such-option'",
                "see 'sda build --help'");
        refused(sda("dominance", "--db", db), "Missing required option", "--out");
        assertFalse(Files.exists(out), "nothing was written");
    }

    /** --slivers takes join or keep only, in every command that makes blocks; 'sda dominance' makes none and has no --slivers. */
    @Test
    void sliversIsJoinOrKeep() {
        Path out = dir.resolve("plan");
        String expected = "expected join (slivers join a neighbouring block, the default) or keep (every LSOA piece outside"
                + " the parishes is a block), found 'off'";
        refused(sda("build", "--db", db, "--slivers", "off", "--out", out.toString()), "Invalid value for option '--slivers'",
                expected, "see 'sda build --help'");
        refused(sda("blocks", "--db", db, "--slivers", "off", "--out", dir.resolve("b.geojson").toString()), "'--slivers'", expected);
        refused(sda("export", "--db", db, "--format", "csv", "--slivers", "", "--out", out.toString()), "'--slivers'", "found ''");
        refused(sda("profiles", "--db", db, "--slivers", "KEEP!", "--out", out.toString()), "'--slivers'", "found 'KEEP!'");
        refused(sda("dominance", "--db", db, "--slivers", "keep", "--out", dir.resolve("d.csv").toString()),
                "Unknown options: '--slivers'");
        refused(sda("export", "--db", db, "--plan", "Any", "--slivers", "keep", "--format", "csv", "--out", out.toString()),
                "--slivers shapes a new plan");
        assertFalse(Files.exists(out), "nothing was written");
        assertFalse(Files.exists(dir.resolve("b.geojson")));
    }

    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeAnyWork() {
        refused(sda("build", "--db", db, "--out", "/dev/null/x"), "--out", "/dev/null/x cannot be made: /dev/null is a file");
        refused(sda("build", "--db", db, "--out", aFile.toString()), "--out", aFile + " is a file, not a folder");
        refused(sda("profiles", "--db", db, "--out", aFile.toString()), "is a file, not a folder");
        refused(sda("export", "--db", db, "--format", "shp", "--out", aFile.toString()), "is a file, not a folder");
        refused(sda("export", "--db", db, "--format", "gpkg", "--out", aFile.resolve("sub").toString()),
                "cannot be made: " + aFile + " is a file");
        refused(sda("dominance", "--db", db, "--out", "/dev/null/x.csv"), "/dev/null is a file, not a folder");
        refused(sda("dominance", "--db", db, "--out", dir.toString()), dir + " is a folder: give the name of a file");
        refused(sda("blocks", "--db", db, "--out", "/dev/null/b.geojson"), "/dev/null is a file");
        refused(sda("blocks", "--db", db, "--out", aFile.resolve("b.geojson").toString()), aFile + " is a file, not a folder");
    }

    @Test
    void tooManyAreasForTheRegionIsRefusedBeforeAnyFileIsWritten() {
        Path out = dir.resolve("export");
        refused(sda("export", "--db", db, "--format", "all", "--areas", "1000", "--out", out.toString()),
                "--areas 1000: the region has ", " building blocks, so at most ");
        assertFalse(Files.exists(out));
    }

    @Test
    void aReportThatCannotBeWrittenStopsTheImportBeforeTheStore() throws Exception {
        Path store = dir.resolve("store");
        String url = "jdbc:h2:file:" + store.resolve("db");
        for (String report : new String[]{"/dev/null/report.json", dir.toString(), aFile.resolve("r.json").toString()}) {
            refused(sda("import", "--data", CommandLineTest.dataDir().toString(), "--region",
                    CommandLineTest.manifest("cambridgeshire-peterborough.json").toString(), "--db", url, "--report", report),
                    "--report");
        }
        assertFalse(Files.exists(store), "the store was not even opened");
        // and a good report is written only once the import is stored
        Path good = dir.resolve("reports/import.json");
        Result ok = sda("import", "--data", CommandLineTest.dataDir().toString(), "--region",
                CommandLineTest.manifest("cambridgeshire-peterborough.json").toString(), "--db", url, "--report", good.toString());
        assertEquals(0, ok.code, ok.err);
        assertTrue(Files.readString(good).contains("\"registered_patients\" : 1055087"));
        try (var files = Files.list(good.getParent())) {
            assertEquals(1, files.count(), "no pending report left behind");
        }
    }

    @Test
    void accountsOptionsAreCheckedAndStoredNamesPrintSafely() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("accounts");
        refused(sda("user", "add", "ana", "--role", "wizard", "--db", url), "--role",
                "expected one of admin, analyst, health-partner, member, found 'wizard'");
        refused(sda("user", "add", "ana", "--role", "member", "--name", "Ana\u001b[31m", "--db", url), "--name",
                "display name: has a control character (U+001B)");
        refused(sda("user", "set-role", "ana", "emperor", "--db", url), "ROLE");
        assertEquals(0, sda("user", "add", "ana", "--role", "member", "--name", "Ana", "--db", url).code);
        // a display name stored before these rules, with escape sequences and a bell in it
        try (Connection c = DriverManager.getConnection(url + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET display_name = 'Ana ' || CHAR(27) || '[2J' || CHAR(7) WHERE username = 'ana'");
        }
        Result list = sda("user", "list", "--db", url);
        assertEquals(0, list.code, list.err);
        assertTrue(list.out.contains("Ana \\u001b[2J\\u0007"), list.out);
        assertTrue(list.out.chars().noneMatch(ch -> ch == 27 || ch == 7), "no control character reaches the terminal");
    }
}
