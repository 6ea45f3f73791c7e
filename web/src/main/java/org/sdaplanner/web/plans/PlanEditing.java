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
import org.sdaplanner.web.api.LockResult;
import org.sdaplanner.web.api.MoveOutcome;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.RefusedMove;
import org.sdaplanner.web.api.ReplayOutcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.sdaplanner.export.Numbers.round;

/**
 * The analyst's edits of a stored plan: moves (checked, or only previewed), locks, undo and redo,
 * renaming an area, and the plan's edit history. Every edit is made on the stored revision: a stale
 * {@code revision} is a conflict, and a session whose write failed reloads from the store.
 */
public final class PlanEditing {
    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;

    public PlanEditing(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
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
            return PlanAnswers.plan(s, sessions.built(s), region.problem());
        }
    }

    public ReplayOutcome undo(long id, Long revision, String user) {
        return replay(id, revision, user, true);
    }

    public ReplayOutcome redo(long id, Long revision, String user) {
        return replay(id, revision, user, false);
    }

    /** The plan's edits, newest first. */
    public List<AuditEntry> history(long id) {
        return repo.audit(id).stream().map(PlanAnswers::edit).toList();
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

    private ReplayOutcome replay(long id, Long revision, String user, boolean undo) {
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
            if (StoredPlans.MOVE.equals(e.kind())) {
                e.from().forEach(a -> touched.add(s.areaIndex(a)));
                touched.add(s.areaIndex(e.to()));
                touched.remove(-1);
                before = figures(st, touched);
                List<String> targets = undo ? e.from() : Collections.nCopies(e.blocks().size(), e.to());
                s.editor.restore(e.blocks(), targets);
            } else {
                before = figures(st, touched);
                for (int i = 0; i < e.blocks().size(); i++) {
                    boolean locked = undo ? StoredPlans.LOCKED.equals(e.from().get(i)) : StoredPlans.LOCK.equals(e.kind());
                    s.editor.setLocked(List.of(e.blocks().get(i)), locked);
                }
            }
            s.revision = r.get().revision();
            s.clearDerived();
            return new ReplayOutcome(undo ? StoredPlans.UNDO : StoredPlans.REDO, true, PlanAnswers.edit(e), e.blocks(),
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
