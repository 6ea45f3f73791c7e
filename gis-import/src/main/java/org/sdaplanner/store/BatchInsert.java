package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.stream.Collectors;

/** Bulk load as batches of one parameterised INSERT: H2's fast path (it has no COPY). */
final class BatchInsert implements BulkLoad {
    private final int batchSize;

    BatchInsert(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void load(Connection c, BulkTable t) throws SQLException {
        String sql = "INSERT INTO " + t.table() + " ("
                + t.columns().stream().map(BulkTable.Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
                + t.columns().stream().map(col -> col.kind() == BulkTable.Kind.GEOMETRY ? "ST_GeomFromWKB(?, 27700)" : "?")
                .collect(Collectors.joining(", ")) + ")";
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : t.rows()) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, t.columns().get(i).kind(), row[i], wkb);
                }
                ps.addBatch();
                if (++n % batchSize == 0) {
                    ps.executeBatch();
                }
            }
            if (n % batchSize != 0) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, BulkTable.Kind kind, Object v, WKBWriter wkb) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (kind) {
                case TEXT -> Types.VARCHAR;
                case INTEGER -> Types.INTEGER;
                case BIGINT -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case GEOMETRY -> Types.BINARY;
            });
            return;
        }
        switch (kind) {
            case TEXT -> ps.setString(i, (String) v);
            case INTEGER -> ps.setInt(i, ((Number) v).intValue());
            case BIGINT -> ps.setLong(i, ((Number) v).longValue());
            case DOUBLE -> ps.setDouble(i, ((Number) v).doubleValue());
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case GEOMETRY -> ps.setBytes(i, wkb.write((Geometry) v));
        }
    }
}
