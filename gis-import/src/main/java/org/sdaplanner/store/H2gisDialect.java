package org.sdaplanner.store;

import org.h2gis.functions.factory.H2GISFunctions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded default store: H2 with the H2GIS spatial functions, in a file under ./sda-data/. */
final class H2gisDialect implements Dialect {
    @Override
    public String name() {
        return "H2GIS";
    }

    @Override
    public void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_GEOMFROMWKB'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                return; // aliases persist in the database file: load them once
            }
        }
        H2GISFunctions.load(c);
    }

    @Override
    public String rewrite(String statement) {
        return statement;
    }

    @Override
    public String tune(String url) {
        return url;
    }
}
