package org.sdaplanner.store;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The values {@link PlanRepository} reads and writes. */
public final class StoredPlans {
    private StoredPlans() {
    }

    /** Edit kinds that change the plan and can be undone. */
    public static final String MOVE = "move";
    public static final String LOCK = "lock";
    public static final String UNLOCK = "unlock";
    /**
     * A saved version brought back: {@code blocks} are the blocks whose area it changed, {@code from}
     * their areas before, {@code to} the version's number (redo reads each block's area from it).
     */
    public static final String RESTORE = "restore";
    /** Audit-only kinds. */
    public static final String CREATE = "create";
    /** A plan made as a copy: {@code to} holds the id of the plan copied. */
    public static final String COPY = "copy";
    public static final String UNDO = "undo";
    public static final String REDO = "redo";
    /** An area renamed: {@code blocks} holds the area id, {@code from} its old name, {@code to} the new one. */
    public static final String RENAME_AREA = "rename-area";
    /** How a lock edit records a block's previous state in {@link Edit#from()}. */
    public static final String LOCKED = "locked";
    public static final String UNLOCKED = "unlocked";

    /** A plan's row: {@code revision} counts the changes to its assignment and locks. */
    public record PlanInfo(long id, String name, String createdAt, String updatedAt, long revision, String optionsJson,
                           boolean districtNesting) {
    }

    /** An area of a plan, in plan order (by id). */
    public record Area(String id, String name) {
        public Area {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A plan to store.
     *
     * @param assignment block code → area id, for every block
     * @param locked     the block codes that are locked
     */
    public record NewPlan(String name, String optionsJson, boolean districtNesting, List<Area> areas,
                          Map<String, String> assignment, Set<String> locked) {
        public NewPlan {
            Objects.requireNonNull(name, "name");
            areas = List.copyOf(areas);
            assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
            locked = Collections.unmodifiableSet(new TreeSet<>(locked == null ? Set.of() : locked));
            optionsJson = optionsJson == null ? "{}" : optionsJson;
        }

        /** A plan made by the clusterer: its areas (ids and names), every block's area and the locked blocks. */
        public static NewPlan of(String name, BuiltPlan plan, String optionsJson, boolean districtNesting) {
            List<Area> areas = new ArrayList<>();
            for (int a = 0; a < plan.areaIds().size(); a++) {
                areas.add(new Area(plan.areaIds().get(a), plan.areaNames().get(a)));
            }
            PlanState state = plan.state();
            PlanningProblem problem = state.problem();
            Map<String, String> assignment = new LinkedHashMap<>();
            Set<String> locked = new TreeSet<>();
            for (int b = 0; b < problem.blockCount(); b++) {
                String code = problem.block(b).code();
                assignment.put(code, plan.areaIds().get(state.areaOf(b)));
                if (state.locked(b)) {
                    locked.add(code);
                }
            }
            return new NewPlan(name, optionsJson, districtNesting, areas, assignment, locked);
        }
    }

    /** A stored plan with its areas, assignment (block code → area id, by code) and locked blocks. */
    public record StoredPlan(PlanInfo info, List<Area> areas, Map<String, String> assignment, Set<String> locked) {
        public StoredPlan {
            areas = List.copyOf(areas);
            assignment = Collections.unmodifiableMap(assignment);
            locked = Collections.unmodifiableSet(locked);
        }
    }

    /**
     * A change to a plan. For {@link #MOVE}: {@code blocks} went from {@code from} (aligned area ids) to
     * {@code to}. For {@link #LOCK} / {@link #UNLOCK}: {@code from} holds each block's previous state
     * ({@link #LOCKED} or {@link #UNLOCKED}) and {@code to} is null.
     */
    public record Edit(String kind, List<String> blocks, List<String> from, String to) {
        public Edit {
            Objects.requireNonNull(kind, "kind");
            blocks = List.copyOf(blocks);
            from = List.copyOf(from);
            if (blocks.size() != from.size()) {
                throw new IllegalArgumentException("an edit needs one 'from' per block");
            }
        }

        public static Edit move(List<String> blocks, List<String> from, String to) {
            return new Edit(MOVE, blocks, from, Objects.requireNonNull(to, "to"));
        }

        public static Edit lock(List<String> blocks, List<Boolean> wasLocked, boolean locked) {
            return new Edit(locked ? LOCK : UNLOCK, blocks, wasLocked.stream().map(b -> b ? LOCKED : UNLOCKED).toList(), null);
        }
    }

    /** An entry of a plan's history, as the audit shows it. {@code undone} is set on edits that were undone and not redone. */
    public record EditRecord(long seq, String at, String user, String kind, List<String> blocks, List<String> from, String to,
                             boolean undone) {
        public Edit edit() {
            return new Edit(kind, blocks, from, to);
        }
    }

    /**
     * A history replayed as two stacks, as undo and redo work it out: each edit that can be undone is
     * pushed on {@code done} (and clears {@code undone}); an undo moves the top of {@code done} to
     * {@code undone}, a redo moves it back. {@code targets}: for each undo and redo row (by seq), the edit
     * it took back or made again.
     */
    public record History(Deque<EditRecord> done, Deque<EditRecord> undone, Map<Long, EditRecord> targets) {
        /** {@code oldestFirst}: the rows in the order they were made; create, copy and area names are passed over. */
        public static History of(List<EditRecord> oldestFirst) {
            Deque<EditRecord> done = new ArrayDeque<>();
            Deque<EditRecord> undone = new ArrayDeque<>();
            Map<Long, EditRecord> targets = new HashMap<>();
            for (EditRecord e : oldestFirst) {
                switch (e.kind()) {
                    case UNDO -> {
                        if (!done.isEmpty()) {
                            targets.put(e.seq(), done.peek());
                            undone.push(done.pop());
                        }
                    }
                    case REDO -> {
                        if (!undone.isEmpty()) {
                            targets.put(e.seq(), undone.peek());
                            done.push(undone.pop());
                        }
                    }
                    case MOVE, LOCK, UNLOCK, RESTORE -> {
                        done.push(e);
                        undone.clear();
                    }
                    default -> {
                        // not an edit of the assignment or the locks
                    }
                }
            }
            return new History(done, undone, targets);
        }
    }

    /** The result of undo or redo: the edit reversed or replayed, and the plan's new revision. */
    public record Replay(EditRecord edit, long revision) {
    }

    public record VersionInfo(int version, String label, String createdAt, String createdBy) {
    }
}
