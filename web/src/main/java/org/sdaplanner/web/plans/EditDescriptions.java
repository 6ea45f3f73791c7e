package org.sdaplanner.web.plans;

import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.store.StoredPlans.EditRecord;
import org.sdaplanner.web.api.AuditEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plan's history in plain words, with names: "Alice Analyst moved Downham and Littleport to SDA12 March",
 * "Adam Admin undid: Alice Analyst moved Downham to SDA12 March". Blocks are named by their names, areas by
 * id and current name, people by the name their account shows. The page's Undo and Redo buttons, its edit
 * history and its notice that someone else changed the plan all read these texts.
 */
final class EditDescriptions {
    /** At most this many blocks are named (then "and N more"). */
    private static final int NAMED = 3;

    private final PlanningProblem problem;
    private final Function<String, String> displayName;

    EditDescriptions(PlanningProblem problem, Function<String, String> displayName) {
        this.problem = problem;
        this.displayName = displayName;
    }

    /** What the entry says about the areas (id → current name) and versions (number → label) of the plan. */
    record Names(List<String> areaIds, List<String> areaNames, Map<Integer, String> versionLabels) {
        String area(String id) {
            int a = areaIds.indexOf(id);
            String name = a < 0 ? null : areaNames.get(a);
            return name == null || name.isBlank() || name.equals(id) ? id : id + " " + name;
        }
    }

    /** Every entry of a history given newest first (as the store reads it), in the same order. */
    List<AuditEntry> entries(List<EditRecord> newestFirst, Names names) {
        List<EditRecord> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        Map<Long, EditRecord> targets = StoredPlans.History.of(oldestFirst).targets();
        Map<String, String> people = new HashMap<>();
        List<AuditEntry> out = new ArrayList<>();
        for (EditRecord e : newestFirst) {
            out.add(entry(e, targets.get(e.seq()), names, people));
        }
        return out;
    }

    /** One entry; {@code target} is the edit an undo or redo took back or made again (null otherwise). */
    AuditEntry entry(EditRecord e, EditRecord target, Names names) {
        return entry(e, target, names, new HashMap<>());
    }

    private AuditEntry entry(EditRecord e, EditRecord target, Names names, Map<String, String> people) {
        String who = people.computeIfAbsent(e.user(), this::person);
        String text;
        if (StoredPlans.UNDO.equals(e.kind()) || StoredPlans.REDO.equals(e.kind())) {
            String what = target != null ? people.computeIfAbsent(target.user(), this::person) + " " + action(target, names)
                    : action(new EditRecord(e.seq(), e.at(), e.user(), guessKind(e), e.blocks(), e.from(), e.to(), false), names);
            text = who + (StoredPlans.UNDO.equals(e.kind()) ? " undid: " : " redid: ") + what;
        } else {
            text = who + " " + action(e, names);
        }
        return new AuditEntry(e.seq(), e.at(), e.user(), e.kind(), e.blocks(), e.from(), e.to(), e.undone(), who, text);
    }

    /** "moved Downham to SDA12 March", "locked Downham", "restored version 3 “After the workshop”", … */
    private String action(EditRecord e, Names names) {
        return switch (e.kind()) {
            case StoredPlans.MOVE -> "moved " + blocks(e.blocks()) + " to " + names.area(e.to());
            case StoredPlans.LOCK -> "locked " + blocks(e.blocks());
            case StoredPlans.UNLOCK -> "unlocked " + blocks(e.blocks());
            case StoredPlans.RESTORE -> {
                String label = versionLabel(e.to(), names);
                yield "restored version " + e.to() + (label == null ? "" : " “" + label + "”") + " (" + e.blocks().size()
                        + (e.blocks().size() == 1 ? " block changed area)" : " blocks changed area)");
            }
            case StoredPlans.RENAME_AREA -> "renamed " + (e.blocks().isEmpty() ? "an area" : e.blocks().get(0)) + " “"
                    + (e.from().isEmpty() ? "" : e.from().get(0)) + "” to “" + e.to() + "”";
            case StoredPlans.COPY -> "made the plan as a copy of plan " + e.to();
            case StoredPlans.CREATE -> "made the plan";
            default -> e.kind();
        };
    }

    private static String versionLabel(String version, Names names) {
        try {
            return names.versionLabels().get(Integer.parseInt(version));
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** An undo row without its target in the history given (a history cut short): what it carries says enough. */
    private static String guessKind(EditRecord e) {
        if (e.to() == null) {
            return e.from().stream().allMatch(StoredPlans.UNLOCKED::equals) ? StoredPlans.LOCK : StoredPlans.UNLOCK;
        }
        return e.to().matches("\\d+") ? StoredPlans.RESTORE : StoredPlans.MOVE;
    }

    /** "Downham", "Downham and Littleport", "Downham, Littleport, Ely and 4 more". */
    private String blocks(List<String> codes) {
        List<String> shown = new ArrayList<>();
        for (String c : new LinkedHashSet<>(codes)) {
            if (shown.size() == NAMED) {
                break;
            }
            int b = problem.indexOf(c);
            shown.add(b < 0 ? c : problem.block(b).name());
        }
        int rest = new LinkedHashSet<>(codes).size() - shown.size();
        if (rest > 0) {
            return String.join(", ", shown) + " and " + rest + " more";
        }
        if (shown.size() <= 1) {
            return String.join("", shown);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    private String person(String user) {
        String n = user == null ? null : displayName.apply(user);
        return n == null || n.isBlank() ? (user == null ? "someone" : user) : n;
    }
}
