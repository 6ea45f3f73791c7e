package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.GeoPackageExport;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A stored plan as the files {@code sda build} and {@code sda export} write: areas GeoJSON, GeoPackage, block and LSOA lookups. */
public final class PlanDownloads {
    public static final List<String> FORMATS = List.of("geojson", "gpkg", "blocks-csv", "lsoas-csv");

    private final PlanSessions sessions;
    private final Region region;

    /** A file to download. */
    public record Download(byte[] bytes, String contentType, String fileName) {
    }

    public PlanDownloads(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
    }

    /** The plan at its current revision in one of {@link #FORMATS}. */
    public Download download(long id, String format) {
        if (format == null || !FORMATS.contains(format)) {
            throw ApiException.badRequest("'format' must be one of " + String.join(", ", FORMATS));
        }
        record Copy(BuiltPlan plan, String name) {
        }
        Copy copy = sessions.atStoredRevision(id, s -> {
            PlanningProblem p = region.problem();
            boolean[] locked = new boolean[p.blockCount()];
            for (int i = 0; i < locked.length; i++) {
                locked[i] = s.state.locked(i);
            }
            // a copy: the files are written outside the lock
            return new Copy(PlanSessions.built(new PlanState(p, s.state.assignment(), s.areaIds.size(), locked), s.areaIds,
                    s.areaNames), slug(s.info.name()));
        });
        return file(copy.plan(), format, copy.name());
    }

    /** A built plan as a file in one of {@link #FORMATS}, named after {@code baseName}. */
    public static Download file(BuiltPlan b, String format, String baseName) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sda-download");
            return switch (format) {
                case "geojson" -> new Download(Files.readAllBytes(PlanFiles.areas(b, dir.resolve("areas.geojson"))),
                        "application/geo+json", baseName + "-areas.geojson");
                case "gpkg" -> new Download(Files.readAllBytes(GeoPackageExport.write(b, dir.resolve(GeoPackageExport.FILE_NAME))),
                        "application/geopackage+sqlite3", baseName + ".gpkg");
                case "blocks-csv" -> new Download(Files.readAllBytes(PlanFiles.blockLookup(b, dir.resolve("parish_to_area.csv"))),
                        "text/csv; charset=utf-8", baseName + "-parish_to_area.csv");
                case "lsoas-csv" -> new Download(Files.readAllBytes(PlanFiles.lsoaLookup(b, dir.resolve("lsoa_to_area.csv"))),
                        "text/csv; charset=utf-8", baseName + "-lsoa_to_area.csv");
                default -> throw new IllegalArgumentException("'format' must be one of " + String.join(", ", FORMATS));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format + " file: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "plan" : s;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
