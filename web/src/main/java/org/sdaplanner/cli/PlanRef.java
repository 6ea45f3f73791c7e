package org.sdaplanner.cli;

import org.sdaplanner.web.api.PlanListItem;
import org.sdaplanner.web.plans.Plans;

import java.util.List;
import java.util.Locale;

/** A stored plan named on the command line by its id or by its name, as {@code sda plan list} shows them. */
final class PlanRef {
    private PlanRef() {
    }

    /**
     * The id of the plan {@code ref} names: a plan id, or a plan's name (case does not matter).
     *
     * @throws IllegalArgumentException naming the plans there are, when none or several match
     */
    static long resolve(Plans plans, String ref) {
        String r = ref == null ? "" : ref.strip();
        List<PlanListItem> all = plans.list();
        if (r.matches("\\d{1,18}")) {
            long id = Long.parseLong(r);
            if (all.stream().anyMatch(p -> p.id() == id)) {
                return id;
            }
        }
        List<PlanListItem> named = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT)))
                .toList();
        if (named.size() == 1) {
            return named.get(0).id();
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("several plans are called \"" + r + "\" (ids "
                    + String.join(", ", named.stream().map(p -> Long.toString(p.id())).toList()) + "): give the id");
        }
        throw new IllegalArgumentException("no plan \"" + r + "\" in the store; "
                + (all.isEmpty() ? "there are no plans yet" : "the plans are: " + String.join("; ",
                all.stream().map(p -> p.id() + " \"" + p.name() + "\"").toList())) + " (sda plan list)");
    }
}
