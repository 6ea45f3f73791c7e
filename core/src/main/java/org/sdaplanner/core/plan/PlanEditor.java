package org.sdaplanner.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Analysts' edits to a plan: moving one or several blocks to an area, checked against the
 * hard rules (blocks exist and are not locked, the target is in their district when areas nest,
 * no area is left empty or cut in two, the target stays in one piece), with the change to every
 * affected area's figures. A preview applies the move, measures it and takes it back.
 */
public final class PlanEditor {
    private final PlanState state;
    private final List<String> ids;
    private final boolean districtNesting;

    public PlanEditor(PlanState state, List<String> areaIds, boolean districtNesting) {
        this.state = state;
        this.ids = List.copyOf(areaIds);
        this.districtNesting = districtNesting;
    }

    public PlanState state() {
        return state;
    }

    /** An area's figures before and after a move. */
    public record AreaChange(String areaId, double residentsBefore, double residentsAfter, double alignmentBefore,
                             double alignmentAfter, String mainPcnBefore, String mainPcnAfter, double compactnessBefore,
                             double compactnessAfter, int piecesAfter) {
    }

    /**
     * The outcome of a move or a preview.
     *
     * @param accepted     false when a rule refused it ({@code reason} says which, in plain words)
     * @param from         each moved block's previous area id, aligned with {@code blocks}
     * @param cutOff       for a refused move that would cut an area: the blocks that would be cut off
     */
    public record MoveOutcome(boolean accepted, String reason, List<String> blocks, List<String> from, String to,
                              List<AreaChange> areas, double alignmentBefore, double alignmentAfter,
                              List<String> cutOff) {
    }

    /** Applies the move when the rules allow it. */
    public MoveOutcome move(List<String> blockCodes, String toAreaId) {
        return run(blockCodes, toAreaId, false);
    }

    /** What the move would do, leaving the plan as it is. */
    public MoveOutcome preview(List<String> blockCodes, String toAreaId) {
        return run(blockCodes, toAreaId, true);
    }

    /**
     * Puts blocks back in the areas they came from (undo), without the "locked" rule: used to
     * reverse an accepted edit exactly. Codes that are no longer blocks (slivers of an older
     * import that have since joined a neighbouring block) are skipped.
     */
    public void restore(List<String> blockCodes, List<String> areaIds) {
        PlanningProblem p = state.problem();
        for (int i = 0; i < blockCodes.size(); i++) {
            int b = p.indexOf(blockCodes.get(i));
            if (b >= 0) {
                state.move(b, areaIndex(areaIds.get(i)));
            }
        }
    }

    /** Locks or unlocks blocks; codes that are no longer blocks (see {@link #restore}) are skipped. */
    public void setLocked(List<String> blockCodes, boolean locked) {
        PlanningProblem p = state.problem();
        for (String code : blockCodes) {
            int b = p.indexOf(code);
            if (b >= 0) {
                state.setLocked(b, locked);
            }
        }
    }

    private MoveOutcome run(List<String> blockCodes, String toAreaId, boolean previewOnly) {
        PlanningProblem p = state.problem();
        if (blockCodes == null || blockCodes.isEmpty()) {
            throw new IllegalArgumentException("name at least one block to move");
        }
        int to = areaIndex(toAreaId);
        int[] blocks = indexes(blockCodes);
        List<String> codes = new ArrayList<>();
        List<String> from = new ArrayList<>();
        Set<Integer> touched = new TreeSet<>();
        touched.add(to);
        for (int b : blocks) {
            codes.add(p.block(b).code());
            from.add(ids.get(state.areaOf(b)));
            touched.add(state.areaOf(b));
        }
        double alignmentBefore = state.alignment();
        double[][] before = snapshot(touched);
        String refusal = null;
        for (int b : blocks) {
            if (state.locked(b)) {
                refusal = p.block(b).name() + " is locked: unlock it before moving it";
            } else if (districtNesting && !inDistrictOf(to, p.district(b))) {
                refusal = p.block(b).name() + " is in district " + p.block(b).districtCode() + " and "
                        + toAreaId + " is not: areas nest in districts";
            }
        }
        if (refusal != null) {
            return new MoveOutcome(false, refusal, codes, from, toAreaId, List.of(), alignmentBefore, alignmentBefore, List.of());
        }
        int[] previous = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            previous[i] = state.areaOf(blocks[i]);
            state.move(blocks[i], to);
        }
        List<String> cutOff = new ArrayList<>();
        for (int a : touched) {
            if (state.blocksIn(a) == 0) {
                refusal = "the move would leave " + ids.get(a) + " empty";
                break;
            }
            if (state.piecesOf(a) > 1) {
                cutOff = smallerPieces(a);
                refusal = a == to
                        ? "the blocks do not touch " + toAreaId + ": the area would be in " + state.piecesOf(a) + " pieces"
                        : "the move would cut " + ids.get(a) + " in two: " + String.join(", ", cutOff)
                        + " would be cut off from the rest";
                break;
            }
        }
        List<AreaChange> changes = changes(touched, before);
        double alignmentAfter = state.alignment();
        if (refusal != null || previewOnly) {
            for (int i = blocks.length - 1; i >= 0; i--) {
                state.move(blocks[i], previous[i]);
            }
        }
        return new MoveOutcome(refusal == null, refusal, codes, from, toAreaId, changes, alignmentBefore,
                refusal == null ? alignmentAfter : alignmentBefore, cutOff);
    }

    private boolean inDistrictOf(int area, int district) {
        PlanningProblem p = state.problem();
        for (int b = 0; b < p.blockCount(); b++) {
            if (state.areaOf(b) == area) {
                return p.district(b) == district;
            }
        }
        return true; // an empty area takes any district
    }

    private List<String> smallerPieces(int area) {
        PlanningProblem p = state.problem();
        List<List<String>> pieces = new ArrayList<>();
        boolean[] seen = new boolean[p.blockCount()];
        for (int b = 0; b < p.blockCount(); b++) {
            if (state.areaOf(b) != area || seen[b]) {
                continue;
            }
            List<String> piece = new ArrayList<>();
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
            q.add(b);
            seen[b] = true;
            while (!q.isEmpty()) {
                int x = q.poll();
                piece.add(p.block(x).code());
                for (int y : p.neighbours(x)) {
                    if (!seen[y] && state.areaOf(y) == area) {
                        seen[y] = true;
                        q.add(y);
                    }
                }
            }
            pieces.add(piece);
        }
        pieces.sort((x, y) -> Integer.compare(y.size(), x.size()));
        List<String> out = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) {
            out.addAll(pieces.get(i));
        }
        out.sort(null);
        return out;
    }

    private double[][] snapshot(Set<Integer> areas) {
        double[][] out = new double[state.areaCount()][];
        for (int a : areas) {
            out[a] = new double[]{state.residents(a), state.alignment(a), state.mainPcn(a), state.compactness(a)};
        }
        return out;
    }

    private List<AreaChange> changes(Set<Integer> areas, double[][] before) {
        List<String> pcns = state.problem().pcnCodes();
        List<AreaChange> out = new ArrayList<>();
        for (int a : areas) {
            double[] b = before[a];
            int mainBefore = (int) b[2];
            int mainAfter = state.mainPcn(a);
            out.add(new AreaChange(ids.get(a), b[0], state.residents(a), b[1], state.alignment(a),
                    mainBefore < 0 ? null : pcns.get(mainBefore), mainAfter < 0 ? null : pcns.get(mainAfter), b[3],
                    state.compactness(a), state.piecesOf(a)));
        }
        return out;
    }

    private int areaIndex(String id) {
        int a = ids.indexOf(id);
        if (a < 0) {
            throw new IllegalArgumentException("no area " + id + " in this plan");
        }
        return a;
    }

    private int[] indexes(List<String> codes) {
        Set<String> unique = new LinkedHashSet<>(codes);
        int[] out = new int[unique.size()];
        int i = 0;
        for (String c : unique) {
            int b = state.problem().indexOf(c);
            if (b < 0) {
                throw new IllegalArgumentException("no building block " + c + " in this plan");
            }
            out[i++] = b;
        }
        return out;
    }
}
