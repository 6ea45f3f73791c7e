package org.sdaplanner.web;

import org.sdaplanner.cli.KeptSearch;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreException;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.plans.BlockExplanations;
import org.sdaplanner.web.plans.PcnViews;
import org.sdaplanner.web.plans.PlanComparison;
import org.sdaplanner.web.plans.TradeoffCurves;
import org.sdaplanner.web.plans.PlanDownloads;
import org.sdaplanner.web.plans.PlanEditing;
import org.sdaplanner.web.plans.PlanFigures;
import org.sdaplanner.web.plans.PlanImports;
import org.sdaplanner.web.plans.PlanReports;
import org.sdaplanner.web.plans.PlanSessions;
import org.sdaplanner.web.plans.PlanSpec;
import org.sdaplanner.web.plans.PlanVersions;
import org.sdaplanner.web.plans.Plans;
import org.sdaplanner.web.plans.Profiles;
import org.sdaplanner.web.plans.ReleaseImpacts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The planner's application services over one store, opened once: the region (loaded at start)
 * and what can be done with it and its plans. The map server's routes call these, and so can the
 * command line. Each service has one job; they share the plan sessions (each plan's working state,
 * cached by revision and reloaded when another process changed the plan). Thread-safe.
 */
public final class PlannerService implements AutoCloseable {
    public static final String DEFAULT_PLAN_NAME = "Default plan";
    public static final long DEFAULT_SEED = Plans.DEFAULT_SEED;

    private final SpatialStore store;
    private final Region region;
    /** Keeps an embedded H2 database open between requests (it closes with its last connection). */
    private final Connection keeper;
    /** The store as given to {@link #open}; {@link #store} is its pooled form when that is another object, closed here. */
    private final SpatialStore opened;
    private final PlanSessions sessions;
    /** The map's layers, places and search: made on first use, since only the map server needs them. */
    private RegionViews regionViews;
    private final Plans plans;
    private final PlanEditing editing;
    private final PlanVersions versions;
    private final PlanComparison comparison;
    private final PlanFigures figures;
    private final BlockExplanations explanations;
    private final PcnViews pcnViews;
    private final PlanDownloads downloads;
    private final Profiles profiles;
    private final PlanImports imports;
    private final PlanReports reports;
    private final ReleaseImpacts releases;
    private final TradeoffCurves tradeoffs;

    private PlannerService(SpatialStore store, SpatialStore opened, Region region, Connection keeper) {
        this.store = store;
        this.opened = opened;
        this.region = region;
        this.keeper = keeper;
        this.sessions = new PlanSessions(region, new PlanRepository(store));
        this.plans = new Plans(sessions, o -> KeptSearch.build(store, region.analysis(), region.problem(), o, 0, false).plan());
        this.tradeoffs = new TradeoffCurves(plans, region.problem());
        AccountRepository accounts = new AccountRepository(store);
        this.editing = new PlanEditing(sessions, user -> displayName(accounts, user));
        this.versions = new PlanVersions(sessions);
        this.comparison = new PlanComparison(sessions);
        this.figures = new PlanFigures(sessions);
        this.explanations = new BlockExplanations(sessions);
        this.pcnViews = new PcnViews(sessions);
        this.downloads = new PlanDownloads(sessions);
        this.profiles = new Profiles(store, sessions);
        this.imports = new PlanImports(sessions, plans);
        this.reports = new PlanReports(sessions, downloads);
        this.releases = new ReleaseImpacts(sessions, new ReleaseRepository(store), editing);
    }

    /** The name an account shows, for the plans' histories; null for a user that is no account ("cli:…", "test"). */
    private static String displayName(AccountRepository accounts, String user) {
        if (user == null || !AccountRepository.USERNAME.matcher(user).matches()) {
            return null;
        }
        return accounts.find(user).map(a -> a.displayName()).orElse(null);
    }

    /** Loads the region from the store (which must hold an import) and gets ready to serve. */
    public static PlannerService open(SpatialStore opened) {
        SpatialStore store = opened.forServing();
        Connection keeper = null;
        try {
            if (store.url().startsWith("jdbc:h2:")) {
                try {
                    keeper = store.connect();
                } catch (SQLException e) {
                    throw new StoreException("cannot open the store at " + store.displayUrl() + ": " + e.getMessage(), e);
                }
            }
            return new PlannerService(store, opened, Region.load(store), keeper);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            if (store != opened) {
                store.close();
            }
            throw e;
        }
    }

    /** Builds the default plan (the region's number of areas, seed 1, nested in districts) when the store has none. */
    public Optional<Plan> ensureDefaultPlan(String user) {
        if (plans.any()) {
            return Optional.empty();
        }
        return Optional.of(plans.create(DEFAULT_PLAN_NAME, PlanSpec.defaults(), user));
    }

    @Override
    public void close() {
        tradeoffs.close();
        closeQuietly(keeper);
        if (store != opened) {
            store.close();
        }
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

    /** The region's description, fixed layers and search. */
    public synchronized RegionViews regionViews() {
        if (regionViews == null) {
            regionViews = new RegionViews(region); // place labels and the search index, which no command-line use needs
        }
        return regionViews;
    }

    /** Listing, building, opening, renaming, copying and deleting plans. */
    public Plans plans() {
        return plans;
    }

    /** Moves, locks, undo, redo, area names and the edit history. */
    public PlanEditing editing() {
        return editing;
    }

    public PlanVersions versions() {
        return versions;
    }

    public PlanComparison comparison() {
        return comparison;
    }

    /** A plan's figures and its areas on the map. */
    public PlanFigures figures() {
        return figures;
    }

    /** Why a block is in its area. */
    public BlockExplanations explanations() {
        return explanations;
    }

    public PcnViews pcnViews() {
        return pcnViews;
    }

    public PlanDownloads downloads() {
        return downloads;
    }

    public Profiles profiles() {
        return profiles;
    }

    /** A plan's committee report. */
    public PlanReports reports() {
        return reports;
    }

    /** The data releases, two of them compared, and a plan re-fitted to a new one. */
    public ReleaseImpacts releases() {
        return releases;
    }

    /** Plans read from a file (block or LSOA lookups, area polygons). */
    public TradeoffCurves tradeoffs() {
        return tradeoffs;
    }

    public PlanImports imports() {
        return imports;
    }

    /** For tests: whether the plan is held in memory, and at which revision (-1: not held). */
    long cachedRevision(long id) {
        return sessions.cachedRevision(id);
    }
}
