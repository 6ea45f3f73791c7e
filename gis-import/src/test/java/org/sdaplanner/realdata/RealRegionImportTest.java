package org.sdaplanner.realdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.ImportReport;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SchemaStore;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreSnapshot;
import org.sdaplanner.testsupport.TestEnvironment;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region manifests in data/ against the real and modelled files in ../shared/data, on both stores. */
class RealRegionImportTest {

    private static ImportedData read(String manifest) {
        RegionManifest m = RegionManifest.load(TestEnvironment.repoRoot().resolve("data").resolve(manifest));
        return new RegionImporter(Progress.SILENT).read(m, TestEnvironment.dataDir());
    }

    @Test
    void cambridgeshireAndPeterboroughMatchesTheDomainFigures() {
        ImportedData d = read("cambridgeshire-peterborough.json");
        ImportReport r = d.report();
        assertEquals(516, r.layers().get("lsoa"));
        assertEquals(6, r.layers().get("district"));
        assertEquals(85, r.layers().get("practice"));
        assertEquals(22, r.layers().get("pcn"));
        assertEquals(259, r.layers().get("parish"));
        assertEquals(2, r.layers().get("unparished_area"));
        assertEquals(12_858, r.layers().get("registration_rows"));
        assertEquals(1_055_087, r.registeredPatients());
        // every patient is either analysed or reported as kept out
        assertEquals(r.registeredPatients(), r.analysedPatients() + r.unmatchedRegistrations().patients());
        assertEquals(894_516, d.residents().values().stream().mapToLong(Long::longValue).sum());
        Set<String> districts = d.lsoas().stream().map(l -> l.districtCode()).collect(Collectors.toSet());
        assertEquals(Set.of("E07000008", "E07000009", "E07000010", "E07000011", "E07000012", "E06000031"), districts);
        assertEquals(0, r.repairedGeometries());
        // Cambridge is wholly unparished
        assertTrue(d.parishes().stream().filter(p -> "E07000008".equals(p.districtCode())).allMatch(p -> p.unparished()));
        // BNG: the region lies between eastings 490–570 km and northings 230–320 km
        var env = d.lsoas().get(0).geometry().getEnvelopeInternal();
        assertTrue(env.getMinX() > 490_000 && env.getMaxX() < 570_000 && env.getMinY() > 230_000 && env.getMaxY() < 320_000, env.toString());
    }

    @Test
    void staffordshireAndStokeImportsWithoutAParishLayer() {
        ImportedData d = read("staffordshire-stoke.json");
        ImportReport r = d.report();
        assertEquals(696, r.layers().get("lsoa"));
        assertEquals(0, r.layers().get("parish"));
        assertEquals(141, r.layers().get("practice"));
        assertEquals(25, r.layers().get("pcn"));
        assertEquals(16_864, r.layers().get("registration_rows"));
        assertEquals(1_210_283, r.registeredPatients());
        assertEquals(r.registeredPatients(), r.analysedPatients() + r.unmatchedRegistrations().patients());
        // SOURCES.md: CLOSED 86 rows/333 patients and EMPTY 130 rows/1,048 patients, plus L99/M99 placeholders
        var notLsoa = r.unmatchedRegistrations().byReason().get("not an LSOA code (e.g. CLOSED, EMPTY, placeholder)");
        assertEquals(86 + 130 + 4 + 1, notLsoa.rows());
    }

    @Test
    void h2gisAndPostgisStoreTheSameImport(@TempDir Path tmp) throws Exception {
        // A schema of its own: the shared test database may hold other branches' migrations.
        try (SchemaStore schema = SchemaStore.create("realimport_")) {
            importsTheSame(tmp, schema.store);
        }
    }

    private void importsTheSame(Path tmp, SpatialStore postgis) {
        ImportedData d = read("cambridgeshire-peterborough.json");
        SpatialStore h2 = SpatialStore.open("jdbc:h2:file:" + tmp.resolve("sda"));
        new ImportWriter(h2, Progress.SILENT).write(d);
        new ImportWriter(postgis, Progress.SILENT).write(d);
        assertEquals(StoreSnapshot.of(h2), StoreSnapshot.of(postgis));
        Geography g = new GeographyReader(postgis).read();
        assertEquals(516, g.lsoas().size());
        assertEquals(d.registrations().stream().mapToLong(Registration::patients).sum(),
                g.registrations().stream().mapToLong(Registration::patients).sum());
    }
}
