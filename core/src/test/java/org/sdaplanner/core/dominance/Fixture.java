package org.sdaplanner.core.dominance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

/** A small hand-made input, built fluently. */
final class Fixture {
    final List<Registration> rows = new ArrayList<>();
    final List<Practice> practices = new ArrayList<>();
    final List<Pcn> pcns = new ArrayList<>();
    final Set<String> region = new LinkedHashSet<>();

    Fixture pcn(String code) {
        pcns.add(new Pcn(code, "PCN " + code));
        return this;
    }

    /** A region practice of {@code pcnCode} (may be null or "U"). */
    Fixture practice(String code, String pcnCode) {
        practices.add(new Practice(code, "Practice " + code, null, pcnCode, true, null));
        return this;
    }

    /** A practice of another region, whose PCN is not in the PCN list. */
    Fixture outsidePractice(String code, String pcnCode) {
        practices.add(new Practice(code, "Practice " + code, null, pcnCode, false, null));
        return this;
    }

    Fixture lsoas(String... codes) {
        region.addAll(List.of(codes));
        return this;
    }

    Fixture reg(String practice, String lsoa, long patients) {
        rows.add(new Registration(practice, lsoa, patients));
        return this;
    }

    DominanceInput input() {
        return new DominanceInput(rows, practices, pcns, region);
    }

    DominanceResult compute(DominanceRule rule) {
        return new DominanceEngine().compute(input(), rule);
    }

    static LsoaDominance lsoa(DominanceResult result, String code) {
        return result.lsoa(code).orElseThrow(() -> new AssertionError("no result for " + code));
    }

    static PcnFootprint pcn(DominanceResult result, String code) {
        return result.pcn(code).orElseThrow(() -> new AssertionError("no footprint for " + code));
    }
}
