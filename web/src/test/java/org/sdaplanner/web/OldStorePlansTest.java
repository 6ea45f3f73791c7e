package org.sdaplanner.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.store.StoredPlans.Edit;
import org.sdaplanner.store.StoredPlans.NewPlan;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.ReplayOutcome;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store made before the sliver rule holds plans that name the slivers as blocks, with locks and
 * edits on them. Such a plan loads, edits, undoes and compares as any other; the slivers' own
 * assignments are absorbed by the blocks they joined, and the server says so once at start.
 */
class OldStorePlansTest {

    @Test
    void aPlanNamingSliversAsBlocksLoadsEditsAndUndoes(@TempDir Path tmp) {
        SpatialStore store = TestData.importedStore("jdbc:h2:file:" + tmp.resolve("sda"));
        try (PlannerService service = PlannerService.open(store)) {
            PlanningProblem p = service.region().problem();
            BlockSet blocks = service.region().analysis().blocks().blocks();
            BuiltPlan built = PlanBuilder.build(p, ClusterOptions.of(28, 1), 0);
            NewPlan now = NewPlan.of("Made before the sliver rule", built, "{}", true);
            // as the old store had it: every sliver a block of its own, in some area (not always its neighbour's)
            Map<String, String> assignment = new LinkedHashMap<>(now.assignment());
            Set<String> slivers = new TreeSet<>();
            for (SliverMerge m : blocks.sliverMerges()) {
                if (m.whole()) {
                    slivers.add(m.sliverCode());
                }
            }
            String otherArea = built.areaIds().get(0);
            for (String s : slivers) {
                assignment.put(s, otherArea);
            }
            String lockedSliver = slivers.iterator().next();
            PlanRepository repo = new PlanRepository(store);
            PlanInfo info = repo.create(new NewPlan(now.name(), "{}", true, now.areas(), assignment, Set.of(lockedSliver)), "old");
            // an edit made then that moved a sliver together with a real block
            String block = p.block(0).code();
            String from = now.assignment().get(block);
            String to = built.areaIds().get(1).equals(from) ? built.areaIds().get(2) : built.areaIds().get(1);
            long rev = repo.apply(info.id(), info.revision(), "old", Edit.move(List.of(lockedSliver, block), List.of(otherArea, from), to));

            List<String> notes = RetiredBlocks.notes(service);
            assertEquals(1, notes.size(), notes.toString());
            assertTrue(notes.get(0).contains(slivers.size() + " slivers"), notes.get(0));

            Plan plan = service.plans().plan(info.id());
            assertEquals(p.blockCount(), plan.blocks().size(), "the plan has today's blocks");
            assertEquals(rev, plan.revision());
            assertEquals(to, plan.blocks().get(block).areaId());
            // the block the locked sliver joined keeps its own lock state and area
            String joined = blocks.blockOf(lockedSliver);
            assertEquals(now.assignment().get(joined), plan.blocks().get(joined).areaId());
            assertEquals(now.locked().contains(joined), plan.blocks().get(joined).locked());

            ReplayOutcome undone = service.editing().undo(info.id(), rev, "new");
            assertTrue(undone.accepted());
            assertEquals(StoredPlans.MOVE, undone.edit().kind());
            assertEquals(from, service.plans().plan(info.id()).blocks().get(block).areaId(), "undo puts the real block back");
            service.editing().redo(info.id(), null, "new");
            service.versions().save(info.id(), "v1", "new");
            assertTrue(service.comparison().compare(info.id(), "1", "current").changedBlocks().isEmpty());
        }
    }
}
