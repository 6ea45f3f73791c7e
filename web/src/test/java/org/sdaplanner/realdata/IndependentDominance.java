package org.sdaplanner.realdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dominant PCNs worked out again from the two official files alone (registrations by practice × LSOA and the
 * practice → PCN map), with none of the planner's code: a plain CSV split, patients summed per LSOA and PCN,
 * the PCN with most patients (ties: the lower code) and its share of every patient registered from the LSOA.
 * Tests hold the release diff to this.
 */
final class IndependentDominance {
    /** The dominant PCN of one LSOA (null when no practice of a PCN has patients there), its share, contested. */
    record Dominance(String pcn, double share, boolean contested) {
    }

    /** What changed for one LSOA, as the issue defines it. */
    record Change(String code, List<String> what, String before, String after, boolean contestedBefore, boolean contestedAfter) {
    }

    private IndependentDominance() {
    }

    /** Practice code → PCN code of every practice in the map (a PCN of "U" is no PCN). */
    static Map<String, String> practicePcns(Path map) {
        List<String[]> rows = csv(map);
        int code = column(rows, "PRACTICE_CODE");
        int pcn = column(rows, "PCN_CODE");
        Map<String, String> out = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            out.put(r[code], r[pcn]);
        }
        return out;
    }

    /** The region's practices in a map: those whose {@code column} is one of {@code values}, with their PCN. */
    static Map<String, String> regionPractices(Path map, String column, Set<String> values) {
        List<String[]> rows = csv(map);
        int code = column(rows, "PRACTICE_CODE");
        int pcn = column(rows, "PCN_CODE");
        int filter = column(rows, column);
        Map<String, String> out = new TreeMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (values.contains(r[filter])) {
                out.put(r[code], r[pcn]);
            }
        }
        return out;
    }

    static Map<String, Dominance> of(Path registrations, Path map, Set<String> lsoas) {
        Map<String, String> pcnOf = practicePcns(map);
        List<String[]> rows = csv(registrations);
        int practice = column(rows, "PRACTICE_CODE");
        int lsoa = column(rows, "LSOA_CODE");
        int patients = column(rows, "NUMBER_OF_PATIENTS");
        Map<String, Long> total = new HashMap<>();
        Map<String, Map<String, Long>> byPcn = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (!lsoas.contains(r[lsoa])) {
                continue;
            }
            long n = Long.parseLong(r[patients].strip());
            total.merge(r[lsoa], n, Long::sum);
            String pcn = pcnOf.get(r[practice]);
            if (pcn != null && !pcn.isBlank() && !"U".equals(pcn)) {
                byPcn.computeIfAbsent(r[lsoa], k -> new TreeMap<>()).merge(pcn, n, Long::sum);
            }
        }
        Map<String, Dominance> out = new TreeMap<>();
        for (String l : lsoas) {
            String best = null;
            long most = 0;
            for (var e : byPcn.getOrDefault(l, Map.of()).entrySet()) { // by code: the first of equals is the lower code
                if (e.getValue() > most) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            long all = total.getOrDefault(l, 0L);
            double share = best == null || all == 0 ? 0 : (double) most / all;
            out.put(l, new Dominance(best, share, best == null || share < 0.5));
        }
        return out;
    }

    /** Every LSOA whose dominant PCN, contested flag or (else) dominant share by more than {@code threshold} changed. */
    static Map<String, Change> changes(Map<String, Dominance> a, Map<String, Dominance> b, double threshold) {
        Map<String, Change> out = new TreeMap<>();
        for (String l : a.keySet()) {
            Dominance x = a.get(l);
            Dominance y = b.get(l);
            List<String> what = new ArrayList<>();
            if (!java.util.Objects.equals(x.pcn(), y.pcn())) {
                what.add("dominant");
            }
            if (x.contested() != y.contested()) {
                what.add("contested");
            }
            if (what.isEmpty() && Math.abs(x.share() - y.share()) > threshold) {
                what.add("share");
            }
            if (!what.isEmpty()) {
                out.put(l, new Change(l, what, x.pcn(), y.pcn(), x.contested(), y.contested()));
            }
        }
        return out;
    }

    private static int column(List<String[]> rows, String name) {
        String[] header = rows.get(0);
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().replace("\uFEFF", "").equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** RFC 4180 rows: quoted cells may hold commas and doubled quotes. */
    static List<String[]> csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            cells.add(cur.toString());
            out.add(cells.toArray(new String[0]));
        }
        return out;
    }

    /** Writes rows back as CSV (quoting cells that need it): the modified practice map of a test. */
    static void write(Path file, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String v = r[i];
                sb.append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
