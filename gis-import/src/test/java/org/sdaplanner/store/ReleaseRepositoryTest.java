package org.sdaplanner.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.ImportedRelease;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.TinyRegion;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments.NewComment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data releases on both stores through the same SQL: a region's import is its first release, another
 * release is added beside it without touching plans or comments, a label is taken once (then --replace),
 * making a release current copies it into the tables the planner reads, a release that does not match the
 * store is refused saying what differs, and a store made before releases (schema 7) is upgraded with its
 * import as release 'initial' and its plans and comments kept.
 */
class ReleaseRepositoryTest {
    @TempDir
    static Path dir;

    /** The tiny region with practice D81002 moved from North PCN to South PCN, and North PCN renamed. */
    static TinyRegion.Written moved(Path where) {
        return TinyRegion.standard().edit(TinyRegion.PRACTICE_MAP, t -> t
                .replace("D81002,Beta Practice,CB2 2BB,U00001,North PCN,06H", "D81002,Beta Practice,CB2 2BB,U00002,South PCN,06H")
                .replace("U00001,North PCN,06H", "U00001,North Villages PCN,06H")).writeTo(where);
    }

    static ImportedRelease release(TinyRegion.Written w, SpatialStore store) {
        return new RegionImporter(Progress.SILENT).readRelease(w.load(), w.dataDir(), new ReleaseRepository(store).facts().region());
    }

    static long registeredPatients(SpatialStore s) throws SQLException {
        return Long.parseLong(one(s, "SELECT COALESCE(SUM(patients), 0) FROM registration"));
    }

    static String one(SpatialStore s, String sql) throws SQLException {
        try (Connection c = s.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    abstract static class Contract {
        SpatialStore store;
        ReleaseRepository releases;
        long plan;

        abstract SpatialStore openStore() throws Exception;

        @BeforeEach
        void importTheRegionWithAPlanAndAComment() throws Exception {
            store = openStore();
            new ImportWriter(store, Progress.SILENT).write(TinyRegion.standard().writeTo(dir.resolve("base-" + getClass().getSimpleName()))
                    .read(), "oct2025");
            releases = new ReleaseRepository(store);
            plan = new PlanRepository(store).create(PlanRepositoryTest.samplePlan("Consulted"), "ana").id();
            long author = new AccountRepository(store).add("cllr.smith", "Cllr Smith", Role.MEMBER, "$2a$11$hash",
                    new Actor("admin", "test")).id();
            new CommentRepository(store).add(new NewComment(plan, null, 0, null, "SDA01", "Ely", StoredComments.AREA, null,
                    null, null, null, author, "Keep Ely whole"));
        }

        @Test
        void anotherReleaseIsAddedBesideTheFirstAndMadeCurrentWithoutTouchingPlansOrComments() throws Exception {
            String lsoas = one(store, "SELECT COUNT(*) FROM lsoa");
            List<ReleaseRepository.ReleaseInfo> first = releases.list();
            assertEquals(1, first.size());
            assertEquals("oct2025", first.get(0).label());
            assertTrue(first.get(0).current());
            assertEquals("October 2025", first.get(0).practiceMap());
            assertEquals("U00001", one(store, "SELECT pcn_code FROM practice WHERE code = 'D81002'"));

            ImportedRelease r = release(moved(dir.resolve("moved-" + getClass().getSimpleName())), store);
            ReleaseRepository.ReleaseInfo added = releases.add("jan2026", r, false, false);
            assertFalse(added.current());
            assertEquals(2, added.position());
            assertEquals("oct2025", releases.current().orElseThrow().label());
            // the live tables still hold the current release
            assertEquals("U00001", one(store, "SELECT pcn_code FROM practice WHERE code = 'D81002'"));
            assertEquals("U00002", releases.read("jan2026").practices().stream().filter(p -> p.code().equals("D81002"))
                    .findFirst().orElseThrow().pcnCode());
            assertEquals(releases.read("oct2025").registrations(), releases.read("jan2026").registrations());

            StoreConflictException twice = assertThrows(StoreConflictException.class, () -> releases.add("jan2026", r, false, false));
            assertTrue(twice.getMessage().contains("--replace"), twice.getMessage());
            assertEquals(2, releases.add("jan2026", r, true, false).position(), "a replaced release keeps its place");
            assertEquals(2, releases.list().size());

            releases.makeCurrent("jan2026");
            assertEquals("jan2026", releases.current().orElseThrow().label());
            assertEquals("U00002", one(store, "SELECT pcn_code FROM practice WHERE code = 'D81002'"));
            assertEquals("North Villages PCN", one(store, "SELECT name FROM pcn WHERE code = 'U00001'"));
            // the current release's registrations are in the live table only; the one made old took its own back
            assertEquals("0", one(store, "SELECT COUNT(*) FROM release_registration WHERE release_label = 'jan2026'"));
            assertEquals(String.valueOf(r.registrations().size()), one(store, "SELECT COUNT(*) FROM registration"));
            assertEquals(one(store, "SELECT COUNT(*) FROM registration"),
                    one(store, "SELECT COUNT(*) FROM release_registration WHERE release_label = 'oct2025'"));
            assertEquals(r.registrations().stream().sorted(java.util.Comparator.comparing(Registration::practiceCode)
                    .thenComparing(Registration::lsoaCode)).toList(), releases.read("jan2026").registrations());
            assertEquals(releases.read("jan2026").registrations(), releases.read("oct2025").registrations());
            assertEquals(registeredPatients(store), releases.current().orElseThrow().patients());
            releases.makeCurrent("jan2026"); // already current: nothing moves
            assertEquals(String.valueOf(r.registrations().size()), one(store, "SELECT COUNT(*) FROM registration"));
            assertEquals("1", one(store, "SELECT COUNT(*) FROM plan"));
            assertEquals("1", one(store, "SELECT COUNT(*) FROM plan_comment"));
            assertEquals(lsoas, one(store, "SELECT COUNT(*) FROM lsoa"), "boundaries stay");
            // what the commands read (the geography snapshot) follows the release made current
            GeographyReader reader = new GeographyReader(store);
            assertEquals("U00002", reader.read().practices().stream().filter(p -> p.code().equals("D81002")).findFirst()
                    .orElseThrow().pcnCode());
            assertEquals(reader.readTables(), reader.read());

            releases.makeCurrent("oct2025");
            assertEquals("U00001", one(store, "SELECT pcn_code FROM practice WHERE code = 'D81002'"));
            assertEquals("North PCN", one(store, "SELECT name FROM pcn WHERE code = 'U00001'"));
            assertEquals("U00001", reader.readDominanceInput().practices().stream().filter(p -> p.code().equals("D81002"))
                    .findFirst().orElseThrow().pcnCode());
            assertThrows(NotFoundException.class, () -> releases.makeCurrent("nope"));
        }

        @Test
        void aReleaseOfAnotherRegionOrOtherPracticesIsRefusedSayingWhatDiffers() {
            TinyRegion elsewhere = TinyRegion.standard();
            ((com.fasterxml.jackson.databind.node.ObjectNode) elsewhere.manifest().get("region")).put("id", "elsewhere");
            TinyRegion.Written other = elsewhere.writeTo(dir.resolve("other-" + getClass().getSimpleName()));
            InputException region = assertThrows(InputException.class, () -> release(other, store));
            assertTrue(region.getMessage().contains("region 'elsewhere'") && region.getMessage().contains("the store holds region"),
                    region.getMessage());

            TinyRegion.Written practices = TinyRegion.standard().edit(TinyRegion.PRACTICE_MAP, t -> t.replace(",06H", ",06X")
                    .replace(",07H", ",06H")).writeTo(dir.resolve("practices-" + getClass().getSimpleName()));
            InputException map = assertThrows(InputException.class, () -> release(practices, store));
            assertTrue(map.getMessage().contains("share only 0 with the 4 practices"), map.getMessage());
            assertEquals(1, releases.list().size(), "nothing was stored");
        }
    }

    @Nested
    class OnH2gis extends Contract {
        @TempDir
        Path db;

        @Override
        SpatialStore openStore() {
            return SpatialStore.open("jdbc:h2:file:" + db.resolve("sda"));
        }

        /** A store of schema version 7 (today's main) with an import, a plan and a comment, opened by this release. */
        @Test
        void aStoreMadeBeforeReleasesIsUpgradedWithItsImportAsReleaseInitial() throws Exception {
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                for (String t : ReleaseRepository.TABLES) {
                    s.execute("DROP TABLE " + t);
                }
                s.execute("DROP TABLE geography_snapshot");
                s.execute("DROP TABLE block_snapshot");
                s.execute("DROP TABLE search_snapshot");
                TableGenerationsTest.undoSlots(s);
                s.execute("DELETE FROM schema_version WHERE version >= 8");
            }
            String registrations = one(store, "SELECT COUNT(*) FROM registration");
            SpatialStore reopened = SpatialStore.open(store.url());
            ReleaseRepository r = new ReleaseRepository(reopened);
            assertEquals(List.of("initial"), r.list().stream().map(ReleaseRepository.ReleaseInfo::label).toList());
            assertTrue(r.list().get(0).current());
            assertEquals("October 2025", r.list().get(0).practiceMap());
            assertEquals(registrations, one(reopened, "SELECT COUNT(*) FROM release_registration WHERE release_label = 'initial'"));
            assertEquals("1", one(reopened, "SELECT COUNT(*) FROM plan"));
            assertEquals("1", one(reopened, "SELECT COUNT(*) FROM plan_comment"));
            assertEquals(String.valueOf(Migrations.SCRIPTS.size()), one(reopened, "SELECT MAX(version) FROM schema_version"));
            GeographyReader upgraded = new GeographyReader(reopened);
            assertEquals("1", one(reopened, "SELECT COUNT(*) FROM geography_snapshot"), "the upgrade made the snapshot");
            assertEquals(upgraded.readTables(), upgraded.read());
            // the upgrade kept a copy of the current registrations under 'initial' (as stores did then): used once, dropped
            assertEquals(registeredPatients(reopened), r.list().get(0).patients());
            var before = r.read("initial").registrations();
            r.makeCurrent("initial");
            assertEquals(registrations, one(reopened, "SELECT COUNT(*) FROM registration"));
            assertEquals("0", one(reopened, "SELECT COUNT(*) FROM release_registration WHERE release_label = 'initial'"));
            assertEquals(before, r.read("initial").registrations());
        }
    }

    @Nested
    class OnPostgis extends Contract {
        SchemaStore schema;

        @Override
        SpatialStore openStore() throws Exception {
            schema = SchemaStore.create("sda_release_test_");
            return schema.store;
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
