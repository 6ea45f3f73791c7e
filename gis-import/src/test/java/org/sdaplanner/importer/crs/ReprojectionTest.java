package org.sdaplanner.importer.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.CRSFactory;

class ReprojectionTest {

    @Test
    void theBuiltInDefinitionsAreProj4jsOwn() {
        Map<Integer, String> builtIn = Reprojection.builtIn();
        assertFalse(builtIn.isEmpty());
        builtIn.forEach((code, params) -> assertEquals(
                new CRSFactory().createFromName("EPSG:" + code).getParameterString(), params, "EPSG:" + code));
    }

    @Test
    void pointsGoWhereProj4jsOwnLookUpSendsThem() {
        // the same transform to the bit as one built from proj4j's definitions file
        CRSFactory f = new CRSFactory();
        org.locationtech.proj4j.CoordinateTransform direct = new org.locationtech.proj4j.CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:27700"), f.createFromName("EPSG:4326"));
        Reprojection ours = new Reprojection(CrsCodes.BNG, CrsCodes.WGS84, 0);
        for (double[] en : new double[][]{{538_874, 177_344}, {545_000, 258_000}, {100_000, 20_000}, {650_000, 1_200_000}}) {
            org.locationtech.proj4j.ProjCoordinate out = direct.transform(
                    new org.locationtech.proj4j.ProjCoordinate(en[0], en[1]), new org.locationtech.proj4j.ProjCoordinate());
            Geometry w = ours.apply(new GeometryFactory().createPoint(new Coordinate(en[0], en[1])));
            assertEquals(out.x, w.getCoordinate().x, 0.0, "longitude of " + en[0] + " " + en[1]);
            assertEquals(out.y, w.getCoordinate().y, 0.0, "latitude of " + en[0] + " " + en[1]);
            assertEquals(CrsCodes.WGS84, w.getSRID());
        }
        // and back, as the import takes lon/lat boundaries to the grid
        org.locationtech.proj4j.CoordinateTransform back = new org.locationtech.proj4j.CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4326"), f.createFromName("EPSG:27700"));
        Reprojection toGrid = new Reprojection(CrsCodes.WGS84, CrsCodes.BNG, 0);
        for (double[] ll : new double[][]{{-0.0016, 51.4778}, {0.1218, 52.2053}, {-5.7, 50.06}, {-1.4, 55.6}}) {
            org.locationtech.proj4j.ProjCoordinate out = back.transform(
                    new org.locationtech.proj4j.ProjCoordinate(ll[0], ll[1]), new org.locationtech.proj4j.ProjCoordinate());
            Geometry b = toGrid.apply(new GeometryFactory().createPoint(new Coordinate(ll[0], ll[1])));
            assertEquals(out.x, b.getCoordinate().x, 0.0, "easting of " + ll[0] + " " + ll[1]);
            assertEquals(out.y, b.getCoordinate().y, 0.0, "northing of " + ll[0] + " " + ll[1]);
        }
    }
}
