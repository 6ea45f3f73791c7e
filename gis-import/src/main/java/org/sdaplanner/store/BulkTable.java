package org.sdaplanner.store;

import java.util.List;

/** What a bulk load writes: a table, its columns in order, and the rows as one value per column. */
record BulkTable(String table, List<Column> columns, List<Object[]> rows) {
    /** How a column's values are sent; GEOMETRY values are JTS geometries stored with SRID 27700. */
    enum Kind { TEXT, INTEGER, BIGINT, DOUBLE, BOOLEAN, GEOMETRY }

    record Column(String name, Kind kind) {
    }

    BulkTable {
        columns = List.copyOf(columns);
    }

    /** The same rows and columns, written into another table (a slot of {@link TableGenerations}). */
    BulkTable into(String physicalTable) {
        return new BulkTable(physicalTable, columns, rows);
    }

    static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    static Column integer(String name) {
        return new Column(name, Kind.INTEGER);
    }

    static Column bigint(String name) {
        return new Column(name, Kind.BIGINT);
    }

    static Column real(String name) {
        return new Column(name, Kind.DOUBLE);
    }

    static Column bool(String name) {
        return new Column(name, Kind.BOOLEAN);
    }

    static Column geometry(String name) {
        return new Column(name, Kind.GEOMETRY);
    }
}
