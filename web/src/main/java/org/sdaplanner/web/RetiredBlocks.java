package org.sdaplanner.web;

import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.StoredPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans stored before the sliver rule name slivers as blocks of their own. They load as they are:
 * each sliver now belongs to the neighbouring block it joined, which keeps its own area, so the
 * sliver's own assignment (and lock) is simply set aside. This says so, once, when the server starts.
 */
public final class RetiredBlocks {
    private RetiredBlocks() {
    }

    /** One line per stored plan that names slivers now folded into neighbouring blocks. */
    public static List<String> notes(PlannerService service) {
        BlockSet blocks = service.region().analysis().blocks().blocks();
        PlanRepository repo = new PlanRepository(service.store());
        List<String> out = new ArrayList<>();
        for (PlanInfo info : repo.list()) {
            StoredPlan plan = repo.load(info.id());
            int retired = 0;
            for (String code : plan.assignment().keySet()) {
                if (blocks.block(code) == null && blocks.blockOf(code) != null) {
                    retired++;
                }
            }
            if (retired > 0) {
                out.add(String.format(Locale.ROOT, "Plan %d \"%s\" was saved with %d slivers as blocks of their own: each is now"
                                + " part of the neighbouring block it joined, which keeps its own area (the sliver's assignment"
                                + " is absorbed).", info.id(), info.name(), retired));
            }
        }
        return out;
    }
}
