package org.sdaplanner.cli;

import org.locationtech.jts.JTSVersion;
import org.sdaplanner.core.blocks.BlockAnalysis;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What identifies the code that makes the building blocks: the engine's classes (their CRCs in
 * the jar's index, read without unpacking anything; their bytes when run from class folders) and
 * the JTS version. A new build whose engine differs keys its blocks apart from the last one's.
 */
final class CodeIdentity {
    private static final String ENGINE = "org/sdaplanner/core/";
    private static volatile String cached;

    private CodeIdentity() {
    }

    /** The identity, or null when it cannot be told (then nothing is kept or read). */
    static String current() {
        String c = cached;
        if (c == null) {
            c = compute();
            cached = c;
        }
        return c.isEmpty() ? null : c;
    }

    private static String compute() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(JTSVersion.CURRENT_VERSION.toString().getBytes(StandardCharsets.UTF_8));
            Path where = Path.of(BlockAnalysis.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where.resolve(ENGINE))) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    List<JarEntry> engine = new java.util.ArrayList<>();
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().startsWith(ENGINE)) {
                            engine.add(entry);
                        }
                    }
                    engine.sort(java.util.Comparator.comparing(JarEntry::getName));
                    for (JarEntry entry : engine) {
                        md.update((entry.getName() + ' ' + entry.getCrc() + ' ' + entry.getSize() + '\n').getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return ""; // blocks are made every time, as before snapshots
        }
    }
}
