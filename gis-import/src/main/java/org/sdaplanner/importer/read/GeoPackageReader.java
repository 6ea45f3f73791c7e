package org.sdaplanner.importer.read;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.InternalText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the features of one table of an OGC GeoPackage (the first feature table unless one is named). */
public final class GeoPackageReader {

    public RawLayer read(Path path, String name, String table) {
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(path.toFile(), false);
        } catch (RuntimeException e) {
            throw InputException.ofFile(name, "cannot be opened as a GeoPackage (is it truncated or of another format?"
                    + " Download it again)" + InternalText.suffix(e));
        }
        try (gpkg) {
            List<String> tables = gpkg.getFeatureTables();
            if (tables.isEmpty()) {
                throw InputException.ofFile(name, "the GeoPackage has no feature table");
            }
            String t = table == null ? tables.get(0) : table;
            if (!tables.contains(t)) {
                throw InputException.ofFile(name, "the GeoPackage has no feature table '" + t + "'; it has " + tables);
            }
            FeatureDao dao = gpkg.getFeatureDao(t);
            Integer srid = null;
            if (dao.getSrs() != null && "EPSG".equalsIgnoreCase(dao.getSrs().getOrganization())) {
                srid = (int) dao.getSrs().getOrganizationCoordsysId();
            }
            List<RawFeature> out = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            String geomColumn = dao.getGeometryColumnName();
            FeatureResultSet rs = dao.queryForAll();
            try {
                int index = 0;
                while (rs.moveToNext()) {
                    index++;
                    FeatureRow row = rs.getRow();
                    Map<String, Object> props = new LinkedHashMap<>();
                    for (String col : row.getColumnNames()) {
                        if (!col.equals(geomColumn) && !col.equals(dao.getPkColumnName())) {
                            props.put(col, row.getValue(col));
                        }
                    }
                    GeoPackageGeometryData gd = row.getGeometry();
                    Geometry g = null;
                    if (gd != null && !gd.isEmpty()) {
                        try {
                            g = wkb.read(gd.getWkb());
                        } catch (ParseException | java.io.IOException e) {
                            throw InputException.atFeature(name, index, geomColumn, "geometry cannot be decoded"
                                    + InternalText.suffix(e));
                        }
                    }
                    out.add(new RawFeature(index, props, g));
                }
            } finally {
                rs.close();
            }
            return new RawLayer(name, srid, out);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw InputException.ofFile(name, "cannot be read as a GeoPackage (is it truncated? Download it again)"
                    + InternalText.suffix(e));
        }
    }
}
