package org.sdaplanner.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.BlockExplanation;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanEditor.AreaChange;
import org.sdaplanner.core.plan.PlanEditor.MoveOutcome;
import org.sdaplanner.core.plan.PlanMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.export.Csv;
import org.sdaplanner.export.GeoPackageExport;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.store.PlanConflictException;
import org.sdaplanner.store.PlanNotFoundException;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreException;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.store.StoredPlans.Area;
import org.sdaplanner.store.StoredPlans.Edit;
import org.sdaplanner.store.StoredPlans.EditRecord;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.Replay;
import org.sdaplanner.store.StoredPlans.StoredPlan;
import org.sdaplanner.store.StoredPlans.VersionInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.sdaplanner.export.Numbers.round;

/**
 * What the map server does, behind thin HTTP handlers: the region (loaded once), its layers and
 * search, and plans kept in the store and edited with checked moves. Answers are maps and lists
 * ready to be written as JSON. Thread-safe: each plan's session is guarded by its own monitor.
 */
public final class PlannerService implements AutoCloseable {
    public static final String DEFAULT_PLAN_NAME = "Default plan";
    public static final long DEFAULT_SEED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Baselines.Result NO_BASELINES = new Baselines.Result(0, 0, new double[0]);

    private final SpatialStore store;
    private final Region region;
    private final PlanRepository repo;
    private final MapLayers layers;
    private final SearchIndex search;
    private final ProfileViews profileViews;
    private final Map<Long, PlanSession> sessions = new ConcurrentHashMap<>();
    /** Keeps an embedded H2 database open between requests (it closes with its last connection). */
    private final Connection keeper;

    private PlannerService(SpatialStore store, Region region, Connection keeper) {
        this.store = store;
        this.region = region;
        this.keeper = keeper;
        this.profileViews = new ProfileViews(store, region);
        this.repo = new PlanRepository(store);
        this.layers = new MapLayers(region);
        this.search = new SearchIndex(region);
    }

    /** Loads the region from the store (which must hold an import) and gets ready to serve. */
    public static PlannerService open(SpatialStore store) {
        Connection keeper = null;
        if (store.url().startsWith("jdbc:h2:")) {
            try {
                keeper = store.connect();
            } catch (SQLException e) {
                throw new StoreException("cannot open the store at " + store.displayUrl() + ": " + e.getMessage(), e);
            }
        }
        try {
            return new PlannerService(store, Region.load(store), keeper);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    @Override
    public void close() {
        closeQuietly(keeper);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing the keeper only lets the database close
            }
        }
    }

    public SpatialStore store() {
        return store;
    }

    public String storeName() {
        return store.dialect().name();
    }

    public Region region() {
        return region;
    }

    // ---- region ------------------------------------------------------------------------------

    public Map<String, Object> regionInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", region.name());
        m.put("attributions", region.attributions());
        List<Map<String, Object>> districts = new ArrayList<>();
        region.districtNames().forEach((code, name) -> districts.add(codeName(code, name)));
        m.put("districts", districts);
        List<Map<String, Object>> pcns = new ArrayList<>();
        region.pcnNames().forEach((code, name) -> pcns.add(codeName(code, name)));
        m.put("pcns", pcns);
        m.put("default_areas", region.defaultAreas());
        m.put("blocks", region.problem().blockCount());
        m.put("bounds", region.bounds());
        return m;
    }

    private static Map<String, Object> codeName(String code, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        return m;
    }

    public CachedBody layer(String name, Integer zoom) {
        return layers.layer(name, zoom);
    }

    public List<Map<String, Object>> search(String query) {
        return search.search(query);
    }

    // ---- plans -------------------------------------------------------------------------------

    public boolean hasPlans() {
        return !repo.list().isEmpty();
    }

    /** Builds the default plan (the region's number of areas, seed 1, nested in districts) when the store has none. */
    public Optional<Map<String, Object>> ensureDefaultPlan(String user) {
        if (hasPlans()) {
            return Optional.empty();
        }
        return Optional.of(createPlan(DEFAULT_PLAN_NAME, null, DEFAULT_SEED, true, user));
    }

    public List<Map<String, Object>> listPlans() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanInfo info : repo.list()) {
            PlanSession s = session(info.id());
            try {
                synchronized (s) {
                    refresh(s);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", info.id());
                    m.put("name", s.info.name());
                    m.put("revision", s.revision);
                    m.put("areas", s.areaIds.size());
                    m.put("alignment", round(s.state.alignment(), 4));
                    m.put("created_at", s.info.createdAt());
                    m.put("updated_at", s.info.updatedAt());
                    out.add(m);
                }
            } catch (ApiException e) {
                if (e.status() == 409) {
                    // stored against another import: list it, say why it cannot be opened
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", info.id());
                    m.put("name", info.name());
                    m.put("revision", info.revision());
                    m.put("areas", null);
                    m.put("alignment", null);
                    m.put("created_at", info.createdAt());
                    m.put("updated_at", info.updatedAt());
                    m.put("error", e.getMessage());
                    out.add(m);
                } else if (e.status() != 404) {
                    throw e;
                } // 404: deleted meanwhile
            }
        }
        return out;
    }

    /** Clusters a new plan and stores it; {@code areas} null means the region's default. */
    public Map<String, Object> createPlan(String name, Integer areas, Long seed, Boolean districtNesting, String user) {
        PlanningProblem p = region.problem();
        int n = areas != null ? areas : region.defaultAreas() != null ? region.defaultAreas() : 0;
        if (n < 1) {
            throw ApiException.badRequest("the region gives no default number of areas: give 'areas'");
        }
        if (n > p.blockCount()) {
            throw ApiException.badRequest("'areas' cannot exceed the " + p.blockCount() + " building blocks");
        }
        long s = seed == null ? DEFAULT_SEED : seed;
        boolean nesting = districtNesting == null || districtNesting;
        ClusterOptions options = ClusterOptions.of(n, s).withDistrictNesting(nesting);
        BuiltPlan built;
        try {
            built = PlanBuilder.build(p, options, 0);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cannot build the plan: " + e.getMessage());
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("areas", n);
        opts.put("seed", s);
        opts.put("district_nesting", nesting);
        opts.put("rule", "plurality");
        opts.put("balance_weight", options.balanceWeight());
        opts.put("compactness_weight", options.compactnessWeight());
        PlanInfo info = repo.create(name, built, toJson(opts), nesting, user);
        return plan(info.id());
    }

    public Map<String, Object> plan(long id) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            return planJson(s);
        }
    }

    public Map<String, Object> rename(long id, String name) {
        repo.rename(id, name);
        return plan(id);
    }

    public void delete(long id) {
        repo.delete(id);
        sessions.remove(id);
    }

    /** Renames an area (its id, and so its comments and history, stay); made on the plan's {@code revision}. */
    public Map<String, Object> renameArea(long id, String areaId, String name, Long revision, String user) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            if (s.areaIndex(areaId) < 0) {
                throw ApiException.notFound("no area " + areaId + " in plan " + id);
            }
            long expected = revision == null ? s.revision : revision;
            try {
                repo.renameArea(id, expected, areaId, name, user);
            } finally {
                s.invalidate();
            }
            refresh(s);
            return planJson(s);
        }
    }

    /**
     * A plan as comments see it, read at one revision: the revision, the latest saved version (null
     * when none), each area's current name, and each block's current area.
     */
    public record PlanSnapshot(long revision, Integer version, Map<String, String> areaNames, Map<String, String> blockArea) {
    }

    public PlanSnapshot snapshot(long id) {
        // read outside the plan's lock: comments should not queue behind each other's queries
        List<VersionInfo> versions = repo.versions(id);
        Integer version = versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            Map<String, String> names = new LinkedHashMap<>();
            for (int a = 0; a < s.areaIds.size(); a++) {
                names.put(s.areaIds.get(a), s.areaNames.get(a));
            }
            if (s.blockArea == null) { // derived once per revision, not on every comment request
                Map<String, String> blockArea = new HashMap<>();
                PlanningProblem p = region.problem();
                for (int b = 0; b < p.blockCount(); b++) {
                    blockArea.put(p.block(b).code(), s.areaIds.get(s.state.areaOf(b)));
                }
                s.blockArea = Map.copyOf(blockArea);
            }
            return new PlanSnapshot(s.revision, version, names, s.blockArea);
        }
    }

    public Map<String, Object> copy(long id, String name, String user) {
        PlanInfo copy = repo.copy(id, name, user);
        return plan(copy.id());
    }

    /** The plan's dissolved areas with their figures, for the map. */
    public CachedBody areas(long id, Integer zoom) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            String key = zoom == null ? "full" : zoom.toString();
            CachedBody cached = s.areaLayers.get(key);
            if (cached == null) {
                cached = layers.areas(built(s), zoom);
                s.areaLayers.put(key, cached);
            }
            return cached;
        }
    }

    public Map<String, Object> metrics(long id) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            BuiltPlan b = built(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", s.revision);
            m.put("summary", PlanFiles.summaryProperties(b.summary()));
            m.put("areas", b.areas().stream().map(PlanFiles::areaProperties).toList());
            m.put("pcns", b.pcns().stream().map(this::pcnJson).toList());
            return m;
        }
    }

    private Map<String, Object> pcnJson(PcnMetrics pm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pcn_code", pm.pcnCode());
        m.put("pcn_name", region.pcnName(pm.pcnCode()));
        m.putAll(PlanFiles.pcnProperties(pm));
        return m;
    }

    public List<Map<String, Object>> pcnAlignment(long id) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            BuiltPlan b = built(s);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int q = 0; q < b.pcns().size(); q++) {
                Map<String, Object> m = pcnJson(b.pcns().get(q));
                Map<String, Object> byArea = new LinkedHashMap<>();
                for (int a = 0; a < s.state.areaCount(); a++) {
                    double v = s.state.patients(a, q);
                    if (v >= 0.5) {
                        byArea.put(s.areaIds.get(a), round(v, 0));
                    }
                }
                m.put("by_area", byArea);
                out.add(m);
            }
            return out;
        }
    }

    /** The PCN × area matrix of registered patients, one row per PCN. */
    public String pcnAlignmentCsv(long id) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            PlanningProblem p = region.problem();
            StringBuilder sb = new StringBuilder("pcn_code,pcn_name");
            s.areaIds.forEach(a -> sb.append(',').append(a));
            sb.append(",total\n");
            for (int q = 0; q < p.pcnCodes().size(); q++) {
                String code = p.pcnCodes().get(q);
                sb.append(code).append(',').append(Csv.field(region.pcnName(code)));
                double total = 0;
                for (int a = 0; a < s.state.areaCount(); a++) {
                    double v = s.state.patients(a, q);
                    total += v;
                    sb.append(',').append(String.format(Locale.ROOT, "%.0f", v));
                }
                sb.append(',').append(String.format(Locale.ROOT, "%.0f", total)).append('\n');
            }
            return sb.toString();
        }
    }

    /** Where a PCN's patients live: by LSOA (its share there) and by area of the plan. */
    public Map<String, Object> pcnView(long id, String pcnCode) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            PlanningProblem p = region.problem();
            int q = p.pcnCodes().indexOf(pcnCode);
            if (q < 0 && !region.pcnNames().containsKey(pcnCode)) {
                throw ApiException.notFound("no PCN " + pcnCode + " in the region");
            }
            List<Map<String, Object>> lsoas = new ArrayList<>();
            long lsoaPatients = 0;
            for (LsoaDominance d : region.analysis().dominance().lsoas()) {
                long n = d.patients(pcnCode);
                if (n > 0) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("lsoa_code", d.lsoaCode());
                    m.put("share", round(d.share(pcnCode), 4));
                    m.put("patients", n);
                    m.put("dominant", pcnCode.equals(d.dominantPcnCode()));
                    lsoas.add(m);
                    lsoaPatients += n;
                }
            }
            lsoas.sort(Comparator.comparingLong((Map<String, Object> m) -> -(Long) m.get("patients"))
                    .thenComparing(m -> (String) m.get("lsoa_code")));
            List<Map<String, Object>> areas = new ArrayList<>();
            double total = 0;
            if (q >= 0) {
                for (int a = 0; a < s.state.areaCount(); a++) {
                    total += s.state.patients(a, q);
                }
                for (int a = 0; a < s.state.areaCount(); a++) {
                    double v = s.state.patients(a, q);
                    if (v >= 0.5) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("area_id", s.areaIds.get(a));
                        m.put("area_name", s.areaNames.get(a));
                        m.put("patients", round(v, 0));
                        m.put("share", round(total > 0 ? v / total : 0, 4));
                        areas.add(m);
                    }
                }
                areas.sort(Comparator.comparingDouble((Map<String, Object> m) -> -(Double) m.get("patients")));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pcn_code", pcnCode);
            m.put("pcn_name", region.pcnName(pcnCode));
            m.put("patients", q >= 0 ? round(total, 0) : (double) lsoaPatients);
            m.put("lsoas", lsoas);
            m.put("areas", areas);
            return m;
        }
    }

    /** Why a block is in its area, and what moving it to a neighbouring area would do. */
    public Map<String, Object> why(long id, String blockCode) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            int b = blockIndex(blockCode);
            BlockExplanation e = BlockExplanation.of(s.state, s.areaIds, s.areaNames, b, region.pcnNames());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("block_code", e.blockCode());
            m.put("block_name", e.blockName());
            m.put("area_id", e.areaId());
            m.put("area_name", e.areaName());
            m.put("area_main_pcn", e.areaMainPcn());
            m.put("locked", s.state.locked(b));
            m.put("text", e.text());
            List<Map<String, Object>> leanings = new ArrayList<>();
            for (BlockExplanation.Lean l : e.leanings()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("pcn_code", l.pcnCode());
                x.put("pcn_name", region.pcnName(l.pcnCode()));
                x.put("share", round(l.share(), 4));
                leanings.add(x);
            }
            m.put("leanings", leanings);
            List<Map<String, Object>> alternatives = new ArrayList<>();
            for (BlockExplanation.Option o : e.alternatives()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("area_id", o.areaId());
                x.put("area_name", o.areaName());
                x.put("main_pcn", o.mainPcn());
                x.put("alignment_change", round(o.alignmentChange(), 6));
                x.put("allowed", o.allowed());
                alternatives.add(x);
            }
            m.put("alternatives", alternatives);
            return m;
        }
    }

    // ---- edits -------------------------------------------------------------------------------

    /**
     * Moves blocks to an area (or previews it). A refused move is an {@link ApiException} 422 whose
     * body carries the outcome (reason, cut-off blocks); a stale {@code revision} is a conflict.
     */
    public Map<String, Object> move(long id, List<String> blocks, String to, boolean preview, Long revision, String user) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            checkRevision(s, revision);
            List<String> codes = distinctBlocks(blocks);
            if (s.areaIndex(to) < 0) {
                throw ApiException.notFound("no area " + to + " in plan " + id);
            }
            MoveOutcome o = preview ? s.editor.preview(codes, to) : s.editor.move(codes, to);
            if (!o.accepted()) {
                throw new ApiException(422, o.reason(), outcomeJson(s, o, preview));
            }
            if (!preview) {
                List<String> moved = new ArrayList<>();
                List<String> from = new ArrayList<>();
                for (int i = 0; i < o.blocks().size(); i++) {
                    if (!o.from().get(i).equals(to)) {
                        moved.add(o.blocks().get(i));
                        from.add(o.from().get(i));
                    }
                }
                if (!moved.isEmpty()) {
                    persist(s, user, Edit.move(moved, from, to));
                }
            }
            return outcomeJson(s, o, preview);
        }
    }

    public Map<String, Object> lock(long id, List<String> blocks, boolean locked, Long revision, String user) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            checkRevision(s, revision);
            List<String> codes = distinctBlocks(blocks);
            List<Boolean> was = new ArrayList<>();
            for (String c : codes) {
                was.add(s.state.locked(region.problem().indexOf(c)));
            }
            s.editor.setLocked(codes, locked);
            persist(s, user, Edit.lock(codes, was, locked));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("blocks", codes);
            m.put("locked", locked);
            m.put("revision", s.revision);
            return m;
        }
    }

    /** Writes an edit already applied to the session's state; on any failure the session reloads from the store. */
    private void persist(PlanSession s, String user, Edit edit) {
        try {
            s.revision = repo.apply(s.id, s.revision, user, edit);
            s.clearDerived();
        } catch (RuntimeException e) {
            s.invalidate();
            throw e;
        }
    }

    public Map<String, Object> undo(long id, Long revision, String user) {
        return replay(id, revision, user, true);
    }

    public Map<String, Object> redo(long id, Long revision, String user) {
        return replay(id, revision, user, false);
    }

    private Map<String, Object> replay(long id, Long revision, String user, boolean undo) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            checkRevision(s, revision);
            Optional<Replay> r;
            try {
                r = undo ? repo.undo(id, s.revision, user) : repo.redo(id, s.revision, user);
            } catch (RuntimeException e) {
                s.invalidate();
                throw e;
            }
            if (r.isEmpty()) {
                throw ApiException.conflict(undo ? "nothing to undo" : "nothing to redo");
            }
            EditRecord e = r.get().edit();
            PlanState st = s.state;
            Set<Integer> touched = new TreeSet<>();
            double alignmentBefore = st.alignment();
            double[][] before;
            if (StoredPlans.MOVE.equals(e.kind())) {
                e.from().forEach(a -> touched.add(s.areaIndex(a)));
                touched.add(s.areaIndex(e.to()));
                touched.remove(-1);
                before = snapshot(st, touched);
                List<String> targets = undo ? e.from() : java.util.Collections.nCopies(e.blocks().size(), e.to());
                s.editor.restore(e.blocks(), targets);
            } else {
                before = snapshot(st, touched);
                for (int i = 0; i < e.blocks().size(); i++) {
                    boolean locked = undo ? StoredPlans.LOCKED.equals(e.from().get(i)) : StoredPlans.LOCK.equals(e.kind());
                    s.editor.setLocked(List.of(e.blocks().get(i)), locked);
                }
            }
            s.revision = r.get().revision();
            s.clearDerived();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", undo ? StoredPlans.UNDO : StoredPlans.REDO);
            m.put("accepted", true);
            m.put("edit", editJson(e));
            m.put("blocks", e.blocks());
            m.put("areas", changesJson(s, changes(s, touched, before)));
            m.put("alignment_before", round(alignmentBefore, 6));
            m.put("alignment_after", round(st.alignment(), 6));
            m.put("revision", s.revision);
            return m;
        }
    }

    private static double[][] snapshot(PlanState st, Set<Integer> areas) {
        double[][] out = new double[st.areaCount()][];
        for (int a : areas) {
            out[a] = new double[]{st.residents(a), st.alignment(a), st.mainPcn(a), st.compactness(a)};
        }
        return out;
    }

    private List<AreaChange> changes(PlanSession s, Set<Integer> areas, double[][] before) {
        List<String> pcns = region.problem().pcnCodes();
        List<AreaChange> out = new ArrayList<>();
        PlanState st = s.state;
        for (int a : areas) {
            double[] b = before[a];
            int mainBefore = (int) b[2];
            int mainAfter = st.mainPcn(a);
            out.add(new AreaChange(s.areaIds.get(a), b[0], st.residents(a), b[1], st.alignment(a),
                    mainBefore < 0 ? null : pcns.get(mainBefore), mainAfter < 0 ? null : pcns.get(mainAfter), b[3],
                    st.compactness(a), st.piecesOf(a)));
        }
        return out;
    }

    // ---- versions, compare, audit ------------------------------------------------------------

    public List<Map<String, Object>> versions(long id) {
        return repo.versions(id).stream().map(PlannerService::versionJson).toList();
    }

    public Map<String, Object> saveVersion(long id, String label, String user) {
        return versionJson(repo.saveVersion(id, label, user));
    }

    private static Map<String, Object> versionJson(VersionInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("label", v.label());
        m.put("created_at", v.createdAt());
        m.put("created_by", v.createdBy());
        return m;
    }

    /** Two states of a plan side by side: {@code a}, {@code b} are version numbers or "current". */
    public Map<String, Object> compare(long id, String a, String b) {
        PlanSession s = session(id);
        int[] assignmentA;
        int[] assignmentB;
        List<String> ids;
        List<String> names;
        synchronized (s) {
            refresh(s);
            ids = s.areaIds;
            names = s.areaNames;
            assignmentA = assignment(s, a, "a");
            assignmentB = assignment(s, b, "b");
        }
        PlanningProblem p = region.problem();
        List<Map<String, Object>> changed = new ArrayList<>();
        for (int i = 0; i < p.blockCount(); i++) {
            if (assignmentA[i] != assignmentB[i]) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("block_code", p.block(i).code());
                m.put("block_name", p.block(i).name());
                m.put("from_area", ids.get(assignmentA[i]));
                m.put("to_area", ids.get(assignmentB[i]));
                changed.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed_blocks", changed);
        m.put("a", sideJson(a, new PlanState(p, assignmentA, ids.size(), null), ids, names));
        m.put("b", sideJson(b, new PlanState(p, assignmentB, ids.size(), null), ids, names));
        return m;
    }

    private int[] assignment(PlanSession s, String which, String param) {
        if (which == null || which.isBlank()) {
            throw ApiException.badRequest("missing query parameter '" + param + "' (a version number or 'current')");
        }
        if (which.equals("current")) {
            return s.state.assignment();
        }
        int version;
        try {
            version = Integer.parseInt(which.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + param + "' must be a version number or 'current', not '" + which + "'");
        }
        Map<String, String> stored = repo.versionAssignment(s.id, version)
                .orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + s.id));
        return toIndexes(s.id, stored, s.areaIds);
    }

    private Map<String, Object> sideJson(String label, PlanState st, List<String> ids, List<String> names) {
        BuiltPlan b = built(st, ids, names);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", label);
        m.put("summary", PlanFiles.summaryProperties(b.summary()));
        m.put("areas", b.areas().stream().map(PlanFiles::areaProperties).toList());
        return m;
    }

    public List<Map<String, Object>> audit(long id) {
        return repo.audit(id).stream().map(PlannerService::editJson).toList();
    }

    private static Map<String, Object> editJson(EditRecord e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at());
        m.put("user", e.user());
        m.put("kind", e.kind());
        m.put("blocks", e.blocks());
        m.put("from", e.from());
        m.put("to", e.to());
        m.put("undone", e.undone());
        return m;
    }

    // ---- downloads ---------------------------------------------------------------------------

    /** A file to download. */
    public record Download(byte[] bytes, String contentType, String fileName) {
    }

    public static final List<String> DOWNLOAD_FORMATS = List.of("geojson", "gpkg", "blocks-csv", "lsoas-csv");

    /** The plan's file as {@code sda build} / {@code sda export} write it. */
    public Download download(long id, String format) {
        if (format == null || !DOWNLOAD_FORMATS.contains(format)) {
            throw ApiException.badRequest("'format' must be one of " + String.join(", ", DOWNLOAD_FORMATS));
        }
        PlanSession s = session(id);
        BuiltPlan b;
        String name;
        synchronized (s) {
            refresh(s);
            PlanningProblem p = region.problem();
            boolean[] locked = new boolean[p.blockCount()];
            for (int i = 0; i < locked.length; i++) {
                locked[i] = s.state.locked(i);
            }
            // a copy: the files are written outside the lock
            b = built(new PlanState(p, s.state.assignment(), s.areaIds.size(), locked), s.areaIds, s.areaNames);
            name = slug(s.info.name());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sda-download");
            return switch (format) {
                case "geojson" -> new Download(Files.readAllBytes(PlanFiles.areas(b, dir.resolve("areas.geojson"))),
                        "application/geo+json", name + "-areas.geojson");
                case "gpkg" -> new Download(Files.readAllBytes(GeoPackageExport.write(b, dir.resolve(GeoPackageExport.FILE_NAME))),
                        "application/geopackage+sqlite3", name + ".gpkg");
                case "blocks-csv" -> new Download(Files.readAllBytes(PlanFiles.blockLookup(b, dir.resolve("parish_to_area.csv"))),
                        "text/csv; charset=utf-8", name + "-parish_to_area.csv");
                default -> new Download(Files.readAllBytes(PlanFiles.lsoaLookup(b, dir.resolve("lsoa_to_area.csv"))),
                        "text/csv; charset=utf-8", name + "-lsoa_to_area.csv");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format + " file: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "plan" : s;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    // ---- area profiles -----------------------------------------------------------------------

    /** The indicator catalogue: id, label, kind, vintage, source, licence. */
    public List<Map<String, Object>> indicators() {
        return profileViews.indicators();
    }

    /** All profiles of the plan (areas, districts, region) with the catalogue, as {@code sda profiles} writes them. */
    public Map<String, Object> profiles(long id) {
        PlanProfiles p = planProfiles(id);
        return profileViews.all(p);
    }

    /** The same as profiles.csv. */
    public String profilesCsv(long id) {
        return profileViews.csv(planProfiles(id));
    }

    /** An area's profile next to those of its districts and the region. */
    public Map<String, Object> areaProfile(long id, String areaId) {
        return profileViews.area(planProfiles(id), areaId);
    }

    /** One indicator (or one part's share) for every area and the region. */
    public Map<String, Object> indicatorMap(long id, String indicatorId, String part) {
        PlanProfiles p = planProfiles(id);
        return profileViews.map(p, profileViews.indicator(indicatorId), part);
    }

    /** The plan's profiles at its current revision, computed once per revision. */
    private PlanProfiles planProfiles(long id) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            if (s.profiles == null) {
                s.profiles = profileViews.compute(s);
            }
            return s.profiles;
        }
    }

    // ---- sessions ----------------------------------------------------------------------------

    private PlanSession session(long id) {
        return sessions.computeIfAbsent(id, PlanSession::new);
    }

    /** Brings the session to the stored revision (reloading when another process changed the plan). Caller holds the monitor. */
    private void refresh(PlanSession s) {
        Optional<PlanInfo> info = repo.find(s.id);
        if (info.isEmpty()) {
            sessions.remove(s.id);
            s.invalidate();
            throw ApiException.notFound("no plan " + s.id);
        }
        s.info = info.get();
        if (s.state != null && s.revision == s.info.revision()) {
            return;
        }
        StoredPlan stored;
        try {
            stored = repo.load(s.id);
        } catch (PlanNotFoundException e) {
            sessions.remove(s.id);
            throw ApiException.notFound("no plan " + s.id);
        }
        List<String> ids = stored.areas().stream().map(Area::id).toList();
        List<String> names = stored.areas().stream().map(Area::name).toList();
        int[] assignment = toIndexes(s.id, stored.assignment(), ids);
        PlanningProblem p = region.problem();
        boolean[] locked = new boolean[p.blockCount()];
        for (String code : stored.locked()) {
            int b = p.indexOf(code);
            if (b >= 0) {
                locked[b] = true;
            }
        }
        s.info = stored.info();
        s.areaIds = ids;
        s.areaNames = names;
        s.state = new PlanState(p, assignment, ids.size(), locked);
        s.editor = new PlanEditor(s.state, ids, stored.info().districtNesting());
        s.revision = stored.info().revision();
        s.clearDerived();
    }

    /** Block code → area id as area indexes in block order; every block of the region must have an area. */
    private int[] toIndexes(long planId, Map<String, String> assignment, List<String> ids) {
        PlanningProblem p = region.problem();
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < ids.size(); a++) {
            index.put(ids.get(a), a);
        }
        int[] out = new int[p.blockCount()];
        for (int b = 0; b < p.blockCount(); b++) {
            String area = assignment.get(p.block(b).code());
            Integer a = area == null ? null : index.get(area);
            if (a == null) {
                throw ApiException.conflict("plan " + planId + " does not match the imported data: block " + p.block(b).code()
                        + " has no area in it (was the region re-imported with other boundaries?)");
            }
            out[b] = a;
        }
        return out;
    }

    private static void checkRevision(PlanSession s, Long revision) {
        if (revision != null && revision != s.revision) {
            throw new PlanConflictException(s.id, revision, s.revision);
        }
    }

    private List<String> distinctBlocks(List<String> codes) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(codes));
        for (String c : out) {
            if (region.problem().indexOf(c) < 0) {
                throw ApiException.notFound("no building block " + c + " in the region");
            }
        }
        return out;
    }

    private int blockIndex(String code) {
        int b = region.problem().indexOf(code);
        if (b < 0) {
            throw ApiException.notFound("no building block " + code + " in the region");
        }
        return b;
    }

    private BuiltPlan built(PlanSession s) {
        if (s.built == null) {
            s.built = built(s.state, s.areaIds, s.areaNames);
        }
        return s.built;
    }

    /** A plan's figures read off a state, in the shape the exporters take. */
    private static BuiltPlan built(PlanState st, List<String> ids, List<String> names) {
        List<AreaMetrics> areas = PlanMetrics.areas(st, ids, names);
        List<PcnMetrics> pcns = PlanMetrics.pcns(st, ids);
        LsoaBestFit fit = LsoaBestFit.of(st);
        return new BuiltPlan(st, ids, names, areas, pcns, PlanMetrics.summary(st, areas, fit), fit, NO_BASELINES,
                new Clusterer.Result(st.assignment(), st.areaCount(), new int[0], List.of(), 0, 0));
    }

    private Map<String, Object> planJson(PlanSession s) {
        BuiltPlan b = built(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("name", s.info.name());
        m.put("revision", s.revision);
        m.put("created_at", s.info.createdAt());
        m.put("updated_at", s.info.updatedAt());
        m.put("district_nesting", s.info.districtNesting());
        m.put("options", parseJson(s.info.optionsJson()));
        m.put("summary", PlanFiles.summaryProperties(b.summary()));
        m.put("areas", b.areas().stream().map(PlanFiles::areaProperties).toList());
        Map<String, Object> blocks = new LinkedHashMap<>();
        PlanningProblem p = region.problem();
        for (int i = 0; i < p.blockCount(); i++) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("area_id", s.areaIds.get(s.state.areaOf(i)));
            x.put("locked", s.state.locked(i));
            blocks.put(p.block(i).code(), x);
        }
        m.put("blocks", blocks);
        return m;
    }

    private Map<String, Object> outcomeJson(PlanSession s, MoveOutcome o, boolean preview) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", o.accepted());
        m.put("preview", preview);
        m.put("reason", o.reason());
        m.put("cut_off", o.cutOff());
        m.put("blocks", o.blocks());
        m.put("from", o.from());
        m.put("to", o.to());
        m.put("areas", changesJson(s, o.areas()));
        m.put("alignment_before", round(o.alignmentBefore(), 6));
        m.put("alignment_after", round(o.alignmentAfter(), 6));
        m.put("revision", s.revision);
        return m;
    }

    private static List<Map<String, Object>> changesJson(PlanSession s, List<AreaChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AreaChange c : changes) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("area_id", c.areaId());
            int a = s.areaIndex(c.areaId());
            x.put("area_name", a < 0 ? null : s.areaNames.get(a));
            x.put("residents_before", round(c.residentsBefore(), 0));
            x.put("residents_after", round(c.residentsAfter(), 0));
            x.put("alignment_before", round(c.alignmentBefore(), 4));
            x.put("alignment_after", round(c.alignmentAfter(), 4));
            x.put("main_pcn_before", c.mainPcnBefore());
            x.put("main_pcn_after", c.mainPcnAfter());
            x.put("compactness_before", round(c.compactnessBefore(), 4));
            x.put("compactness_after", round(c.compactnessAfter(), 4));
            x.put("pieces_after", c.piecesAfter());
            out.add(x);
        }
        return out;
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parseJson(String s) {
        try {
            return JSON.readTree(s == null ? "{}" : s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    /** For tests: whether the plan's session is loaded at this revision. */
    long cachedRevision(long id) {
        PlanSession s = sessions.get(id);
        return s == null ? -1 : s.revision;
    }
}
