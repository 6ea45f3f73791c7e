package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Bulk load through PostgreSQL's COPY … FROM STDIN (text format) on the caller's connection, so it
 * is part of the caller's transaction. Geometries go as hex EWKB carrying SRID 27700, which the
 * geometry columns' typmod requires.
 */
final class PostgresCopy implements BulkLoad {
    /** Rows are sent in chunks of about this many bytes rather than one write per row. */
    private static final int CHUNK = 1 << 20;

    @Override
    public void load(Connection c, BulkTable t) throws SQLException {
        if (t.rows().isEmpty()) {
            return;
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + t.table() + " ("
                + t.columns().stream().map(BulkTable.Column::name).collect(Collectors.joining(", ")) + ") FROM STDIN";
        WKBWriter ewkb = new WKBWriter(2, true);
        CopyIn in = copy.copyIn(sql);
        try {
            StringBuilder sb = new StringBuilder(CHUNK + 4096);
            for (Object[] row : t.rows()) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        sb.append('\t');
                    }
                    field(sb, t.columns().get(i).kind(), row[i], ewkb);
                }
                sb.append('\n');
                if (sb.length() >= CHUNK) {
                    send(in, sb);
                }
            }
            send(in, sb);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder sb) throws SQLException {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
        sb.setLength(0);
    }

    static void field(StringBuilder sb, BulkTable.Kind kind, Object v, WKBWriter ewkb) {
        if (v == null) {
            sb.append("\\N");
            return;
        }
        switch (kind) {
            case TEXT -> escape(sb, (String) v);
            case INTEGER, BIGINT, BOOLEAN -> sb.append(v);
            // Double.toString is exact (shortest round-tripping digits); PostgreSQL reads it back to the same double
            case DOUBLE -> sb.append(Double.toString(((Number) v).doubleValue()));
            case GEOMETRY -> sb.append(WKBWriter.toHex(ewkb.write(withSrid((Geometry) v))));
        }
    }

    private static Geometry withSrid(Geometry g) {
        if (g.getSRID() == 27700) {
            return g;
        }
        Geometry copy = g.copy();   // the caller's geometry is not ours to change
        copy.setSRID(27700);
        return copy;
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; all else is as it is. */
    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }
}
