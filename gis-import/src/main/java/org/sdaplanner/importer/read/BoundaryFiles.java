package org.sdaplanner.importer.read;

import org.sdaplanner.importer.InputException;

import java.nio.file.Path;
import java.util.Locale;

/** Picks the reader for a boundary file from its declared format, or from its extension. */
public final class BoundaryFiles {
    private BoundaryFiles() {
    }

    public static RawLayer read(Path path, String name, String declaredFormat, String table) {
        String format = declaredFormat == null ? fromExtension(path) : declaredFormat.toLowerCase(Locale.ROOT);
        return switch (format) {
            case "geojson", "json" -> new GeoJsonReader().read(path, name);
            case "shapefile", "shp" -> new H2gisFileReader().read(path, name, H2gisFileReader.Format.SHAPEFILE);
            case "flatgeobuf", "fgb" -> new H2gisFileReader().read(path, name, H2gisFileReader.Format.FLATGEOBUF);
            case "geopackage", "gpkg" -> new GeoPackageReader().read(path, name, table);
            default -> throw InputException.ofFile(name, "unknown boundary format '" + format
                    + "': expected geojson, shapefile, flatgeobuf or geopackage");
        };
    }

    private static String fromExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
