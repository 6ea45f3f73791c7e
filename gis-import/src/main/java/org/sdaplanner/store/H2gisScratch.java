package org.sdaplanner.store;

import org.h2gis.api.Function;
import org.h2gis.functions.factory.H2GISFunctions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away in-memory H2 database for H2GIS's file readers and writers, with only the H2GIS
 * functions its caller names. Loading the whole of H2GIS (its several hundred functions, views
 * and reference tables) cost about 0.3 s on every export and every Shapefile read.
 */
public final class H2gisScratch {
    private H2gisScratch() {
    }

    /** A new, empty in-memory database (gone when the connection closes) with these functions registered. */
    public static Connection open(String purpose, Function... functions) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID(), "sa", "");
        try (Statement s = c.createStatement()) {
            for (Function f : functions) {
                H2GISFunctions.registerFunction(s, f, "");
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
