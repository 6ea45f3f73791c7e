package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committee report: opened from the page's link, printed to PDF by Chromium (Page.printToPDF, as the
 * browser's "Save as PDF" does), and the PDF checked with poppler's pdfinfo and pdftotext: A4 pages, every
 * area on the map page and in the table, the appendix by district, the data sources and the baselines.
 */
class ReportJourneyTest extends BrowserJourney {
    @TempDir
    Path tmp;

    @Test
    void theCommitteeReportPrintsToA4PdfWithEveryArea() throws Exception {
        String pdftotext = tool("pdftotext");
        String pdfinfo = tool("pdfinfo");
        String plan = server.firstPlanId();
        JsonNode p = server.getJson("/api/plans/" + plan);
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/#plan=" + plan);
        String href = b.$("report-link").getDomAttribute("href");
        assertEquals("/report.html?plan=" + plan, href);
        b.driver().get(server.baseUrl() + href);
        b.waitFor("the report", d -> !b.all("#report-map path.area").isEmpty());
        assertEquals(p.path("areas").size(), b.all("#report-map path.area").size(), "every area on the map");
        b.screenshot("report-01-page");

        Map<String, Object> pdf = b.driver().executeCdpCommand("Page.printToPDF", Map.of("printBackground", true,
                "preferCSSPageSize", true, "displayHeaderFooter", false));
        Path file = tmp.resolve("report.pdf");
        Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));

        String info = run(pdfinfo, file.toString());
        assertTrue(info.contains("(A4)"), "A4 pages: " + info);
        int pages = Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        assertTrue(pages >= 4, "summary, map, areas, appendix and sources take several pages: " + pages);
        String mapPage = run(pdftotext, "-f", "2", "-l", "2", "-layout", file.toString(), "-");
        String all = run(pdftotext, file.toString(), "-").replaceAll("\\s+", " ");
        List<String> missing = new ArrayList<>();
        for (JsonNode a : p.path("areas")) {
            String id = a.path("area_id").asText();
            if (!mapPage.contains(id)) {
                missing.add(id + " (map)");
            }
            // a narrow table cell wraps a long name at its hyphens ("Holywell-cum-" / "Needingworth"), and the PDF's
            // text may put the next column between the pieces: each piece must be there
            String name = a.path("area_name").asText();
            boolean found = all.contains(name) || java.util.Arrays.stream(name.split("(?<=-)"))
                    .allMatch(piece -> all.contains(piece.strip()));
            if (!found) {
                missing.add(a.path("area_name").asText() + " (table)");
            }
        }
        assertEquals(List.of(), missing, "every area is on the map page and in the table");
        assertTrue(mapPage.contains("Map of the areas"), "page 2 is the map");
        for (String section : List.of("The plan in figures", "The areas", "Appendix: parishes and building blocks by district",
                "Data sources and dates", "Baseline: random plans", "Census 2021")) {
            assertTrue(all.contains(section), "the report has " + section);
        }
        for (JsonNode d : server.getJson("/api/region").path("districts")) {
            assertTrue(all.contains(d.path("name").asText()), "the appendix groups by district: " + d.path("name").asText());
        }
        assertTrue(!all.contains("To print or save as PDF"), "the on-screen hint is not printed");
    }

    /** A poppler tool: required in CI (.ci/run installs poppler-utils), skipped elsewhere when missing. */
    private static String tool(String name) {
        Path p = Path.of("/usr/bin", name);
        if (!Files.isExecutable(p)) {
            if (BrowserServer.inCi()) {
                throw new IllegalStateException(name + " is missing: .ci/chromium.sh installs poppler-utils");
            }
            Assumptions.abort(name + " is missing (apt-get install poppler-utils)");
        }
        return p.toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, proc.exitValue(), String.join(" ", command) + ": " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
