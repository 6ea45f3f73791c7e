package org.sdaplanner.web.plans;

import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.store.StoredPlans.Edit;
import org.sdaplanner.store.StoredPlans.EditRecord;
import org.sdaplanner.store.StoredPlans.Replay;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.AuditEntry;
import org.sdaplanner.web.api.EditState;
import org.sdaplanner.web.api.LockResult;
import org.sdaplanner.web.api.MoveOutcome;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.RefusedMove;
import org.sdaplanner.web.api.ReplayOutcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.sdaplanner.export.Numbers.round;

/**
 * The analyst's edits of a stored plan: moves (checked, or only previewed), locks, undo and redo,
 * restoring a saved version, renaming an area, and the plan's edit history in plain words. Every edit is made on the stored revision: a stale
 * {@code revision} is a conflict, and a session whose write failed reloads from the store.
 */
public final class PlanEditing {
    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;
    private final EditDescriptions descriptions;

    /** {@code displayName}: the name an account shows, by user name (null when there is no such account). */
    public PlanEditing(PlanSessions sessions, Function<String, String> displayName) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
        this.descriptions = new EditDescriptions(region.problem(), displayName);
    }

    /**
     * Moves blocks to an area (or previews it). A refused move is an {@link ApiException} 422 whose
     * body carries the outcome (reason, cut-off blocks); a stale {@code revision} is a conflict.
     */
    public MoveOutcome move(long id, List<String> blocks, String to, boolean preview, Long revision, String user) {
        return sessions.atStoredRevision(id, s -> {
            PlanSessions.checkRevision(s, revision);
            List<String> codes = sessions.distinctBlocks(blocks);
            if (s.areaIndex(to) < 0) {
                throw ApiException.notFound("no area " + to + " in plan " + id);
            }
            PlanEditor.MoveOutcome o = preview ? s.editor.preview(codes, to) : s.editor.move(codes, to);
            if (!o.accepted()) {
                throw new ApiException(422, o.reason(), new RefusedMove(o.reason(), outcome(s, o, preview)));
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
            return outcome(s, o, preview);
        });
    }

    public LockResult lock(long id, List<String> blocks, boolean locked, Long revision, String user) {
        return sessions.atStoredRevision(id, s -> {
            PlanSessions.checkRevision(s, revision);
            List<String> codes = sessions.distinctBlocks(blocks);
            List<Boolean> was = new ArrayList<>();
            for (String c : codes) {
                was.add(s.state.locked(region.problem().indexOf(c)));
            }
            s.editor.setLocked(codes, locked);
            persist(s, user, Edit.lock(codes, was, locked));
            return new LockResult(codes, locked, s.revision);
        });
    }

    /** Renames an area (its id, and so its comments and history, stay); made on the plan's {@code revision}. */
    public Plan renameArea(long id, String areaId, String name, Long revision, String user) {
        PlanSession s = sessions.session(id);
        synchronized (s) {
            sessions.refresh(s);
            if (s.areaIndex(areaId) < 0) {
                throw ApiException.notFound("no area " + areaId + " in plan " + id);
            }
            long expected = revision == null ? s.revision : revision;
            try {
                repo.renameArea(id, expected, areaId, name, user);
            } finally {
                s.invalidate();
            }
            sessions.refresh(s);
            sessions.publish(s);
            return PlanAnswers.plan(sessions.view(id), region.problem());
        }
    }

    public ReplayOutcome undo(long id, Long revision, String user) {
        return replay(id, revision, user, true);
    }

    public ReplayOutcome redo(long id, Long revision, String user) {
        return replay(id, revision, user, false);
    }

    /** The plan's edits, newest first, each in plain words with names. */
    public List<AuditEntry> history(long id) {
        List<EditRecord> records = repo.audit(id);
        return descriptions.entries(records, names(id));
    }

    /** The plan's revision, what undo and redo would do next, and its latest edit: what the page's buttons say. */
    public EditState editState(long id) {
        EditDescriptions.Names names = names(id);
        long revision = sessions.view(id).revision();
        PlanRepository.NextReplays next = repo.nextReplays(id);
        List<EditRecord> records = repo.audit(id);
        AuditEntry latest = records.isEmpty() ? null : descriptions.entries(records.subList(0, 1), names).get(0);
        if (latest != null && (StoredPlans.UNDO.equals(latest.kind()) || StoredPlans.REDO.equals(latest.kind()))) {
            latest = descriptions.entries(records, names).get(0); // an undo is described by what it took back
        }
        return new EditState(revision, next.undo().map(e -> descriptions.entry(e, null, names)).orElse(null),
                next.redo().map(e -> descriptions.entry(e, null, names)).orElse(null), latest);
    }

    /**
     * Brings back a saved version as a new revision (the version itself stays), made on {@code revision};
     * undo takes it back like any edit. Refused (422) when it would move a locked block.
     */
    public ReplayOutcome restore(long id, int version, Long revision, String user) {
        Map<String, String> saved = repo.versionAssignment(id, version)
                .orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + id));
        EditDescriptions.Names names = names(id);
        return sessions.atStoredRevision(id, s -> {
            PlanSessions.checkRevision(s, revision);
            int[] target = sessions.toIndexes(id, saved, s.areaIds);
            PlanState st = s.state;
            List<String> blocks = new ArrayList<>();
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            List<String> locked = new ArrayList<>();
            Set<Integer> touched = new TreeSet<>();
            for (int b = 0; b < target.length; b++) {
                if (st.areaOf(b) != target[b]) {
                    String code = region.problem().block(b).code();
                    blocks.add(code);
                    from.add(s.areaIds.get(st.areaOf(b)));
                    to.add(s.areaIds.get(target[b]));
                    touched.add(st.areaOf(b));
                    touched.add(target[b]);
                    if (st.locked(b)) {
                        locked.add(region.problem().block(b).name());
                    }
                }
            }
            if (!locked.isEmpty()) {
                throw new ApiException(422, "version " + version + " cannot be restored: it would move locked "
                        + (locked.size() == 1 ? "block " : "blocks ") + String.join(", ", locked) + "; unlock them first");
            }
            if (blocks.isEmpty()) {
                throw ApiException.conflict("the plan is already as version " + version + " left it: nothing to restore");
            }
            double alignmentBefore = st.alignment();
            double[][] before = figures(st, touched);
            s.editor.restore(blocks, to);
            Edit edit = new Edit(StoredPlans.RESTORE, blocks, from, Integer.toString(version));
            persist(s, user, edit);
            EditRecord done = repo.audit(id).get(0); // the restore just written, with its number and time
            return new ReplayOutcome(StoredPlans.RESTORE, true, descriptions.entry(done, null, names), blocks,
                    PlanAnswers.changes(s, changes(s, touched, before)), round(alignmentBefore, 6), round(st.alignment(), 6),
                    s.revision);
        });
    }

    /** The plan's area names and version labels, as the history's texts use them. */
    private EditDescriptions.Names names(long id) {
        Map<Integer, String> labels = new HashMap<>();
        repo.versions(id).forEach(v -> labels.put(v.version(), v.label()));
        PlanView v = sessions.view(id);
        return new EditDescriptions.Names(v.areaIds(), v.areaNames(), labels);
    }

    /** Writes an edit already applied to the session's state; on any failure the session reloads from the store. */
    private void persist(PlanSession s, String user, Edit edit) {
        try {
            s.revision = repo.apply(s.id, s.revision, user, edit);
        } catch (RuntimeException e) {
            s.invalidate();
            throw e;
        }
        sessions.publish(s); // readers see the edit from the next request on
    }

    private ReplayOutcome replay(long id, Long revision, String user, boolean undo) {
        EditDescriptions.Names names = names(id);
        return sessions.atStoredRevision(id, s -> {
            PlanSessions.checkRevision(s, revision);
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
            if (StoredPlans.MOVE.equals(e.kind()) || StoredPlans.RESTORE.equals(e.kind())) {
                List<String> targets;
                if (undo) {
                    targets = e.from();
                } else if (StoredPlans.MOVE.equals(e.kind())) {
                    targets = Collections.nCopies(e.blocks().size(), e.to());
                } else {
                    Map<String, String> saved = repo.versionAssignment(id, Integer.parseInt(e.to())).orElseThrow();
                    targets = e.blocks().stream().map(saved::get).toList();
                }
                e.from().forEach(a -> touched.add(s.areaIndex(a)));
                targets.forEach(a -> touched.add(s.areaIndex(a)));
                touched.remove(-1);
                before = figures(st, touched);
                s.editor.restore(e.blocks(), targets);
            } else {
                before = figures(st, touched);
                for (int i = 0; i < e.blocks().size(); i++) {
                    boolean locked = undo ? StoredPlans.LOCKED.equals(e.from().get(i)) : StoredPlans.LOCK.equals(e.kind());
                    s.editor.setLocked(List.of(e.blocks().get(i)), locked);
                }
            }
            s.revision = r.get().revision();
            sessions.publish(s);
            return new ReplayOutcome(undo ? StoredPlans.UNDO : StoredPlans.REDO, true, descriptions.entry(e, null, names), e.blocks(),
                    PlanAnswers.changes(s, changes(s, touched, before)), round(alignmentBefore, 6), round(st.alignment(), 6),
                    s.revision);
        });
    }

    private static MoveOutcome outcome(PlanSession s, PlanEditor.MoveOutcome o, boolean preview) {
        return new MoveOutcome(o.accepted(), preview, o.reason(), o.cutOff(), o.blocks(), o.from(), o.to(),
                PlanAnswers.changes(s, o.areas()), round(o.alignmentBefore(), 6), round(o.alignmentAfter(), 6), s.revision);
    }

    /** Residents, alignment, main PCN and compactness of the areas, before a replay changes them. */
    private static double[][] figures(PlanState st, Set<Integer> areas) {
        double[][] out = new double[st.areaCount()][];
        for (int a : areas) {
            out[a] = new double[]{st.residents(a), st.alignment(a), st.mainPcn(a), st.compactness(a)};
        }
        return out;
    }

    private List<PlanEditor.AreaChange> changes(PlanSession s, Set<Integer> areas, double[][] before) {
        List<String> pcns = region.problem().pcnCodes();
        List<PlanEditor.AreaChange> out = new ArrayList<>();
        PlanState st = s.state;
        for (int a : areas) {
            double[] b = before[a];
            int mainBefore = (int) b[2];
            int mainAfter = st.mainPcn(a);
            out.add(new PlanEditor.AreaChange(s.areaIds.get(a), b[0], st.residents(a), b[1], st.alignment(a),
                    mainBefore < 0 ? null : pcns.get(mainBefore), mainAfter < 0 ? null : pcns.get(mainAfter), b[3],
                    st.compactness(a), st.piecesOf(a)));
        }
        return out;
    }
}
