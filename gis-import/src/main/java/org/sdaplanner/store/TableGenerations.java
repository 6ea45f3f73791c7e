package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.sdaplanner.store.Jdbc.query;
import static org.sdaplanner.store.Jdbc.update;

/**
 * The import tables kept in three slots behind a view of their name (migration V13). A writer (an
 * import, or a release made current) fills an empty slot and makes it current in its own
 * transaction, so replacing the national registrations deletes no row there. The slot it leaves is
 * emptied after the commit ({@link #tidy}).
 *
 * <p>A slot is {@code current} (the view shows it; one per table), {@code stale} (left by a writer),
 * {@code emptying} or {@code empty}. Every change of state is made with the table's rows of
 * {@code table_generation} locked ({@code SELECT … FOR UPDATE}), so the writers and tidiers of a table
 * take turns. Only the {@code TRUNCATE} runs outside a transaction, because H2 commits before it. It
 * runs on a slot marked {@code emptying}, which no writer picks and no other tidier empties (a slot
 * emptying for ten minutes was left so by a process that stopped: the next writer takes it back).
 * One code path for H2GIS and PostGIS.
 */
final class TableGenerations {
    /** The tables kept this way: the two largest of an import (national registrations; C&amp;P's profile values). */
    static final List<String> TABLES = List.of("registration", "lsoa_value");
    private static final String CURRENT = "current";
    private static final String STALE = "stale";
    private static final String EMPTYING = "emptying";
    private static final String EMPTY = "empty";
    /** Far longer than emptying the national registrations takes (1.9 s). */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private TableGenerations() {
    }

    /** One slot of a table. */
    record Slot(String table, int slot) {
        /** The physical table behind the view. */
        String physical() {
            return table + "_" + slot;
        }
    }

    static boolean holds(String table) {
        return TABLES.contains(table);
    }

    /**
     * In the caller's transaction: an empty slot for the new rows. When none is empty (the last
     * tidy failed, or the process stopped before it), a stale one is emptied here with DELETE,
     * which is slower but all-or-nothing like the rest.
     */
    static Slot claim(Connection c, String table) throws SQLException {
        Map<Integer, State> states = lock(c, table);
        for (Map.Entry<Integer, State> e : states.entrySet()) {
            if (e.getValue().is(EMPTY)) {
                return new Slot(table, e.getKey());
            }
        }
        for (Map.Entry<Integer, State> e : states.entrySet()) {
            if (e.getValue().is(STALE) || e.getValue().abandoned()) {
                Slot s = new Slot(table, e.getKey());
                update(c, "DELETE FROM " + s.physical());
                return s;
            }
        }
        throw new StoreConflictException("the store is still emptying the " + table + " rows of an earlier import;"
                + " run the command again in a minute");
    }

    /** In the caller's transaction, once its rows are written: its slot becomes current and the current one stale. */
    static void makeCurrent(Connection c, Slot s) throws SQLException {
        update(c, "UPDATE table_generation SET state = ? WHERE table_name = ? AND state = ?", STALE, s.table(), CURRENT);
        update(c, "UPDATE table_generation SET state = ? WHERE table_name = ? AND slot = ?", CURRENT, s.table(), s.slot());
    }

    /**
     * After a writer's commit, on a connection with no transaction open: empties the stale slots of
     * every table. Returns how many slots it emptied.
     *
     * @throws SQLException when one could not be emptied. That slot is marked stale again, so the
     *                      next writer empties it with DELETE. The commit before stands either way.
     */
    static int tidy(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        int emptied = 0;
        try {
            for (String table : TABLES) {
                List<Slot> mine = new ArrayList<>();
                c.setAutoCommit(false);
                try {
                    for (Map.Entry<Integer, State> e : lock(c, table).entrySet()) {
                        if (e.getValue().is(STALE)) {
                            Slot s = new Slot(table, e.getKey());
                            update(c, "UPDATE table_generation SET state = ?, changed_at = ? WHERE table_name = ? AND slot = ?",
                                    EMPTYING, Jdbc.now(), table, s.slot());
                            mine.add(s);
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                c.setAutoCommit(true);
                for (Slot s : mine) {
                    try (Statement st = c.createStatement()) {
                        st.execute("TRUNCATE TABLE " + s.physical());
                    } catch (SQLException e) {
                        update(c, "UPDATE table_generation SET state = ? WHERE table_name = ? AND slot = ? AND state = ?",
                                STALE, table, s.slot(), EMPTYING);
                        throw e;
                    }
                    update(c, "UPDATE table_generation SET state = ? WHERE table_name = ? AND slot = ? AND state = ?",
                            EMPTY, table, s.slot(), EMPTYING);
                    emptied++;
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return emptied;
    }

    /** A slot's state, and since when it has been emptying. */
    private record State(String name, String changedAt) {
        boolean is(String state) {
            return name.equals(state);
        }

        /** Emptying for longer than any TRUNCATE takes: the process that began it stopped before the end. */
        boolean abandoned() {
            return is(EMPTYING) && (changedAt == null
                    || Instant.parse(changedAt).isBefore(Instant.now().minus(ABANDONED_AFTER)));
        }
    }

    /**
     * {@link #tidy}, for a writer that has committed: false when a slot could not be emptied, which
     * the next writer then empties itself (the commit stands either way).
     */
    static boolean tidyOrLeave(Connection c) {
        try {
            tidy(c);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The table's slots and their states, locked until the caller's transaction ends. */
    private static Map<Integer, State> lock(Connection c, String table) throws SQLException {
        Map<Integer, State> states = new TreeMap<>();
        for (Object[] row : query(c, "SELECT slot, state, changed_at FROM table_generation WHERE table_name = ?"
                        + " ORDER BY slot FOR UPDATE",
                List.of(table), rs -> new Object[] {rs.getInt(1), new State(rs.getString(2), rs.getString(3))})) {
            states.put((Integer) row[0], (State) row[1]);
        }
        if (states.isEmpty()) {
            throw new IllegalStateException("table_generation has no slots for " + table + " (migration V13)");
        }
        return states;
    }
}
