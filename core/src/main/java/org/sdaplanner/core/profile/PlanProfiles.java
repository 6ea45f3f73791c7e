package org.sdaplanner.core.profile;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.plan.LsoaBestFit;

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
        ProfileAggregator agg = new ProfileAggregator(catalogue, data);
        Map<String, List<String>> byArea = new TreeMap<>();
        Map<String, String> areaNames = new HashMap<>();
        for (int a = 0; a < plan.areaIds().size(); a++) {
            byArea.put(plan.areaIds().get(a), new ArrayList<>());
            areaNames.put(plan.areaIds().get(a), plan.areaNames().get(a));
        }
        for (LsoaBestFit.Fit f : plan.bestFit().lsoas()) {
            byArea.get(plan.areaIds().get(f.area())).add(f.lsoaCode());
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
