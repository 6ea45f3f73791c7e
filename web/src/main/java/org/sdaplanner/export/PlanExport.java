package org.sdaplanner.export;

import org.sdaplanner.core.cluster.BuiltPlan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The one way a plan becomes files: {@code sda export --plan} writes them into a folder and the map
 * page downloads them, through the same writers ({@link PlanFiles}, {@link GeoPackageExport},
 * {@link ShapefileExport}), so a file from the page and one from the command line are the same.
 * <ul>
 *   <li>{@code geojson}: areas.geojson, the dissolved areas with their figures (EPSG:4326);</li>
 *   <li>{@code gpkg}: plan.gpkg, tables areas and blocks (EPSG:27700);</li>
 *   <li>{@code shp}: areas.shp and blocks.shp with their .shx, .dbf, .prj and .cpg (EPSG:27700);
 *       downloaded as one zip;</li>
 *   <li>{@code csv}: parish_to_area.csv (every block with its area) and lsoa_to_area.csv (LSOA best
 *       fit), each with the area's name; downloaded one at a time as {@code blocks-csv} and
 *       {@code lsoas-csv}.</li>
 * </ul>
 */
public final class PlanExport {
    /** What {@code sda export --format} writes. */
    public static final List<String> FORMATS = List.of("geojson", "gpkg", "shp", "csv", "all");
    /** What the page downloads (one file each). */
    public static final List<String> DOWNLOADS = List.of("geojson", "gpkg", "shp", "blocks-csv", "lsoas-csv");

    public static final String AREAS_GEOJSON = "areas.geojson";
    public static final String BLOCKS_CSV = "parish_to_area.csv";
    public static final String LSOAS_CSV = "lsoa_to_area.csv";

    /** Zip entries carry this time (1 January 2000), so the same plan gives the same zip byte for byte. */
    private static final long ZIP_TIME = 946_684_800_000L;

    private PlanExport() {
    }

    /** A file to download. */
    public record Download(byte[] bytes, String contentType, String fileName) {
    }

    /** Writes the plan's files of {@code format} (one of {@link #FORMATS}, or a download name) into {@code dir}, at full detail. */
    public static List<Path> write(BuiltPlan plan, String format, Path dir) throws IOException {
        return write(plan, format, dir, 0);
    }

    /**
     * Writes the plan's files of {@code format} into {@code dir}, the outlines simplified by {@code simplifyMetres}
     * (0: full detail; each boundary two neighbours share is simplified once, {@link PlanOutlines}).
     */
    public static List<Path> write(BuiltPlan plan, String format, Path dir, double simplifyMetres) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "geojson" -> out.add(PlanFiles.areas(plan, PlanOutlines.lonLat(plan, simplifyMetres), dir.resolve(AREAS_GEOJSON)));
            case "gpkg" -> out.add(GeoPackageExport.write(plan, PlanOutlines.bng(plan, simplifyMetres),
                    dir.resolve(GeoPackageExport.FILE_NAME)));
            case "shp" -> out.addAll(ShapefileExport.write(plan, PlanOutlines.bng(plan, simplifyMetres), dir));
            case "csv" -> {
                out.add(PlanFiles.blockLookup(plan, dir.resolve(BLOCKS_CSV)));
                out.add(PlanFiles.lsoaLookup(plan, dir.resolve(LSOAS_CSV)));
            }
            case "blocks-csv" -> out.add(PlanFiles.blockLookup(plan, dir.resolve(BLOCKS_CSV)));
            case "lsoas-csv" -> out.add(PlanFiles.lsoaLookup(plan, dir.resolve(LSOAS_CSV)));
            case "all" -> {
                for (String f : List.of("geojson", "gpkg", "shp", "csv")) {
                    out.addAll(write(plan, f, dir, simplifyMetres));
                }
            }
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use one of "
                    + String.join(", ", FORMATS));
        }
        return out;
    }

    /** The plan as one file to download in one of {@link #DOWNLOADS}, named after {@code baseName}. */
    public static Download download(BuiltPlan plan, String format, String baseName) {
        if (format == null || !DOWNLOADS.contains(format)) {
            throw new IllegalArgumentException("'format' must be one of " + String.join(", ", DOWNLOADS));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sda-download");
            List<Path> files = write(plan, format, dir);
            return switch (format) {
                case "geojson" -> new Download(Files.readAllBytes(files.get(0)), "application/geo+json", baseName + "-areas.geojson");
                case "gpkg" -> new Download(Files.readAllBytes(files.get(0)), "application/geopackage+sqlite3", baseName + ".gpkg");
                case "shp" -> new Download(zip(files), "application/zip", baseName + "-shapefiles.zip");
                case "blocks-csv" -> new Download(Files.readAllBytes(files.get(0)), "text/csv; charset=utf-8",
                        baseName + "-" + BLOCKS_CSV);
                default -> new Download(Files.readAllBytes(files.get(0)), "text/csv; charset=utf-8", baseName + "-" + LSOAS_CSV);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format + " file: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** A plan's name as a file name: "Default plan" → "default-plan". */
    public static String slug(String name) {
        String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "plan" : s;
    }

    private static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Path f : sorted) {
                ZipEntry e = new ZipEntry(f.getFileName().toString());
                e.setTime(ZIP_TIME);
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
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
