package org.sdaplanner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sdaplanner.core.profile.Indicator;
import org.sdaplanner.core.profile.IndicatorValue;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.core.profile.Profile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes all profiles as JSON (with the catalogue and its sources) and as a long CSV. */
public final class ProfileFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileFiles() {
    }

    public static List<Path> write(List<Indicator> catalogue, PlanProfiles profiles, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("profiles.json");
        JSON.writeValue(json.toFile(), json(catalogue, profiles));
        Path csv = dir.resolve("profiles.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writeCsv(profiles, w);
        }
        return List.of(json, csv);
    }

    /** Areas, then districts, then the region. */
    public static List<Profile> all(PlanProfiles profiles) {
        List<Profile> all = new ArrayList<>(profiles.areas());
        all.addAll(profiles.districts());
        all.add(profiles.region());
        return all;
    }

    /** The JSON-ready content of profiles.json: {@code {"indicators": catalogue, "profiles": [profile]}}. */
    public static Map<String, Object> json(List<Indicator> catalogue, PlanProfiles profiles) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("indicators", catalogueJson(catalogue));
        root.put("profiles", all(profiles).stream().map(ProfileFiles::profileJson).toList());
        return root;
    }

    /** The catalogue as JSON-ready maps: id, label, kind, vintage, source, licence. */
    public static List<Map<String, Object>> catalogueJson(List<Indicator> catalogue) {
        return catalogue.stream().map(ProfileFiles::indicatorJson).toList();
    }

    public static Map<String, Object> indicatorJson(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("label", i.label());
        m.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
        m.put("vintage", i.vintage());
        m.put("source", i.source());
        m.put("licence", i.licence());
        return m;
    }

    /** One profile as JSON-ready map: kind, id, name, lsoas (count) and values by indicator id. */
    public static Map<String, Object> profileJson(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind());
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("lsoas", p.lsoas().size());
        Map<String, Object> values = new LinkedHashMap<>();
        p.values().forEach((k, v) -> values.put(k, value(v)));
        m.put("values", values);
        return m;
    }

    /** profiles.csv: one row per unit, indicator and measure. */
    public static void writeCsv(PlanProfiles profiles, Writer w) throws IOException {
        w.write("unit_kind,unit_id,unit_name,indicator,measure,value\n");
        for (Profile p : all(profiles)) {
            for (IndicatorValue v : p.values().values()) {
                String prefix = String.join(",", Csv.field(p.kind()), Csv.field(p.id()), Csv.field(p.name()),
                        Csv.field(v.indicatorId())) + ",";
                if (v.value() != null) {
                    w.write(prefix + "value," + num(v.value()) + "\n");
                }
                if (v.numerator() != null && v.denominator() != null) {
                    w.write(prefix + "numerator," + num(v.numerator()) + "\n");
                    w.write(prefix + "denominator," + num(v.denominator()) + "\n");
                }
                for (Map.Entry<String, Double> e : v.parts().entrySet()) {
                    w.write(prefix + Csv.field("count: " + e.getKey()) + "," + num(e.getValue()) + "\n");
                    w.write(prefix + Csv.field("share: " + e.getKey()) + "," + num(v.shares().get(e.getKey())) + "\n");
                }
            }
        }
    }

    private static Map<String, Object> value(IndicatorValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (v.value() != null) {
            m.put("value", Numbers.round(v.value(), 6));
        }
        if (v.numerator() != null) {
            m.put("numerator", Numbers.round(v.numerator(), 3));
        }
        if (v.denominator() != null) {
            m.put("denominator", Numbers.round(v.denominator(), 3));
        }
        if (!v.parts().isEmpty()) {
            Map<String, Object> parts = new LinkedHashMap<>();
            v.parts().forEach((k, x) -> parts.put(k, Numbers.round(x, 3)));
            m.put("parts", parts);
            Map<String, Object> shares = new LinkedHashMap<>();
            v.shares().forEach((k, x) -> shares.put(k, Numbers.round(x, 6)));
            m.put("shares", shares);
        }
        m.put("lsoas_with_data", v.lsoas());
        return m;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
