package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.ClusteringCodec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * Everything a search's result is made from, as the key it is kept under: the blocks (their
 * snapshot key, which holds the geography, the rule and the engine's code), every option of the
 * clusterer, the CP-SAT solver's version and the platform its native library runs on. Any change to
 * one of them is another key, so a kept result is never read for a search it did not come from.
 *
 * @param blocksKey the digest of the blocks' {@link BlockSnapshotKey}
 * @param solver    the OR-tools version ({@link #solverVersion}), or null when it cannot be told
 */
record SearchKey(String blocksKey, String solver, ClusterOptions options) {

    /** The canonical description: doubles as raw bits, maps in key order, so no two settings print alike. */
    String description() {
        ClusterOptions o = options;
        AreaCounts n = o.counts();
        StringBuilder s = new StringBuilder("sda search, codec format ").append(ClusteringCodec.FORMAT);
        s.append("\nblocks ").append(blocksKey);
        s.append("\nsolver ").append(solver).append(' ').append(System.getProperty("os.arch"));
        s.append("\ncounts ").append(n.areas()).append(' ').append(n.partsOfTheirOwn()).append(' ').append(n.unparishedAreas());
        table(s, "per district", n.perDistrict());
        table(s, "unparished per district", n.unparishedPerDistrict());
        s.append("\nseed ").append(o.seed());
        s.append("\nnesting ").append(o.districtNesting());
        s.append("\nresidents ").append(KeyText.bits(o.minResidents())).append(' ').append(KeyText.bits(o.maxResidents()));
        s.append("\ndeviation ").append(o.maxDeviation() == null ? "none" : KeyText.bits(o.maxDeviation())).append(' ')
                .append(o.deviationWidens());
        s.append("\nweights ").append(KeyText.bits(o.balanceWeight())).append(' ').append(KeyText.bits(o.compactnessWeight()));
        s.append("\neffort ").append(KeyText.bits(o.effort()));
        return s.toString();
    }

    /** SHA-256 of the description, in hex. */
    String digest() {
        return KeyText.sha256(description());
    }

    /** OR-tools' version from its Maven properties (in the jar, shaded or not); null when they cannot be read. */
    static String solverVersion() {
        try (InputStream in = SearchKey.class.getResourceAsStream("/META-INF/maven/com.google.ortools/ortools-java/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private static void table(StringBuilder s, String what, Map<String, Integer> counts) {
        s.append('\n').append(what);
        // AreaCounts keeps them in an unordered copy: sort here so that the key does not depend on it
        new java.util.TreeMap<>(counts).forEach((code, k) -> s.append(' ').append(code).append('\u0000').append(k));
    }
}
