package org.sdaplanner.core.profile;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PlanState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profiles of a plan's areas (through the LSOA best fit), of the districts and of the
 * whole region, computed the same way so they can stand side by side.
 */
public record PlanProfiles(List<Profile> areas, List<Profile> districts, Profile region) {

    public static PlanProfiles of(List<Indicator> catalogue, LsoaData data, BuiltPlan plan, Geography geography,
                                  String regionName) {
        return of(catalogue, data, plan.bestFit(), plan.areaIds(), plan.areaNames(), geography, regionName);
    }

    /** The same for a plan held as a state with its area ids and names (the LSOA best fit is worked out here). */
    public static PlanProfiles of(List<Indicator> catalogue, LsoaData data, PlanState state, List<String> areaIds,
                                  List<String> areaNames, Geography geography, String regionName) {
        return of(catalogue, data, LsoaBestFit.of(state), areaIds, areaNames, geography, regionName);
    }

    private static PlanProfiles of(List<Indicator> catalogue, LsoaData data, LsoaBestFit bestFit, List<String> areaIds,
                                   List<String> areaNameList, Geography geography, String regionName) {
        ProfileAggregator agg = new ProfileAggregator(catalogue, data);
        Map<String, List<String>> byArea = new TreeMap<>();
        Map<String, String> areaNames = new HashMap<>();
        for (int a = 0; a < areaIds.size(); a++) {
            byArea.put(areaIds.get(a), new ArrayList<>());
            areaNames.put(areaIds.get(a), areaNameList.get(a));
        }
        for (LsoaBestFit.Fit f : bestFit.lsoas()) {
            byArea.get(areaIds.get(f.area())).add(f.lsoaCode());
        }
        Map<String, List<String>> byDistrict = new TreeMap<>();
        List<String> all = new ArrayList<>();
        for (Lsoa l : geography.lsoas()) {
            all.add(l.code());
            if (l.districtCode() != null) {
                byDistrict.computeIfAbsent(l.districtCode(), k -> new ArrayList<>()).add(l.code());
            }
        }
        Map<String, String> districtNames = new HashMap<>();
        for (District d : geography.districts()) {
            districtNames.put(d.code(), d.name());
        }
        return new PlanProfiles(agg.profiles("area", areaNames, byArea), agg.profiles("district", districtNames, byDistrict),
                agg.profile("region", "region", regionName, all));
    }
}
