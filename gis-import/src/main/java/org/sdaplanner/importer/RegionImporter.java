package org.sdaplanner.importer;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.load.BoundaryFeature;
import org.sdaplanner.importer.load.BoundaryLayer;
import org.sdaplanner.importer.load.BoundaryLoader;
import org.sdaplanner.importer.load.LoadedRecords.LsoaLink;
import org.sdaplanner.importer.load.LoadedRecords.LsoaValue;
import org.sdaplanner.importer.load.LoadedRecords.PcnCatchment;
import org.sdaplanner.importer.load.LoadedRecords.SourceRecord;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;
import org.sdaplanner.importer.load.LookupLoader;
import org.sdaplanner.importer.load.LsoaVintages;
import org.sdaplanner.importer.plausible.RegionFootprint;
import org.sdaplanner.importer.load.LsoaValueLoader;
import org.sdaplanner.importer.load.PointTableLoader;
import org.sdaplanner.importer.load.PracticeMapLoader;
import org.sdaplanner.importer.load.PracticeMapLoader.MappedPractice;
import org.sdaplanner.importer.load.RegistrationLoader;
import org.sdaplanner.importer.load.TableLoader;
import org.sdaplanner.importer.load.VintageConverter;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.manifest.Region;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.importer.manifest.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates every file a region manifest names, and puts together what the store
 * receives. Nothing is written here: a failure leaves the store as it was.
 */
public final class RegionImporter {
    /** ONS LSOA names are "&lt;district name&gt; &lt;MSOA number&gt;&lt;letter&gt;", e.g. "Cambridge 001A". */
    private static final Pattern LSOA_NAME = Pattern.compile("^(.*) \\d{3}[A-Z]$");

    private final Progress progress;

    public RegionImporter(Progress progress) {
        this.progress = progress;
    }

    public ImportedData read(RegionManifest manifest, Path dataDir) {
        Region region = manifest.region();
        var in = manifest.inputs();
        checkFilesExist(manifest, dataDir);
        List<String> warnings = new ArrayList<>();
        List<SourceRecord> sources = new ArrayList<>();
        int repaired = 0;

        // Lookup first: it can give LSOA districts and is needed to convert vintages.
        List<LsoaLink> lookup = List.of();
        if (in.lsoaLookup() != null) {
            InputSource s = in.lsoaLookup();
            lookup = step("Reading LSOA 2011/2021 lookup", () -> new LookupLoader().load(file(dataDir, s), s.path(), s));
            sources.add(source(Role.LSOA_LOOKUP.key(), s, lookup.size()));
        }
        LsoaVintages vintages = new LsoaVintages(lookup);
        RegistrationLoader.Pending registrations = startRegistrations(in.registrations(), dataDir, vintages);

        InputSource ls = in.lsoaBoundaries();
        BoundaryLayer lsoaLayer = step("Reading LSOA boundaries", () -> new BoundaryLoader().load(file(dataDir, ls), ls.path(),
                ls.format(), ls.table(), ls.crs(), ls.column("code", "LSOA21CD"), ls.column("name", "LSOA21NM"),
                "LSOA boundaries", warnings));
        repaired += lsoaLayer.repairedGeometries();
        refuseOtherVintageBoundaries(lsoaLayer, vintages, region.lsoaVintage(), ls.path());

        BoundaryLayer districtLayer = null;
        if (in.districtBoundaries() != null) {
            InputSource s = in.districtBoundaries();
            districtLayer = step("Reading district boundaries", () -> new BoundaryLoader().load(file(dataDir, s), s.path(),
                    s.format(), s.table(), s.crs(), s.column("code", "LAD22CD"), s.column("name", "LAD22NM"),
                    "district boundaries", warnings));
            repaired += districtLayer.repairedGeometries();
        }
        List<District> districts = districts(region, districtLayer, ls.path());

        // The region's LSOAs: those in its districts (all, when the manifest lists none).
        BoundaryLayer districtPolygons = districtLayer;
        List<LsoaLink> links = lookup;
        Map<String, String> districtOfLsoa = step("Finding each LSOA's district",
                () -> lsoaDistricts(lsoaLayer, links, districts, districtPolygons));
        Set<String> regionDistricts = new HashSet<>();
        region.districts().forEach(d -> regionDistricts.add(d.code()));
        List<Lsoa> lsoas = new ArrayList<>();
        int outside = 0;
        for (BoundaryFeature f : lsoaLayer.features()) {
            String d = districtOfLsoa.get(f.code());
            if (!regionDistricts.isEmpty() && !regionDistricts.contains(d)) {
                outside++;
                continue;
            }
            lsoas.add(new Lsoa(f.code(), f.name(), d, f.geometry()));
        }
        if (outside > 0) {
            warnings.add(ls.path() + ": " + outside + " LSOAs lie outside the region's districts and were left out");
        }
        RegionFootprint footprint = new RegionFootprint(districts);
        checkFootprint(footprint, lsoaLayer, lsoas.stream().map(Lsoa::code).toList(),
                lsoas.stream().map(Lsoa::districtCode).toList(), ls.path(), warnings);
        if (lsoas.isEmpty()) {
            throw InputException.ofFile(ls.path(), "no LSOA lies in the region's districts " + regionDistricts
                    + ": check region.districts and the LSOA names or lookup");
        }
        long noDistrict = lsoas.stream().filter(l -> l.districtCode() == null).count();
        if (noDistrict > 0) {
            warnings.add(noDistrict + " LSOAs could not be given a district (no lookup, name or district boundary matched)");
        }
        sources.add(source(Role.LSOA_BOUNDARIES.key(), ls, lsoaLayer.features().size()));
        if (districtLayer != null) {
            sources.add(source(Role.DISTRICT_BOUNDARIES.key(), in.districtBoundaries(), districtLayer.features().size()));
        }
        Set<String> regionLsoas = new HashSet<>();
        lsoas.forEach(l -> regionLsoas.add(l.code()));

        List<Parish> parishes = List.of();
        if (in.parishBoundaries() != null) {
            InputSource s = in.parishBoundaries();
            BoundaryLayer layer = step("Reading parish boundaries", () -> new BoundaryLoader().load(file(dataDir, s), s.path(),
                    s.format(), s.table(), s.crs(), s.column("code", "PARNCP21CD"), s.column("name", "PARNCP21NM"),
                    "parish boundaries", warnings));
            repaired += layer.repairedGeometries();
            parishes = parishes(layer, s, lsoas, regionDistricts, warnings);
            checkFootprint(footprint, layer, parishes.stream().map(Parish::code).toList(),
                    parishes.stream().map(Parish::districtCode).toList(), s.path(), null);
            sources.add(source(Role.PARISH_BOUNDARIES.key(), s, layer.features().size()));
        }

        ReleasePart part = releasePart(manifest, dataDir, regionLsoas, vintages, lookup, registrations, warnings, sources);
        Map<String, Long> residents = part.residents();
        RegistrationLoader.Result reg = part.registrations();
        List<Practice> practices = part.practices();
        Map<String, Pcn> pcns = part.pcns();

        List<PcnCatchment> catchments = new ArrayList<>();
        if (in.pcnCatchments() != null) {
            InputSource s = in.pcnCatchments();
            BoundaryLayer layer = step("Reading PCN catchments", () -> new BoundaryLoader().load(file(dataDir, s), s.path(),
                    s.format(), s.table(), s.crs(), s.column("code", "PCN_CODE"), s.column("name", "PCN_NAME"),
                    "PCN catchments", warnings));
            repaired += layer.repairedGeometries();
            layer.features().forEach(f -> catchments.add(new PcnCatchment(f.code(), f.name(), f.geometry())));
            sources.add(source(Role.PCN_CATCHMENTS.key(), s, layer.features().size()));
        }

        List<PostcodePoint> postcodes = new ArrayList<>();
        if (in.postcodes() != null) {
            InputSource s = in.postcodes();
            String cDistrict = s.column("district", null);
            var pts = step("Reading postcodes", () -> new PointTableLoader().load(file(dataDir, s), s.path(), s, "code", "PC",
                    cDistrict == null || regionDistricts.isEmpty() ? null
                            : row -> regionDistricts.contains(row.get(cDistrict))));
            pts.points().forEach((k, v) -> postcodes.add(new PostcodePoint(k, v)));
            if (pts.blank() > 0) {
                warnings.add(s.path() + ": " + pts.blank() + " postcodes have no grid reference and were skipped");
            }
            sources.add(source(Role.POSTCODES.key(), s, postcodes.size()));
        }

        List<LsoaValue> values = new ArrayList<>();
        Map<String, Set<String>> codesByVintage = new HashMap<>();
        codesByVintage.put(region.lsoaVintage(), regionLsoas);
        String otherVintage = "2021".equals(region.lsoaVintage()) ? "2011" : "2021";
        codesByVintage.put(otherVintage, codesOfOtherVintage(lookup, regionLsoas, otherVintage));
        Map<String, String> tableVintages = new TreeMap<>();
        for (InputSource t : in.tables()) {
            if (t.lsoaVintage() != null && !t.lsoaVintage().equals(region.lsoaVintage()) && lookup.isEmpty()) {
                throw InputException.ofFile(t.path(), "uses LSOA " + t.lsoaVintage() + " codes but the region's boundaries are "
                        + region.lsoaVintage() + ": add inputs.lsoa_lookup (ONS LSOA 2011 to 2021 lookup) to convert them");
            }
            TableLoader.Scope scope = new TableLoader.Scope(codesByVintage, vintages, t.lsoaVintage(), region.lsoaVintage(),
                    countFields(manifest, t.id()));
            TableLoader.Result rows = step("Reading table " + t.id(), () -> new TableLoader().load(file(dataDir, t), t.path(), t,
                    scope, warnings));
            values.addAll(rows.values());
            tableVintages.put(t.id(), rows.vintage());
            sources.add(source("tables." + t.id(), t, rows.values().size()));
        }

        long analysed = reg.matched().stream().mapToLong(Registration::patients).sum();
        long residentTotal = residents.values().stream().mapToLong(Long::longValue).sum();
        ImportReport report = report(region, lsoas, parishes, districts, practices, pcns, reg, analysed, residentTotal,
                repaired, warnings, sources, values);
        var counts = region.areaCounts();
        return new ImportedData(region.id(), region.name(), counts == null ? null : counts.areas(), districts, lsoas,
                parishes, List.copyOf(pcns.values()), practices, reg.matched(), reg.unmatched(), residents, lookup,
                catchments, postcodes, values, sources, report, bridges(region, manifest.source()), manifest.indicators(),
                datasetVintages(manifest, tableVintages), counts);
    }

    /** What a data release holds: populations (empty when the manifest gives none), registrations, practices and their PCNs. */
    private record ReleasePart(Map<String, Long> residents, RegistrationLoader.Result registrations, List<Practice> practices,
                               Map<String, Pcn> pcns) {
    }

    /**
     * Reads the files of a data release only (registrations, practice map, populations where given, practice
     * locations), for the LSOAs of a region already in the store. Nothing is written here.
     *
     * @param storeLsoas the store's LSOA codes (the region's, in its vintage)
     */
    public ImportedRelease readRelease(RegionManifest manifest, Path dataDir, StoredRegion stored) {
        Region region = manifest.region();
        var in = manifest.inputs();
        if (!region.id().equals(stored.regionId())) {
            throw InputException.ofFile(manifest.source(), "is a manifest of region '" + region.id() + "' (" + region.name()
                    + ") but the store holds region '" + stored.regionId() + "' (" + stored.regionName() + "): a release must be"
                    + " of the store's region; import another region into a store of its own (--db)");
        }
        Set<String> storeLsoas = new HashSet<>(stored.lsoaCodes());
        checkFilesExist(manifest, dataDir);
        List<String> warnings = new ArrayList<>();
        List<SourceRecord> sources = new ArrayList<>();
        List<LsoaLink> lookup = List.of();
        if (in.lsoaLookup() != null) {
            InputSource s = in.lsoaLookup();
            lookup = step("Reading LSOA 2011/2021 lookup", () -> new LookupLoader().load(file(dataDir, s), s.path(), s));
        }
        LsoaVintages vintages = new LsoaVintages(lookup);
        checkStoreVintage(manifest, vintages, stored.lsoaCodes());
        RegistrationLoader.Pending registrations = startRegistrations(in.registrations(), dataDir, vintages);
        ReleasePart part = releasePart(manifest, dataDir, storeLsoas, vintages, lookup, registrations, warnings, sources);
        checkAgainstStore(manifest, part, stored, warnings);
        long analysed = part.registrations().matched().stream().mapToLong(Registration::patients).sum();
        long residentTotal = part.residents().values().stream().mapToLong(Long::longValue).sum();
        ImportReport full = report(region, List.of(), List.of(), List.of(), part.practices(), part.pcns(), part.registrations(),
                analysed, residentTotal, 0, warnings, sources, List.of());
        Map<String, Long> layers = new LinkedHashMap<>(full.layers());
        layers.keySet().retainAll(Set.of("practice", "pcn", "practice_all", "pcn_all", "registration_rows"));
        ImportReport report = new ImportReport(full.region(), layers, full.registeredPatients(), full.analysedPatients(),
                full.unmatchedRegistrations(), full.residentPopulation(), 0, full.warnings(), full.attributions());
        return new ImportedRelease(region.id(), region.lsoaVintage(), List.copyOf(part.pcns().values()), part.practices(),
                part.registrations().matched(), part.registrations().unmatched(), part.residents(), sources, report);
    }

    /**
     * What a release is checked against: the region in the store, its LSOA codes and the current release's
     * practices (the region's own).
     */
    public record StoredRegion(String regionId, String regionName, List<String> lsoaCodes, List<String> practices) {
    }

    /** A release must share more than this share of the store's practices: a map of another area shares none. */
    static final double SHARED_PRACTICES = 0.5;
    /** … and give registrations for at least this share of the store's LSOAs. */
    static final double LSOAS_REACHED = 0.5;

    /** The store's LSOAs must be of the vintage the release's manifest reads the registrations for. */
    private static void checkStoreVintage(RegionManifest m, LsoaVintages vintages, List<String> storeLsoas) {
        Map<String, Integer> only = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (String code : storeLsoas) {
            String v = vintages.onlyIn(code);
            if (v != null) {
                only.merge(v, 1, Integer::sum);
                example.putIfAbsent(v, code);
            }
        }
        String expected = m.region().lsoaVintage();
        for (var e : only.entrySet()) {
            // codes kept from one vintage to the next are in both: only the changed ones tell (a few percent of them)
            if (!e.getKey().equals(expected) && e.getValue() >= 3 && e.getValue() > only.getOrDefault(expected, 0)) {
                throw InputException.ofFile(m.source(), "reads LSOA " + expected + " codes (region.lsoa_vintage) but the store's"
                        + " LSOAs are LSOA " + e.getKey() + " ones (" + e.getValue() + " of " + storeLsoas.size() + " codes only the "
                        + e.getKey() + " LSOAs have, e.g. " + example.get(e.getKey()) + "): a release must use the store's LSOA"
                        + " vintage; declare lsoa_vintage " + e.getKey() + " in the manifest's region, or give the registrations'"
                        + " lsoa_vintage so that they are converted");
            }
        }
    }

    /** The release's practices must be the store's region's, and its registrations must reach the store's LSOAs. */
    private static void checkAgainstStore(RegionManifest m, ReleasePart part, StoredRegion stored, List<String> warnings) {
        Set<String> mine = new TreeSet<>();
        part.practices().stream().filter(Practice::inRegion).forEach(p -> mine.add(p.code()));
        Set<String> theirs = new TreeSet<>(stored.practices());
        Set<String> shared = new TreeSet<>(mine);
        shared.retainAll(theirs);
        String map = m.inputs().practiceMap().path();
        if (!theirs.isEmpty() && shared.size() <= SHARED_PRACTICES * theirs.size()) {
            List<String> examples = mine.stream().filter(c -> !theirs.contains(c)).limit(5).toList();
            throw InputException.ofFile(map, "the release's " + mine.size() + " practices (region.practice_filter "
                    + m.region().practiceFilter() + ") share only " + shared.size() + " with the " + theirs.size()
                    + " practices of the store's current release" + (examples.isEmpty() ? "" : " (the release has e.g. "
                    + String.join(", ", examples) + ")") + ": expected a practice map of the same region; check the file, its"
                    + " filter column (inputs.practice_map.columns.filter) and region.practice_filter");
        }
        Set<String> reached = new HashSet<>();
        part.registrations().matched().forEach(r -> reached.add(r.lsoaCode()));
        int lsoas = stored.lsoaCodes().size();
        if (lsoas > 0 && reached.size() < LSOAS_REACHED * lsoas) {
            throw InputException.ofFile(m.inputs().registrations().path(), "the registrations reach only " + reached.size()
                    + " of the store's " + lsoas + " LSOAs: expected registrations of the store's region with its LSOA codes"
                    + " (LSOA vintage " + m.region().lsoaVintage() + ")");
        }
        int added = (int) mine.stream().filter(c -> !theirs.contains(c)).count();
        int gone = (int) theirs.stream().filter(c -> !mine.contains(c)).count();
        if (added > 0 || gone > 0) {
            warnings.add(shared.size() + " practices are in both this release and the current one; " + added + " are new, "
                    + gone + " are gone");
        }
    }

    /**
     * The registrations file read on a thread of its own from here on, while the boundaries, populations
     * and practice map are read; "Reading registrations" waits for it and matches it to the region.
     */
    private static RegistrationLoader.Pending startRegistrations(InputSource rs, Path dataDir, LsoaVintages vintages) {
        return RegistrationLoader.start(file(dataDir, rs), rs.path(), rs, vintages);
    }

    private ReleasePart releasePart(RegionManifest manifest, Path dataDir, Set<String> regionLsoas, LsoaVintages vintages,
                                    List<LsoaLink> lookup, RegistrationLoader.Pending registrations, List<String> warnings,
                                    List<SourceRecord> sources) {
        Region region = manifest.region();
        var in = manifest.inputs();
        Map<String, Long> residents = Map.of();
        if (in.lsoaPopulation() != null) {
            InputSource s = in.lsoaPopulation();
            var counts = step("Reading LSOA populations", () -> new LsoaValueLoader().load(file(dataDir, s), s.path(),
                    s.column("code", "LSOA21CD"), s.column("value", "Population"), regionLsoas, vintages,
                    region.lsoaVintage(), warnings));
            residents = counts.values();
            if (counts.rowsWithoutCode() > 0) {
                warnings.add(s.path() + ": " + counts.rowsWithoutCode() + " rows with no LSOA code were skipped (footnotes)");
            }
            long missing = regionLsoas.stream().filter(c -> !counts.values().containsKey(c)).count();
            if (missing > 0) {
                warnings.add(s.path() + ": " + missing + " LSOAs of the region have no population");
            }
            sources.add(source(Role.LSOA_POPULATION.key(), s, counts.values().size()));
        }

        InputSource pm = in.practiceMap();
        Map<String, MappedPractice> map = step("Reading practice map", () -> new PracticeMapLoader().load(file(dataDir, pm),
                pm.path(), pm, region.practiceFilter()));
        sources.add(source(Role.PRACTICE_MAP.key(), pm, map.size()));

        InputSource rs = in.registrations();
        String declared = rs.lsoaVintage() != null ? rs.lsoaVintage()
                : LsoaVintages.isVintage(rs.vintage()) ? rs.vintage() : null;
        if (declared != null && !declared.equals(region.lsoaVintage()) && lookup.isEmpty()) {
            throw InputException.ofFile(rs.path(), "uses LSOA " + declared + " codes but the region's boundaries are "
                    + region.lsoaVintage() + ": add inputs.lsoa_lookup (ONS LSOA 2011 to 2021 lookup) to convert them");
        }
        Set<String> convertible = new HashSet<>();
        for (LsoaLink l : lookup) {
            convertible.add("2021".equals(region.lsoaVintage()) ? l.lsoa11Code() : l.lsoa21Code());
        }
        Map<String, Long> weights = residents;
        List<LsoaLink> links = lookup;
        RegistrationLoader.Vintage readAs = new RegistrationLoader.Vintage(vintages, region.lsoaVintage(), declared, fv -> {
            if (declared != null) { // an undeclared vintage is reported where it is recognised
                warnings.add(rs.path() + ": LSOA " + fv + " codes converted to " + region.lsoaVintage()
                        + " through the ONS lookup (splits shared by population, merges summed)");
            }
            return new VintageConverter(links, "2011".equals(fv), weights);
        });
        RegistrationLoader.Result reg = step("Reading registrations", () -> new RegistrationLoader().match(registrations.rows(),
                regionLsoas, convertible, readAs, warnings));
        sources.add(source(Role.REGISTRATIONS.key(), rs, reg.rows()));

        // Practices: the region's own, plus any other practice its residents are registered with.
        Map<String, Point> locations = Map.of();
        if (in.practiceLocations() != null) {
            InputSource s = in.practiceLocations();
            var pts = step("Reading practice locations", () -> new PointTableLoader().load(file(dataDir, s), s.path(), s,
                    "practice", "PRACTICE_CODE", null));
            locations = pts.points();
            sources.add(source(Role.PRACTICE_LOCATIONS.key(), s, pts.points().size()));
        }
        List<Practice> practices = new ArrayList<>();
        Map<String, Pcn> pcns = new TreeMap<>();
        Set<String> storedPractices = new TreeSet<>(reg.practiceCodes());
        map.values().stream().filter(MappedPractice::inRegion).forEach(p -> storedPractices.add(p.code()));
        List<String> unmapped = new ArrayList<>();
        for (String code : storedPractices) {
            MappedPractice mp = map.get(code);
            if (mp == null) {
                unmapped.add(code);
                practices.add(new Practice(code, code, null, null, false, locations.get(code)));
                continue;
            }
            practices.add(new Practice(code, mp.name(), mp.postcode(), mp.pcnCode(), mp.inRegion(), locations.get(code)));
            if (mp.pcnCode() != null) {
                pcns.putIfAbsent(mp.pcnCode(), new Pcn(mp.pcnCode(), mp.pcnName()));
            }
        }
        if (!unmapped.isEmpty()) {
            warnings.add(unmapped.size() + " practices in the registrations are missing from the practice map (no PCN): "
                    + abbreviate(unmapped));
        }
        List<String> unallocated = practices.stream().filter(p -> Pcn.UNALLOCATED.equals(p.pcnCode()))
                .map(Practice::code).toList();
        if (!unallocated.isEmpty()) {
            warnings.add(unallocated.size() + " practices belong to no PCN (unallocated 'U'): " + abbreviate(unallocated));
        }
        long regionPractices = practices.stream().filter(Practice::inRegion).count();
        if (regionPractices == 0) {
            throw InputException.ofFile(pm.path(), "no practice matches region.practice_filter " + region.practiceFilter());
        }
        long located = practices.stream().filter(p -> p.inRegion() && p.location() == null).count();
        if (in.practiceLocations() != null && located > 0) {
            warnings.add(located + " of the region's practices have no location");
        }

        return new ReleasePart(residents, reg, practices, pcns);
    }

    /** The LSOA vintage of each per-LSOA table, as its codes showed it (the region's unless the table says otherwise). */
    private static Map<String, String> datasetVintages(RegionManifest m, Map<String, String> read) {
        m.catalogue(); // checks the indicators before anything is written
        return new TreeMap<>(read);
    }

    /** The fields of a table that indicators add up as counts of people or households (all fields when one names none). */
    private static java.util.function.Predicate<String> countFields(RegionManifest m, String table) {
        Set<String> fields = new HashSet<>();
        boolean all = false;
        for (var spec : m.indicators()) {
            if (!table.equals(spec.dataset()) || spec.kind() == null) {
                continue;
            }
            String kind = spec.kind().trim().toLowerCase(java.util.Locale.ROOT);
            if (kind.equals("count") || kind.equals("proportion") || kind.equals("age_bands") || kind.equals("category_shares")) {
                if (spec.fields() == null || spec.fields().isEmpty() || kind.equals("age_bands")) {
                    all = true;
                } else {
                    fields.addAll(spec.fields());
                    if (spec.denominator() != null) {
                        fields.addAll(spec.denominator());
                    }
                }
            }
        }
        boolean every = all;
        return f -> every || fields.contains(f);
    }

    /** A boundary layer of the region's vintage cannot carry codes that only the other vintage has. */
    private static void refuseOtherVintageBoundaries(BoundaryLayer layer, LsoaVintages vintages, String vintage, String file) {
        BoundaryFeature first = null;
        int count = 0;
        for (BoundaryFeature f : layer.features()) {
            String only = vintages.onlyIn(f.code());
            if (only != null && !only.equals(vintage)) {
                count++;
                if (first == null) {
                    first = f;
                }
            }
        }
        if (first != null) {
            String other = "2021".equals(vintage) ? "2011" : "2021";
            throw InputException.atFeature(file, first.index(), "code", first.code() + " is an LSOA " + other + " code that the "
                    + vintage + " LSOAs do not have (the ONS lookup says so), but the region's boundaries are LSOA " + vintage
                    + " (region.lsoa_vintage): expected the LSOA " + vintage + " boundaries" + (count > 1 ? "; " + count
                    + " features carry such codes: if this is the " + other + " layer, declare `lsoa_vintage: " + other
                    + "` in the region" : ""));
        }
    }

    /**
     * Every kept LSOA or parish near its district; without district boundaries, LSOAs far from every other
     * LSOA of the region are named in the report ({@code warnings}; null: do not look).
     */
    private static void checkFootprint(RegionFootprint footprint, BoundaryLayer layer, List<String> codes,
                                       List<String> districtCodes, String file, List<String> warnings) {
        Map<String, BoundaryFeature> byCode = new HashMap<>();
        layer.features().forEach(f -> byCode.put(f.code(), f));
        if (footprint.known()) {
            for (int i = 0; i < codes.size(); i++) {
                BoundaryFeature f = byCode.get(codes.get(i));
                String code = codes.get(i);
                footprint.problem(districtCodes.get(i), f.geometry()).ifPresent(p -> {
                    throw InputException.atFeature(file, f.index(), "geometry", "area " + code + " " + p);
                });
            }
        } else if (warnings != null) {
            List<org.locationtech.jts.geom.Geometry> gs = new ArrayList<>();
            codes.forEach(c -> gs.add(byCode.get(c).geometry()));
            List<String> far = RegionFootprint.isolated(codes, gs);
            if (!far.isEmpty()) {
                warnings.add(file + ": " + far.size() + " LSOA" + (far.size() == 1 ? " lies" : "s lie") + " more than "
                        + (int) (RegionFootprint.ISOLATED_M / 1000) + " km from every other LSOA of the region: "
                        + abbreviate(far) + "; check their coordinates (give district_boundaries to have this checked)");
            }
        }
    }

    private static List<List<String>> bridges(Region region, String manifest) {
        for (List<String> b : region.bridges()) {
            if (b.size() != 2 || b.get(0) == null || b.get(1) == null || b.get(0).equals(b.get(1))) {
                throw InputException.ofFile(manifest, "region.bridges: each bridge must be a pair of two different block codes,"
                        + " found " + b);
            }
        }
        return region.bridges();
    }

    private static Set<String> codesOfOtherVintage(List<LsoaLink> lookup, Set<String> regionLsoas, String vintage) {
        Set<String> out = new HashSet<>();
        for (LsoaLink l : lookup) {
            if ("2011".equals(vintage) && regionLsoas.contains(l.lsoa21Code())) {
                out.add(l.lsoa11Code());
            } else if ("2021".equals(vintage) && regionLsoas.contains(l.lsoa11Code())) {
                out.add(l.lsoa21Code());
            }
        }
        return out;
    }

    private ImportReport report(Region region, List<Lsoa> lsoas, List<Parish> parishes, List<District> districts,
                                List<Practice> practices, Map<String, Pcn> pcns, RegistrationLoader.Result reg,
                                long analysed, long residentTotal, int repaired, List<String> warnings, List<SourceRecord> sources,
                                List<LsoaValue> values) {
        Map<String, Long> layers = new LinkedHashMap<>();
        layers.put("lsoa", (long) lsoas.size());
        layers.put("parish", (long) parishes.size());
        layers.put("unparished_area", parishes.stream().filter(Parish::unparished).count());
        layers.put("district", (long) districts.size());
        layers.put("practice", practices.stream().filter(Practice::inRegion).count());
        layers.put("pcn", practices.stream().filter(Practice::inRegion).map(Practice::pcnCode)
                .filter(c -> c != null && !Pcn.UNALLOCATED.equals(c)).distinct().count());
        layers.put("practice_all", (long) practices.size());
        layers.put("pcn_all", pcns.values().stream().filter(p -> !p.unallocated()).count());
        layers.put("registration_rows", reg.rows());
        layers.put("lsoa_table_values", (long) values.size());
        Map<String, ImportReport.Count> byReason = new TreeMap<>();
        long rows = 0;
        long patients = 0;
        Map<String, long[]> acc = new TreeMap<>();
        for (UnmatchedRegistration u : reg.unmatched()) {
            long[] a = acc.computeIfAbsent(u.reason(), k -> new long[2]);
            a[0]++;
            a[1] += u.patients();
            rows++;
            patients += u.patients();
        }
        acc.forEach((k, v) -> byReason.put(k, new ImportReport.Count(v[0], v[1])));
        List<String> attributions = sources.stream().map(SourceRecord::attribution).filter(a -> a != null && !a.isBlank())
                .distinct().toList();
        return new ImportReport(region.name(), layers, reg.patients(), analysed,
                new ImportReport.Unmatched(rows, patients, byReason), residentTotal, repaired, List.copyOf(warnings), attributions);
    }

    private List<District> districts(Region region, BoundaryLayer layer, String lsoaFile) {
        Map<String, BoundaryFeature> byCode = new HashMap<>();
        if (layer != null) {
            layer.features().forEach(f -> byCode.put(f.code(), f));
        }
        List<District> out = new ArrayList<>();
        if (!region.districts().isEmpty()) {
            for (Region.DistrictRef d : region.districts()) {
                BoundaryFeature f = byCode.get(d.code());
                out.add(new District(d.code(), d.name(), f == null ? null : f.geometry()));
            }
        } else if (layer != null) {
            layer.features().forEach(f -> out.add(new District(f.code(), f.name(), f.geometry())));
        }
        return out;
    }

    /** An LSOA's district: from the lookup, else from its ONS name, else from the district polygon holding it. */
    private Map<String, String> lsoaDistricts(BoundaryLayer lsoaLayer, List<LsoaLink> lookup, List<District> districts,
                                              BoundaryLayer districtLayer) {
        Map<String, String> fromLookup = new HashMap<>();
        lookup.forEach(l -> {
            if (l.districtCode() != null && !l.districtCode().isEmpty()) {
                fromLookup.put(l.lsoa21Code(), l.districtCode());
                fromLookup.put(l.lsoa11Code(), l.districtCode());
            }
        });
        Map<String, String> byName = new HashMap<>();
        districts.forEach(d -> byName.put(d.name(), d.code()));
        if (districtLayer != null) {
            districtLayer.features().forEach(f -> byName.putIfAbsent(f.name(), f.code()));
        }
        STRtree districtIndex = districtLayer == null ? null : indexOf(districtLayer);
        // each LSOA on its own, so on every core: the point-in-polygon tests took 0.3 s nationally
        // (33,755 LSOAs whose names give no district); the answer does not depend on the order
        List<BoundaryFeature> features = lsoaLayer.features();
        String[] found = new String[features.size()];
        java.util.stream.IntStream.range(0, features.size()).parallel().forEach(i -> {
            BoundaryFeature f = features.get(i);
            String d = fromLookup.get(f.code());
            if (d == null && f.name() != null) {
                Matcher m = LSOA_NAME.matcher(f.name());
                if (m.matches()) {
                    d = byName.get(m.group(1));
                }
            }
            if (d == null && districtIndex != null) {
                Point p = f.geometry().getInteriorPoint();
                for (Object o : districtIndex.query(p.getEnvelopeInternal())) {
                    BoundaryFeature df = (BoundaryFeature) o;
                    if (df.geometry().contains(p)) {
                        d = df.code();
                        break;
                    }
                }
            }
            found[i] = d;
        });
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            out.put(features.get(i).code(), found[i]);
        }
        return out;
    }

    /** The features' envelopes, built now so that several threads can query it. */
    private static STRtree indexOf(BoundaryLayer layer) {
        STRtree index = new STRtree();
        for (BoundaryFeature f : layer.features()) {
            index.insert(f.geometry().getEnvelopeInternal(), f);
        }
        index.build();
        return index;
    }

    private List<Parish> parishes(BoundaryLayer layer, InputSource s, List<Lsoa> lsoas, Set<String> regionDistricts,
                                  List<String> warnings) {
        String cDistrict = s.column("district", null);
        STRtree index = new STRtree();
        lsoas.forEach(l -> index.insert(l.geometry().getEnvelopeInternal(), l));
        List<Parish> out = new ArrayList<>();
        int outside = 0;
        for (BoundaryFeature f : layer.features()) {
            String d = cDistrict == null ? null : f.text(cDistrict);
            if (d != null && !d.isEmpty()) {
                String code = d;
                TextRule.problem(TextRule.Kind.CODE, code).ifPresent(p -> {
                    throw InputException.atFeature(s.path(), f.index(), cDistrict, "the district code " + Quoted.of(code) + ": " + p);
                });
            }
            if (d == null || d.isEmpty()) {
                Point p = f.geometry().getInteriorPoint();
                for (Object o : index.query(p.getEnvelopeInternal())) {
                    Lsoa l = (Lsoa) o;
                    if (l.geometry().contains(p)) {
                        d = l.districtCode();
                        break;
                    }
                }
            }
            if (!regionDistricts.isEmpty() && !regionDistricts.contains(d)) {
                outside++;
                continue;
            }
            boolean unparished = s.unparishedCodePrefixes().stream().anyMatch(f.code()::startsWith);
            out.add(new Parish(f.code(), f.name(), d, unparished, f.geometry()));
        }
        if (outside > 0) {
            warnings.add(s.path() + ": " + outside + " parishes lie outside the region's districts and were left out");
        }
        if (out.isEmpty()) {
            throw InputException.ofFile(s.path(), "no parish lies in the region's districts");
        }
        return out;
    }

    /** Lists every missing file at once, with where to get it: a first run is with files people fetched themselves. */
    static void checkFilesExist(RegionManifest m, Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw InputException.ofFile(dataDir.toString(), "the data folder does not exist (give --data DIR)");
        }
        List<String> missing = new ArrayList<>();
        for (RegionManifest.Declared d : m.declared()) {
            Path p = file(dataDir, d.source());
            if (!Files.isRegularFile(p)) {
                InputSource s = d.source();
                missing.add("- " + d.role() + (s.title() == null ? "" : " (" + s.title() + ")") + ": expected " + p
                        + (s.sourceUrl() == null ? "" : "\n    download it from " + s.sourceUrl()));
            }
        }
        if (!missing.isEmpty()) {
            throw InputException.ofFile(m.source(), missing.size() + " input file" + (missing.size() == 1 ? " is" : "s are")
                    + " missing:\n" + String.join("\n", missing)
                    + "\nPut the files there, or change their paths in the manifest.");
        }
    }

    /** The input's file, which the manifest check keeps inside the data folder (checked again here, to be sure). */
    private static Path file(Path dataDir, InputSource s) {
        Path base = dataDir.toAbsolutePath().normalize();
        Path p = base.resolve(s.path()).normalize();
        if (!p.startsWith(base)) {
            throw InputException.ofFile(s.path(), "points outside the data folder " + base + ": expected a path inside it");
        }
        return dataDir.resolve(s.path());
    }

    private static SourceRecord source(String role, InputSource s, long rows) {
        return new SourceRecord(role, s.path(), s.format(), s.vintage(), s.title(), s.sourceUrl(), s.licence(),
                s.attribution(), rows);
    }

    private static String abbreviate(List<String> codes) {
        return codes.size() <= 10 ? String.join(", ", codes) : String.join(", ", codes.subList(0, 10)) + ", …";
    }

    private <T> T step(String label, java.util.function.Supplier<T> work) {
        progress.step(label);
        long t0 = System.nanoTime();
        T out = work.get();
        progress.stepDone(String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        return out;
    }
}
