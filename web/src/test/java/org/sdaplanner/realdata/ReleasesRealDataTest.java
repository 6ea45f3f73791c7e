package org.sdaplanner.realdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.cli.SdaMain;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.release.LsoaChange;
import org.sdaplanner.core.release.PcnChange;
import org.sdaplanner.core.release.ReleaseDiff;
import org.sdaplanner.importer.ImportedRelease;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.TestData;
import org.sdaplanner.web.api.BlockState;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.RefitOutcome;
import org.sdaplanner.web.api.ReleaseComparison;
import org.sdaplanner.web.plans.PlanSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two data releases on the real data, end to end: the C&P registrations under the January 2022 practice map
 * (its CCG columns read through the manifest) and under the October 2025 one; the Staffordshire & Stoke
 * registrations under the real map and under a copy of it changed here (in a temporary folder). The diff's
 * LSOA changes equal dominance worked out again from the files by {@link IndependentDominance}; the PCN
 * changes list the practices that moved; the re-fit raises the plan's alignment under the new release and
 * moves no locked block and no block of an area the change does not touch; undo takes it back.
 */
class ReleasesRealDataTest {
    /** Quicker plans than the default (the re-fit takes the plan's own effort). */
    private static final PlanSpec QUICK = new PlanSpec(null, null, null, 1, true, null, 0, 0, ClusterOptions.BALANCE_WEIGHT, 0.3);

    @Test
    void cambridgeshireUnderTheJanuary2022AndOctober2025Maps(@TempDir Path tmp) throws Exception {
        Path data = TestData.dataDir();
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + tmp.resolve("db/sda"));
        new ImportWriter(store, Progress.SILENT).write(TestData.cambridgeshire(), "oct2025");
        ReleaseRepository releases = new ReleaseRepository(store);
        RegionManifest jan = RegionManifest.load(TestData.manifest("releases/cambridgeshire-peterborough-jan2022.json"));
        ImportedRelease janRelease = new RegionImporter(Progress.SILENT).readRelease(jan, data, releases.facts().region());
        releases.add("jan2022", janRelease, false, true); // the plan is made under the older map

        Path registrations = data.resolve("cp_modelled/gp-reg-pat-prac-lsoa-all_cp_modelled.csv");
        Path janMap = data.resolve("gp_practices/cp_gp-reg-pat-prac-map_jan2022.csv");
        Path octMap = data.resolve("gp_practices/gp-reg-pat-prac-map_oct2025_england.csv");
        Map<String, String> janPractices = IndependentDominance.regionPractices(janMap, "CCG_CODE", Set.of("06H"));
        Map<String, String> octPractices = IndependentDominance.regionPractices(octMap, "SUB_ICB_LOCATION_CODE", Set.of("06H"));
        Set<String> moved = new TreeSet<>();
        janPractices.forEach((code, pcn) -> {
            if (octPractices.containsKey(code) && !pcn.equals(octPractices.get(code))) {
                moved.add(code);
            }
        });
        assertEquals(5, moved.size(), "the files: 5 of the practices in both maps changed PCN " + moved);

        try (PlannerService service = PlannerService.open(store)) {
            Plan plan = service.plans().create("Made under January 2022", QUICK, "test");
            Check check = new Check(service, plan.id(), "jan2022", "oct2025");
            check.lsoaChangesAreTheFilesOwn(registrations, janMap, octMap);
            assertEquals(moved, check.pcnChanges(PcnChange.Kind.PRACTICE_MOVED));
            assertEquals(Set.of("Y07025", "Y07057", "Y07060"), check.pcnChanges(PcnChange.Kind.PRACTICE_NEW));
            assertEquals(4, check.pcnChanges(PcnChange.Kind.PRACTICE_GONE).size());
            check.refitRaisesAlignmentAndKeepsTheRest();

            // sda release diff: the same rows, as files, and a summary on the terminal
            Path out = tmp.resolve("diff");
            StringBuilder console = new StringBuilder();
            int code = sda(console, "release", "diff", "--from", "jan2022", "--to", "oct2025",
                    "--plan", Long.toString(plan.id()), "--out", out.toString(), "--db", store.url());
            assertEquals(0, code, console.toString());
            List<String[]> rows = IndependentDominance.csv(out.resolve("lsoa_changes.csv"));
            assertEquals(check.independent.keySet(), rows.subList(1, rows.size()).stream().map(r -> r[0])
                    .collect(Collectors.toCollection(TreeSet::new)));
            List<String[]> pcnRows = IndependentDominance.csv(out.resolve("pcn_changes.csv"));
            assertEquals(moved, pcnRows.stream().filter(r -> r[0].equals("practice_moved")).map(r -> r[4])
                    .collect(Collectors.toCollection(TreeSet::new)));
            assertTrue(Files.isRegularFile(out.resolve("area_impact.csv")) && Files.isRegularFile(out.resolve("summary.json")));
            assertTrue(console.toString().contains("5 moved PCN"), console.toString());
        }
    }

    @Test
    void staffordshireUnderItsRealMapAndACopyChangedHere(@TempDir Path tmp) throws Exception {
        Path data = TestData.dataDir();
        Path manifest = TestData.manifest("staffordshire-stoke.json");
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + tmp.resolve("db/sda"));
        var imported = new RegionImporter(Progress.SILENT).read(RegionManifest.load(manifest), data);
        new ImportWriter(store, Progress.SILENT).write(imported, "oct2025");
        Path octMap = data.resolve("gp_practices/gp-reg-pat-prac-map_oct2025_england.csv");
        Path registrations = data.resolve("ssot_real/gp-reg-pat-prac-lsoa-all_ssot_qnc_oct2025.csv");

        // the changed copy: the three practices with most patients in Stoke-on-Trent join the PCNs of the next three
        // (a reorganisation inside one district, where the plan has several areas), and one PCN is renamed
        List<String[]> rows = IndependentDominance.csv(octMap);
        int code = index(rows, "PRACTICE_CODE");
        int pcn = index(rows, "PCN_CODE");
        int pcnName = index(rows, "PCN_NAME");
        int icb = index(rows, "ICB_CODE");
        Set<String> stoke = imported.lsoas().stream().filter(l -> "E06000021".equals(l.districtCode())).map(Lsoa::code)
                .collect(Collectors.toSet());
        Map<String, Long> inStoke = new TreeMap<>();
        imported.registrations().stream().filter(r -> stoke.contains(r.lsoaCode()))
                .forEach(r -> inStoke.merge(r.practiceCode(), r.patients(), Long::sum));
        Map<String, String[]> byCode = new TreeMap<>();
        rows.stream().filter(r -> r.length > icb && r[icb].equals("QNC") && !r[pcn].equals("U")).forEach(r -> byCode.put(r[code], r));
        List<String[]> busiest = inStoke.entrySet().stream().filter(e -> byCode.containsKey(e.getKey()))
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).map(e -> byCode.get(e.getKey())).toList();
        Set<String> moved = new TreeSet<>();
        for (int i = 0; i < busiest.size() && moved.size() < 3; i++) {
            String[] r = busiest.get(i);
            String[] other = busiest.stream().skip(i + 1).filter(x -> !x[pcn].equals(r[pcn])).findFirst().orElseThrow();
            r[pcn] = other[pcn];
            r[pcnName] = other[pcnName];
            moved.add(r[code]);
        }
        List<String[]> region = new ArrayList<>(byCode.values());
        String renamed = region.get(1)[pcn];
        for (String[] r : rows) {
            if (r.length > pcn && r[pcn].equals(renamed)) {
                r[pcnName] = r[pcnName] + " (RENAMED)";
            }
        }
        Path changedData = tmp.resolve("data");
        Files.createDirectories(changedData.resolve("gp_practices"));
        try (var entries = Files.list(data)) {
            for (Path p : entries.toList()) {
                if (!p.getFileName().toString().equals("gp_practices")) {
                    Files.createSymbolicLink(changedData.resolve(p.getFileName().toString()), p);
                }
            }
        }
        try (var entries = Files.list(data.resolve("gp_practices"))) {
            for (Path p : entries.toList()) {
                if (!p.getFileName().toString().equals(octMap.getFileName().toString())) {
                    Files.createSymbolicLink(changedData.resolve("gp_practices").resolve(p.getFileName().toString()), p);
                }
            }
        }
        Path changedMap = changedData.resolve("gp_practices").resolve("changed-map.csv");
        IndependentDominance.write(changedMap, rows);
        Path releaseManifest = tmp.resolve("changed-release.json");
        Files.writeString(releaseManifest, "{\"manifest_version\": 1, \"base\": \"" + manifest.toAbsolutePath().toString()
                .replace("\\", "\\\\") + "\", \"inputs\": {\"practice_map\": {\"path\": \"gp_practices/changed-map.csv\","
                + " \"format\": \"csv\", \"vintage\": \"changed in a test\"}}}");
        StringBuilder console = new StringBuilder();
        int exit = sda(console, "import", "--data", changedData.toString(), "--region",
                releaseManifest.toString(), "--release", "changed", "--db", store.url());
        assertEquals(0, exit, console.toString());
        exit = sda(console, "import", "--data", changedData.toString(), "--region",
                releaseManifest.toString(), "--release", "changed", "--db", store.url());
        assertNotEquals(0, exit, "a second import under one label asks for --replace");

        try (PlannerService service = PlannerService.open(store)) {
            Plan plan = service.plans().create("Staffordshire", QUICK, "test");
            Check check = new Check(service, plan.id(), "oct2025", "changed");
            check.lsoaChangesAreTheFilesOwn(registrations, octMap, changedMap);
            assertEquals(moved, check.pcnChanges(PcnChange.Kind.PRACTICE_MOVED));
            assertTrue(check.pcnChanges(PcnChange.Kind.PCN_RENAMED).isEmpty()); // renames are per PCN: checked below
            assertTrue(check.diff.pcns().stream().anyMatch(c -> c.kind() == PcnChange.Kind.PCN_RENAMED
                    && c.pcnCode().equals(renamed)), "PCN " + renamed + " renamed");
            check.refitRaisesAlignmentAndKeepsTheRest();
        }
    }

    /** Runs the command line, adding what it printed (out and err) to {@code console}. */
    private static int sda(StringBuilder console, String... args) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return SdaMain.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            console.append(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int index(List<String[]> rows, String column) {
        return java.util.Arrays.asList(rows.get(0)).indexOf(column);
    }

    /** The diff and the re-fit of one plan from one release to another, held to the files and to the plan's rules. */
    private static final class Check {
        final PlannerService service;
        final long plan;
        final String from;
        final String to;
        final ReleaseDiff diff;
        Map<String, IndependentDominance.Change> independent;

        Check(PlannerService service, long plan, String from, String to) {
            this.service = service;
            this.plan = plan;
            this.from = from;
            this.to = to;
            this.diff = service.releases().diff(from, to, plan, ReleaseDiff.DEFAULT_THRESHOLD);
        }

        void lsoaChangesAreTheFilesOwn(Path registrations, Path mapBefore, Path mapAfter) {
            Set<String> lsoas = service.region().analysis().geography().lsoas().stream().map(Lsoa::code)
                    .collect(Collectors.toSet());
            independent = IndependentDominance.changes(IndependentDominance.of(registrations, mapBefore, lsoas),
                    IndependentDominance.of(registrations, mapAfter, lsoas), ReleaseDiff.DEFAULT_THRESHOLD);
            assertFalse(independent.isEmpty(), "the two maps change some LSOA's dominant PCN");
            Map<String, IndependentDominance.Change> planner = new TreeMap<>();
            for (LsoaChange c : diff.lsoas()) {
                planner.put(c.code(), new IndependentDominance.Change(c.code(), c.what(), c.before().pcnCode(),
                        c.after().pcnCode(), c.before().contested(), c.after().contested()));
            }
            assertEquals(independent, planner);
        }

        Set<String> pcnChanges(PcnChange.Kind kind) {
            return diff.pcns().stream().filter(c -> c.kind() == kind && c.practiceCode() != null).map(PcnChange::practiceCode)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        void refitRaisesAlignmentAndKeepsTheRest() {
            List<String> affected = diff.affectedAreas();
            assertFalse(affected.isEmpty());
            Plan before = service.plans().plan(plan);
            // lock one block in each affected area: the re-fit must leave them where they are
            List<String> locks = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            before.blocks().forEach((block, s) -> {
                if (affected.contains(s.areaId()) && seen.add(s.areaId())) {
                    locks.add(block);
                }
            });
            service.editing().lock(plan, locks, true, null, "test");
            before = service.plans().plan(plan);
            double alignmentBefore = diff.summary().alignmentAfter();

            RefitOutcome r = service.releases().refit(plan, from, to, null, "test");
            assertTrue(r.accepted(), "the re-fit found better areas: " + r);
            assertTrue(r.blocksMoved() > 0);
            assertEquals(alignmentBefore, r.alignmentBefore(), 1e-6, "the plan under the new release, as the diff says");
            assertTrue(r.alignmentAfter() > r.alignmentBefore(), r.alignmentBefore() + " -> " + r.alignmentAfter());
            Plan after = service.plans().plan(plan);
            int movedBlocks = 0;
            for (Map.Entry<String, BlockState> e : before.blocks().entrySet()) {
                BlockState b = e.getValue();
                BlockState a = after.blocks().get(e.getKey());
                if (!b.areaId().equals(a.areaId())) {
                    movedBlocks++;
                    assertFalse(b.locked(), "locked block " + e.getKey() + " moved");
                    assertTrue(affected.contains(b.areaId()) && affected.contains(a.areaId()),
                            "block " + e.getKey() + " moved from " + b.areaId() + " to " + a.areaId() + ", not both affected");
                }
            }
            assertEquals(r.blocksMoved(), movedBlocks);
            ReleaseDiff again = service.releases().diff(from, to, plan, ReleaseDiff.DEFAULT_THRESHOLD);
            assertEquals(r.alignmentAfter(), again.summary().alignmentAfter(), 1e-6);
            // the two versions can be compared, and undo takes the re-fit back
            var compare = service.comparison().compare(plan, Integer.toString(r.versionBefore()), Integer.toString(r.versionAfter()), null);
            assertEquals(movedBlocks, compare.changedBlocks().size());
            service.editing().undo(plan, null, "test");
            Plan undone = service.plans().plan(plan);
            before.blocks().forEach((block, s) -> assertEquals(s.areaId(), undone.blocks().get(block).areaId(), block));
            ReleaseComparison page = service.releases().compare(from, to, plan, ReleaseDiff.DEFAULT_THRESHOLD);
            assertEquals(diff.lsoas().size(), page.lsoas().size());
        }
    }
}
