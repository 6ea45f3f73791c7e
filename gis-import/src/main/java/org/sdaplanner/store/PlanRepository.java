package org.sdaplanner.store;

import org.sdaplanner.core.text.TextRule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.store.StoredPlans.Area;
import org.sdaplanner.store.StoredPlans.Edit;
import org.sdaplanner.store.StoredPlans.EditRecord;
import org.sdaplanner.store.StoredPlans.NewPlan;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.Replay;
import org.sdaplanner.store.StoredPlans.StoredPlan;
import org.sdaplanner.store.StoredPlans.VersionInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.sdaplanner.store.Jdbc.bind;
import static org.sdaplanner.store.Jdbc.now;
import static org.sdaplanner.store.Jdbc.query;
import static org.sdaplanner.store.Jdbc.update;

/**
 * Plans in the store: one code path and parameterised SQL for H2GIS and PostGIS. Every change to a
 * plan's assignment or locks is an {@link Edit} applied with optimistic concurrency: the caller names
 * the revision it worked on, and the change is written only if the plan is still at that revision
 * ({@code UPDATE plan SET revision = revision + 1 WHERE id = ? AND revision = ?}), together with its
 * history row and the changed blocks, in one transaction. Undo and redo are worked out from the
 * persisted history, so every server process on one store sees the same plans and the same history.
 */
public final class PlanRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, String>> ASSIGNMENT = new TypeReference<>() {
    };
    private static final String PLAN_COLUMNS = "id, name, created_at, updated_at, revision, options_json, district_nesting";
    private static final String EDIT_COLUMNS = "seq, at, user_name, kind, blocks_json, from_json, to_area, undone";
    /** The history rows undo and redo are worked out from: edits, undos and redos. */
    private static final String HISTORY_KINDS = "kind IN ('" + StoredPlans.MOVE + "', '" + StoredPlans.LOCK + "', '"
            + StoredPlans.UNLOCK + "', '" + StoredPlans.RESTORE + "', '" + StoredPlans.UNDO + "', '" + StoredPlans.REDO + "')";

    private final Jdbc jdbc;

    public PlanRepository(SpatialStore store) {
        this.jdbc = new Jdbc(store);
    }

    // ---- plans -------------------------------------------------------------------------------

    /** Stores a plan the clusterer built, at revision 0. */
    public PlanInfo create(String name, BuiltPlan plan, String optionsJson, boolean districtNesting, String user) {
        return create(NewPlan.of(name, plan, optionsJson, districtNesting), user);
    }

    /** Stores a new plan at revision 0, with a "create" entry in its history. */
    public PlanInfo create(NewPlan plan, String user) {
        String name = TextRule.clean(TextRule.Kind.NAME, "name", plan.name());
        for (Area a : plan.areas()) {
            TextRule.clean(TextRule.Kind.NAME, "name of area " + a.id(), a.name());
        }
        Set<String> areaIds = new HashSet<>();
        plan.areas().forEach(a -> areaIds.add(a.id()));
        plan.assignment().forEach((block, area) -> {
            if (!areaIds.contains(area)) {
                throw new IllegalArgumentException("block " + block + " is assigned to " + area + ", which is not an area of the plan");
            }
        });
        return jdbc.transaction("cannot store the plan", c -> {
            String now = now();
            long id = insertPlan(c, name, now, plan.optionsJson(), plan.districtNesting());
            insertContents(c, id, plan.areas(), plan.assignment(), plan.locked());
            insertEdit(c, id, 1, now, user, new Edit(StoredPlans.CREATE, List.of(), List.of(), null), false);
            return info(c, id).orElseThrow();
        });
    }

    /** All plans, by id. */
    public List<PlanInfo> list() {
        return jdbc.read("cannot list the plans", c -> query(c, "SELECT " + PLAN_COLUMNS + " FROM plan ORDER BY id", List.of(),
                PlanRepository::planInfo));
    }

    public Optional<PlanInfo> find(long id) {
        return jdbc.read("cannot read plan " + id, c -> info(c, id));
    }

    /** The plan with its areas, assignment and locks, read in one transaction (a consistent revision). */
    public StoredPlan load(long id) {
        return jdbc.readConsistent("cannot read plan " + id, c -> {
            PlanInfo info = info(c, id).orElseThrow(() -> new PlanNotFoundException(id));
            List<Area> areas = query(c, "SELECT area_id, name FROM plan_area WHERE plan_id = ? ORDER BY area_id", List.of(id),
                    rs -> new Area(rs.getString(1), rs.getString(2)));
            Map<String, String> assignment = new LinkedHashMap<>();
            Set<String> locked = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT block_code, area_id, locked FROM plan_block WHERE plan_id = ? ORDER BY block_code")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assignment.put(rs.getString(1), rs.getString(2));
                        if (rs.getBoolean(3)) {
                            locked.add(rs.getString(1));
                        }
                    }
                }
            }
            return new StoredPlan(info, areas, assignment, locked);
        });
    }

    public PlanInfo rename(long id, String name) {
        String n = TextRule.clean(TextRule.Kind.NAME, "name", name);
        return jdbc.transaction("cannot rename plan " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan SET name = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, n);
                ps.setString(2, now());
                ps.setLong(3, id);
                if (ps.executeUpdate() == 0) {
                    throw new PlanNotFoundException(id);
                }
            }
            return info(c, id).orElseThrow();
        });
    }

    /** Deletes the plan with its areas, blocks, versions and history. */
    public void delete(long id) {
        jdbc.transaction("cannot delete plan " + id, c -> {
            long comments = Jdbc.queryOne(c, "SELECT COUNT(*) FROM plan_comment WHERE plan_id = ?", List.of(id),
                    rs -> rs.getLong(1)).orElse(0L);
            if (comments > 0) {
                // comments are part of the public record of a consultation: never deleted with a plan
                String name = info(c, id).map(PlanInfo::name).orElse("plan " + id);
                throw new StoreConflictException("“" + name + "” has " + comments + " comment" + (comments == 1 ? "" : "s")
                        + " and cannot be deleted: comments are kept for the record (copy or rename the plan instead)");
            }
            for (String table : List.of("plan_edit", "plan_version", "plan_block", "plan_area")) {
                update(c, "DELETE FROM " + table + " WHERE plan_id = ?", id);
            }
            if (update(c, "DELETE FROM plan WHERE id = ?", id) == 0) {
                throw new PlanNotFoundException(id);
            }
            return null;
        });
    }

    /** A new plan with the same options, areas, assignment and locks (not the versions or history). */
    public PlanInfo copy(long id, String name, String user) {
        String n = TextRule.clean(TextRule.Kind.NAME, "name", name);
        return jdbc.transaction("cannot copy plan " + id, c -> {
            PlanInfo from = info(c, id).orElseThrow(() -> new PlanNotFoundException(id));
            String now = now();
            long newId = insertPlan(c, n, now, from.optionsJson(), from.districtNesting());
            update(c, "INSERT INTO plan_area (plan_id, area_id, name) SELECT ?, area_id, name FROM plan_area WHERE plan_id = ?",
                    newId, id);
            update(c, "INSERT INTO plan_block (plan_id, block_code, area_id, locked)"
                    + " SELECT ?, block_code, area_id, locked FROM plan_block WHERE plan_id = ?", newId, id);
            insertEdit(c, newId, 1, now, user, new Edit(StoredPlans.COPY, List.of(), List.of(), Long.toString(id)), false);
            return info(c, newId).orElseThrow();
        });
    }

    // ---- edits -------------------------------------------------------------------------------

    /**
     * Applies an edit made on {@code expectedRevision}: bumps the revision, records the edit and
     * writes the changed blocks, all in one transaction.
     *
     * @return the plan's new revision
     * @throws PlanConflictException when the plan is no longer at {@code expectedRevision}
     * @throws PlanNotFoundException when there is no such plan
     * @throws IllegalArgumentException when the edit names a block or area the plan does not have
     */
    public long apply(long id, long expectedRevision, String user, Edit edit) {
        if (!List.of(StoredPlans.MOVE, StoredPlans.LOCK, StoredPlans.UNLOCK, StoredPlans.RESTORE).contains(edit.kind())) {
            throw new IllegalArgumentException("not an edit kind: " + edit.kind());
        }
        if (edit.blocks().isEmpty()) {
            throw new IllegalArgumentException("an edit needs at least one block");
        }
        return jdbc.transaction("cannot save the edit to plan " + id, c -> {
            long revision = bump(c, id, expectedRevision);
            if (StoredPlans.MOVE.equals(edit.kind())) {
                requireArea(c, id, edit.to());
            }
            if (StoredPlans.RESTORE.equals(edit.kind()) && versionAssignment(c, id, restoredVersion(edit)).isEmpty()) {
                throw new NotFoundException("no version " + edit.to() + " of plan " + id);
            }
            insertEdit(c, id, nextSeq(c, id), now(), user, edit, false);
            write(c, id, edit, false);
            return revision;
        });
    }

    /**
     * Renames an area of a plan, made on {@code expectedRevision}. The area keeps its id, so comments
     * and history about it stay attached; the old name is kept in the history ({@code from}).
     *
     * @return the plan's new revision
     */
    public long renameArea(long id, long expectedRevision, String areaId, String name, String user) {
        String n = TextRule.clean(TextRule.Kind.NAME, "name", name);
        return jdbc.transaction("cannot rename area " + areaId + " of plan " + id, c -> {
            long revision = bump(c, id, expectedRevision);
            requireArea(c, id, areaId);
            String old = Jdbc.queryOne(c, "SELECT name FROM plan_area WHERE plan_id = ? AND area_id = ?", List.of(id, areaId),
                    rs -> rs.getString(1)).orElseThrow();
            update(c, "UPDATE plan_area SET name = ? WHERE plan_id = ? AND area_id = ?", n, id, areaId);
            insertEdit(c, id, nextSeq(c, id), now(), user,
                    new Edit(StoredPlans.RENAME_AREA, List.of(areaId), List.of(old), n), false);
            return revision;
        });
    }

    /**
     * Reverses the latest edit that is not undone (moves go back where they came from, locks to
     * their previous state), made on {@code expectedRevision}.
     *
     * @return the edit reversed and the new revision; empty when there is nothing to undo
     */
    public Optional<Replay> undo(long id, long expectedRevision, String user) {
        return replay(id, expectedRevision, user, true);
    }

    /** Replays the edit undone last, unless a new edit was made since. Empty when there is nothing to redo. */
    public Optional<Replay> redo(long id, long expectedRevision, String user) {
        return replay(id, expectedRevision, user, false);
    }

    private Optional<Replay> replay(long id, long expectedRevision, String user, boolean undo) {
        return jdbc.transaction("cannot " + (undo ? "undo" : "redo") + " on plan " + id, c -> {
            long revision = bump(c, id, expectedRevision);
            StoredPlans.History stacks = stacks(c, id);
            EditRecord target = undo ? stacks.done().peek() : stacks.undone().peek();
            if (target == null) {
                c.rollback();
                return Optional.empty();
            }
            write(c, id, target.edit(), undo);
            update(c, "UPDATE plan_edit SET undone = ? WHERE plan_id = ? AND seq = ?", undo, id, target.seq());
            insertEdit(c, id, nextSeq(c, id), now(), user,
                    new Edit(undo ? StoredPlans.UNDO : StoredPlans.REDO, target.blocks(), target.from(), target.to()), false);
            EditRecord changed = new EditRecord(target.seq(), target.at(), target.user(), target.kind(), target.blocks(),
                    target.from(), target.to(), undo);
            return Optional.of(new Replay(changed, revision));
        });
    }

    /** The edits that undo and redo would reverse or replay next (empty when there is none). */
    public record NextReplays(Optional<EditRecord> undo, Optional<EditRecord> redo) {
    }

    public NextReplays nextReplays(long id) {
        return jdbc.read("cannot read the history of plan " + id, c -> {
            requirePlan(c, id);
            StoredPlans.History s = stacks(c, id);
            return new NextReplays(Optional.ofNullable(s.done().peek()), Optional.ofNullable(s.undone().peek()));
        });
    }

    private static StoredPlans.History stacks(Connection c, long id) throws SQLException {
        return StoredPlans.History.of(query(c, "SELECT " + EDIT_COLUMNS + " FROM plan_edit WHERE plan_id = ? AND " + HISTORY_KINDS
                + " ORDER BY seq", List.of(id), PlanRepository::editRecord));
    }

    /** The plan's history, newest first. */
    public List<EditRecord> audit(long id) {
        return jdbc.read("cannot read the history of plan " + id, c -> {
            requirePlan(c, id);
            return query(c, "SELECT " + EDIT_COLUMNS + " FROM plan_edit WHERE plan_id = ? ORDER BY seq DESC", List.of(id),
                    PlanRepository::editRecord);
        });
    }

    // ---- versions ----------------------------------------------------------------------------

    /** Saves the current assignment as the next version (1, 2, …). */
    public VersionInfo saveVersion(long id, String label, String user) {
        return saveVersion(id, label, user, null);
    }

    /**
     * Saves {@code proposed} (block code → area id: every block of the plan, areas of the plan) as the next
     * version, without changing the plan: a re-fit is offered this way, and becomes the plan by a restore.
     * With {@code proposed} null, the current assignment is saved.
     */
    public VersionInfo saveVersion(long id, String label, String user, Map<String, String> proposed) {
        String l = TextRule.clean(TextRule.Kind.LABEL, "label", label);
        return jdbc.transaction("cannot save a version of plan " + id, c -> {
            // touching the plan row serialises version numbers between concurrent saves
            if (update(c, "UPDATE plan SET updated_at = ? WHERE id = ?", now(), id) == 0) {
                throw new PlanNotFoundException(id);
            }
            Map<String, String> assignment = new TreeMap<>();
            query(c, "SELECT block_code, area_id FROM plan_block WHERE plan_id = ?", List.of(id),
                    rs -> assignment.put(rs.getString(1), rs.getString(2)));
            if (proposed != null) {
                Set<String> areas = new HashSet<>(query(c, "SELECT area_id FROM plan_area WHERE plan_id = ?", List.of(id),
                        rs -> rs.getString(1)));
                for (String block : assignment.keySet()) {
                    String to = proposed.get(block);
                    if (to == null || !areas.contains(to)) {
                        throw new IllegalArgumentException("block " + block + " is given " + (to == null ? "no area"
                                : "area " + to + ", which is not an area of plan " + id));
                    }
                    assignment.put(block, to);
                }
            }
            int version;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM plan_version WHERE plan_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            VersionInfo v = new VersionInfo(version, l.isEmpty() ? "Version " + version : l, now(), clip(user));
            update(c, "INSERT INTO plan_version (plan_id, version, label, created_at, created_by, assignment_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, v.version(), v.label(), v.createdAt(), v.createdBy(), json(assignment));
            return v;
        });
    }

    /** The plan's saved versions, oldest first. */
    public List<VersionInfo> versions(long id) {
        return jdbc.read("cannot read the versions of plan " + id, c -> {
            requirePlan(c, id);
            return query(c, "SELECT version, label, created_at, created_by FROM plan_version WHERE plan_id = ? ORDER BY version",
                    List.of(id), rs -> new VersionInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    }

    /** A saved version's assignment (block code → area id, by code), or empty when there is no such version. */
    public Optional<Map<String, String>> versionAssignment(long id, int version) {
        return jdbc.read("cannot read version " + version + " of plan " + id, c -> {
            requirePlan(c, id);
            return versionAssignment(c, id, version);
        });
    }

    /** One saved version's label, date and author, or empty when there is no such version. */
    public Optional<VersionInfo> version(long id, int version) {
        return versions(id).stream().filter(v -> v.version() == version).findFirst();
    }

    /** Gives a saved version a new label (its assignment, date and author stay). */
    public VersionInfo relabelVersion(long id, int version, String label) {
        if (label == null || label.isBlank() || label.strip().length() > 300) {
            throw new IllegalArgumentException("a version needs a label of 1 to 300 characters");
        }
        return jdbc.transaction("cannot rename version " + version + " of plan " + id, c -> {
            requirePlan(c, id);
            if (update(c, "UPDATE plan_version SET label = ? WHERE plan_id = ? AND version = ?", label.strip(), id, version) == 0) {
                throw new NotFoundException("no version " + version + " of plan " + id);
            }
            return query(c, "SELECT version, label, created_at, created_by FROM plan_version WHERE plan_id = ? AND version = ?",
                    List.of(id, version), rs -> new VersionInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).get(0);
        });
    }

    private static Optional<Map<String, String>> versionAssignment(Connection c, long id, int version) throws SQLException {
        List<String> rows = query(c, "SELECT assignment_json FROM plan_version WHERE plan_id = ? AND version = ?",
                List.of(id, version), rs -> rs.getString(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(parse(rows.get(0), ASSIGNMENT));
    }

    /** The version a restore edit brought back (its {@code to}). */
    private static int restoredVersion(Edit e) {
        try {
            return Integer.parseInt(e.to());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("a restore names the version it brings back, not '" + e.to() + "'");
        }
    }

    // ---- SQL ---------------------------------------------------------------------------------

    /** Bumps the revision if it is {@code expected}; else tells a missing plan from a stale revision. */
    private long bump(Connection c, long id, long expected) throws SQLException {
        int n = update(c, "UPDATE plan SET revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?", now(), id, expected);
        if (n == 0) {
            PlanInfo info = info(c, id).orElseThrow(() -> new PlanNotFoundException(id));
            throw new PlanConflictException(id, expected, info.revision());
        }
        return expected + 1;
    }

    /** Writes an edit's blocks (or, with {@code reverse}, puts them back as they were before it). */
    private static void write(Connection c, long id, Edit edit, boolean reverse) throws SQLException {
        if (StoredPlans.RESTORE.equals(edit.kind())) {
            // a restore moves each block to its area in the version (kept unchanged), or back where it was
            Map<String, String> version = reverse ? Map.of() : versionAssignment(c, id, restoredVersion(edit))
                    .orElseThrow(() -> new NotFoundException("no version " + edit.to() + " of plan " + id));
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < edit.blocks().size(); i++) {
                targets.add(reverse ? edit.from().get(i) : version.get(edit.blocks().get(i)));
            }
            writeAreas(c, id, edit.blocks(), targets);
            return;
        }
        boolean move = StoredPlans.MOVE.equals(edit.kind());
        String sql = move ? "UPDATE plan_block SET area_id = ? WHERE plan_id = ? AND block_code = ?"
                : "UPDATE plan_block SET locked = ? WHERE plan_id = ? AND block_code = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < edit.blocks().size(); i++) {
                if (move) {
                    ps.setString(1, reverse ? edit.from().get(i) : edit.to());
                } else {
                    ps.setBoolean(1, reverse ? StoredPlans.LOCKED.equals(edit.from().get(i)) : StoredPlans.LOCK.equals(edit.kind()));
                }
                ps.setLong(2, id);
                ps.setString(3, edit.blocks().get(i));
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no building block " + edit.blocks().get(i) + " in plan " + id);
                }
            }
        }
    }

    private static void writeAreas(Connection c, long id, List<String> blocks, List<String> areas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plan_block SET area_id = ? WHERE plan_id = ? AND block_code = ?")) {
            for (int i = 0; i < blocks.size(); i++) {
                if (areas.get(i) == null) {
                    throw new IllegalArgumentException("block " + blocks.get(i) + " has no area in the version restored");
                }
                ps.setString(1, areas.get(i));
                ps.setLong(2, id);
                ps.setString(3, blocks.get(i));
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no building block " + blocks.get(i) + " in plan " + id);
                }
            }
        }
    }

    private static void requireArea(Connection c, long id, String area) throws SQLException {
        if (query(c, "SELECT area_id FROM plan_area WHERE plan_id = ? AND area_id = ?", List.of(id, area), rs -> 1).isEmpty()) {
            throw new IllegalArgumentException("no area " + area + " in plan " + id);
        }
    }

    private static void requirePlan(Connection c, long id) throws SQLException {
        if (info(c, id).isEmpty()) {
            throw new PlanNotFoundException(id);
        }
    }

    /** Inserts the plan row at revision 0; the store gives the id (an identity column). */
    private static long insertPlan(Connection c, String name, String now, String options, boolean nesting) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan (name, created_at, updated_at, revision, options_json,"
                + " district_nesting) VALUES (?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            bind(ps, new Object[]{name, now, now, 0L, options, nesting});
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the store gave no id for the new plan");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertContents(Connection c, long id, List<Area> areas, Map<String, String> assignment, Set<String> locked)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_area (plan_id, area_id, name) VALUES (?, ?, ?)")) {
            for (Area a : areas) {
                ps.setLong(1, id);
                ps.setString(2, a.id());
                ps.setString(3, a.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plan_block (plan_id, block_code, area_id, locked) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : new TreeMap<>(assignment).entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.setBoolean(4, locked.contains(e.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertEdit(Connection c, long id, long seq, String at, String user, Edit e, boolean undone)
            throws SQLException {
        update(c, "INSERT INTO plan_edit (plan_id, " + EDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, seq, at,
                user == null || user.isBlank() ? "anonymous" : clip(user), e.kind(), json(e.blocks()), json(e.from()), e.to(), undone);
    }

    /** Who made a change, as the history keeps it (user names are short; an operating-system user may not be). */
    private static String clip(String user) {
        return user == null || user.length() <= 200 ? user : user.substring(0, 200);
    }

    private static long nextSeq(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM plan_edit WHERE plan_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<PlanInfo> info(Connection c, long id) throws SQLException {
        List<PlanInfo> rows = query(c, "SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = ?", List.of(id), PlanRepository::planInfo);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PlanInfo planInfo(ResultSet rs) throws SQLException {
        return new PlanInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getBoolean(7));
    }

    private static EditRecord editRecord(ResultSet rs) throws SQLException {
        return new EditRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), parse(rs.getString(5), STRINGS),
                parse(rs.getString(6), STRINGS), rs.getString(7), rs.getBoolean(8));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("a plan row holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
