package org.sdaplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people see in the terminal: {@code sda --help} lists every command with a summary that reads
 * in full, the {@code sda} script shows none of Maven's output (nor its colour codes) unless the build
 * fails, and the libraries' start-up lines stay out of the way ({@code StartCommandTest} runs
 * {@code sda start} and reads what it prints).
 */
class CleanOutputTest {

    @Test
    void everyCommandSummaryIsACompleteSentence() {
        CommandLine cl = new CommandLine(new SdaMain());
        List<String> cut = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            CommandLine.Model.UsageMessageSpec u = e.getValue().getCommandSpec().usageMessage();
            String summary = u.header().length > 0 ? u.header()[0] : u.description().length > 0 ? u.description()[0] : "";
            if (!summary.endsWith(".") && !summary.endsWith(")")) {
                cut.add(e.getKey() + ": \"" + summary + "\"");
            }
            for (Map.Entry<String, CommandLine> sub : e.getValue().getSubcommands().entrySet()) {
                CommandLine.Model.UsageMessageSpec s = sub.getValue().getCommandSpec().usageMessage();
                String line = s.header().length > 0 ? s.header()[0] : s.description().length > 0 ? s.description()[0] : "";
                if (!line.endsWith(".")) {
                    cut.add(e.getKey() + " " + sub.getKey() + ": \"" + line + "\"");
                }
            }
        }
        assertEquals(List.of(), cut, "command summaries cut mid-sentence in 'sda --help'");
        String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(usage.contains("Read, check and store a region's official files."), usage);
        assertTrue(usage.contains("Import when the store is empty, build the default plan, then serve the map."), usage);
    }

    @Test
    void theLibrariesStartUpLinesAreOff() throws IOException {
        Properties p = new Properties();
        try (var in = CleanOutputTest.class.getResourceAsStream("/simplelogger.properties")) {
            p.load(in);
        }
        assertEquals("warn", p.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty"), "Jetty's INFO lines");
        assertEquals("warn", p.getProperty("org.slf4j.simpleLogger.log.io.javalin"), "Javalin's INFO lines and its version nag");
    }

    /** The sda script with a stand-in mvn (printing colour codes like Maven's) and java on the PATH. */
    @Test
    void theScriptShowsMavenOnlyWhenTheBuildFails(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("checkout");
        for (String d : List.of("core/src", "gis-import/src", "web/src")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.copy(script(), root.resolve("sda"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a stand-in java that writes the class-data archive it is asked for, as the JVM does at exit
        executable(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)"
                + " touch \"${a#-XX:ArchiveClassesAtExit=}\";; esac; done\necho \"java $*\"\n");

        executable(bin.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m\\033[0m[INFO] Scanning for projects\\n'\n"
                + "mkdir -p web/target && touch web/target/sda.jar\n");
        Result ok = run(root, bin, "--help");
        assertEquals(0, ok.exit(), ok.err());
        Path jar = root.resolve("web/target/sda.jar");
        Path archive = root.resolve("web/target/sda.jsa");
        String quiet = " -Xlog:cds=off -Xlog:cds+dynamic=off";
        assertEquals("java -Xmx4g -XX:TieredStopAtLevel=1 -jar " + jar + " --help", ok.out().strip());
        assertEquals("Building sda (first run, or sources changed) …", ok.err().strip(), "only the script's own line");
        assertFalse((ok.out() + ok.err()).contains("\u001b"), "no escape codes");
        assertFalse(Files.exists(archive), "--help loads too few classes to be worth an archive");
        // the first command that reads the store makes the archive (moved into place whole); the next ones start from it
        Result first = run(root, bin, "plan", "list");
        assertTrue(first.out().strip().matches(java.util.regex.Pattern.quote("java -Xmx4g -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="
                + archive + ".") + "\\d+" + java.util.regex.Pattern.quote(quiet + " -jar " + jar + " plan list")), first.out());
        assertTrue(Files.isRegularFile(archive), "the class-data archive is kept");
        try (var files = Files.list(archive.getParent())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("sda.jsa.")).toList(), "no half-made archive left");
        }
        Result next = run(root, bin, "dominance");
        assertEquals("java -Xmx4g -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=" + archive + " -Xshare:auto" + quiet + " -jar " + jar
                + " dominance", next.out().strip());
        Result server = run(root, bin, "serve");
        assertEquals("java -Xmx4g -XX:SharedArchiveFile=" + archive + " -Xshare:auto" + quiet + " -jar " + jar + " serve",
                server.out().strip(), "the server keeps the optimising compiler");

        Files.delete(root.resolve("web/target/sda.jar"));
        executable(bin.resolve("mvn"), "#!/bin/sh\necho '[ERROR] COMPILATION ERROR: Foo.java:[3,1] class, interface, enum, or record expected'\nexit 1\n");
        Result failed = run(root, bin, "--help");
        assertEquals(1, failed.exit());
        assertTrue(failed.err().contains("COMPILATION ERROR") && failed.err().contains("The build failed"), failed.err());
        assertFalse(failed.out().contains("java "), "java is not started after a failed build");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path root, Path bin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("sda").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().remove("SDA_JAVA_OPTS");
        Path out = Files.createTempFile(root.getParent(), "out", ".txt");
        Path err = Files.createTempFile(root.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path script() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("sda"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("the sda script is not above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("sda");
    }
}
