package org.sdaplanner.web.plans;

import org.sdaplanner.core.plan.BlockExplanation;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.Alternative;
import org.sdaplanner.web.api.Leaning;
import org.sdaplanner.web.api.Why;

import static org.sdaplanner.export.Numbers.round;

/** Why a block is in its area (the PCNs its residents lean to), and what moving it to a neighbouring area would do. */
public final class BlockExplanations {
    private final PlanSessions sessions;
    private final Region region;

    public BlockExplanations(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
    }

    public Why why(long id, String blockCode) {
        PlanView v = sessions.view(id);
        int b = sessions.blockIndex(blockCode);
        BlockExplanation e = BlockExplanation.of(v.state(), v.areaIds(), v.areaNames(), b, region.pcnNames());
        return new Why(e.blockCode(), e.blockName(), e.areaId(), e.areaName(), e.areaMainPcn(), v.state().locked(b), e.text(),
                e.leanings().stream().map(l -> new Leaning(l.pcnCode(), region.pcnName(l.pcnCode()), round(l.share(), 4)))
                        .toList(),
                e.alternatives().stream().map(o -> new Alternative(o.areaId(), o.areaName(), o.mainPcn(),
                        round(o.alignmentChange(), 6), o.allowed())).toList());
    }
}
