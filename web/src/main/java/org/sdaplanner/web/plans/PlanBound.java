package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sdaplanner.core.cluster.Certificate;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.web.http.ApiJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proven bound a plan was built under, kept with its options and read back for its answers.
 * The bound is of the <em>rules</em> (areas per group, population limits, nesting, contiguity), not
 * of one assignment: it still holds after hand edits, which only change the plan's own alignment and
 * so its gap. A plan imported from a file, or stored before bounds were proven, has none.
 *
 * <p>Stored under {@value #KEY} of the plan's options JSON (no migration: the options travel with a
 * copy, whose rules are the same); {@link #shownOptions} leaves it out, so the options still say what
 * was asked.
 */
final class PlanBound {
    static final String KEY = "certificate";
    /** Alignments this close are the same plan's (the figures are sums of the same numbers). */
    private static final double SAME = 1e-9;

    private PlanBound() {
    }

    /**
     * The options to store: those asked for, and the certificate the build proved, with a digest of the
     * assignment it was proved for (so that a plan moved and moved back, or copied, is known as built).
     */
    static Map<String, Object> withCertificate(Map<String, Object> asked, Certificate c, PlanState built,
                                               List<String> areaIds) {
        Map<String, Object> out = new LinkedHashMap<>(asked);
        if (c != null && Double.isFinite(c.upperBound())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alignment_upper_bound", c.upperBound());
            m.put("alignment", c.alignment());
            m.put("optimal", c.optimal());
            m.put("assignment_sha256", digest(built, areaIds));
            out.put(KEY, m);
        }
        return out;
    }

    /** The stored plan's certificate for the assignment {@code st} (areas {@code areaIds}), or null when it has none. */
    static Certificate certificate(String optionsJson, PlanState st, List<String> areaIds) {
        JsonNode c = read(optionsJson).path(KEY);
        if (!c.path("alignment_upper_bound").isNumber()) {
            return null;
        }
        double bound = c.path("alignment_upper_bound").asDouble();
        double alignment = st.alignment();
        boolean optimal = !edited(c, st, areaIds) ? c.path("optimal").asBoolean(false) : alignment >= bound - SAME;
        return new Certificate(alignment, bound, optimal, List.of());
    }

    /** Whether the assignment {@code st} is another than the one the stored plan was built with (false without a bound). */
    static boolean edited(String optionsJson, PlanState st, List<String> areaIds) {
        return edited(read(optionsJson).path(KEY), st, areaIds);
    }

    private static boolean edited(JsonNode certificate, PlanState st, List<String> areaIds) {
        return certificate.path("assignment_sha256").isTextual()
                && !certificate.path("assignment_sha256").asText().equals(digest(st, areaIds));
    }

    /** SHA-256 of "block code = area id" in block order: the assignment, independent of area indexes. */
    static String digest(PlanState st, List<String> areaIds) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            PlanningProblem p = st.problem();
            for (int b = 0; b < p.blockCount(); b++) {
                md.update((p.block(b).code() + "=" + areaIds.get(st.areaOf(b)) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bound, the gap and whether the plan is optimal (as in summary.json), and {@code bound_note}:
     * in plain words why there is no bound or what it means for an edited plan (null for a plan as built).
     */
    static Map<String, Object> properties(Certificate c, boolean edited) {
        Map<String, Object> m = PlanFiles.certificateProperties(c);
        String note = null;
        if (c == null) {
            note = "No bound was proven for this plan: it was imported from a file, or built before the planner proved"
                    + " bounds. Build a plan to see how close it comes to the best possible.";
        } else if (c.alignment() > c.upperBound() + SAME) {
            m.put("optimality_gap", null);
            m.put("optimal", false);
            note = "This plan aligns more than the bound of the rules it was built with: hand edits have taken it outside"
                    + " those rules (such as its population limits), so the bound does not apply to it.";
        } else if (edited) {
            note = "The bound is of the rules the plan was built with (its areas per district, population limits and"
                    + " contiguity), not of one plan, so it still holds after hand edits: the gap is the edited plan's.";
        }
        m.put("bound_note", note);
        return m;
    }

    /** The options as asked for, without the certificate kept beside them. */
    static JsonNode shownOptions(String optionsJson) {
        JsonNode n = read(optionsJson);
        if (n instanceof ObjectNode o) {
            o.remove(KEY);
        }
        return n;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode n = ApiJson.MAPPER.readTree(json == null ? "{}" : json);
            return n == null ? ApiJson.MAPPER.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            return ApiJson.MAPPER.createObjectNode();
        }
    }
}
