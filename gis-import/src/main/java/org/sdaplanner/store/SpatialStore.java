package org.sdaplanner.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where imported data, plans and comments live: an embedded H2GIS file by default, or
 * PostgreSQL/PostGIS when given a {@code jdbc:postgresql:} URL. Opening applies any pending
 * schema migrations.
 */
public final class SpatialStore {
    /** The embedded store's location, relative to the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./sda-data/sda";

    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;
    /** Connections to PostgreSQL at once, per store (per server process). */
    static final int POOL_SIZE = 16;
    private volatile HikariDataSource pool;
    /** Whether connections come from the pool: always for PostgreSQL; for H2 only in a server ({@link #forServing}). */
    private final boolean pooled;

    private SpatialStore(String url, String user, String password, Dialect dialect) {
        this(dialect.tune(url), user, password, dialect, dialect instanceof PostgisDialect);
    }

    private SpatialStore(String tunedUrl, String user, String password, Dialect dialect, boolean pooled) {
        this.url = tunedUrl;
        this.user = user;
        this.password = password;
        this.dialect = dialect;
        this.pooled = pooled;
    }

    /**
     * This store for a long-running server: embedded connections then come from a pool too. Opening an H2
     * session and parsing the same few queries again took most of a short request's time (JFR, issue 18);
     * a pooled session keeps its parsed statements. A command that runs once and exits keeps direct
     * connections, so nothing stays open after it. The caller closes what this returns ({@link #close})
     * when it is not this store itself (PostgreSQL stores are pooled already).
     */
    public SpatialStore forServing() {
        return pooled ? this : new SpatialStore(url, user, password, dialect, true);
    }

    /** Closes the pool's connections, if any were opened; the store can still be used (a new pool is made). */
    public void close() {
        HikariDataSource p;
        synchronized (this) {
            p = pool;
            pool = null;
        }
        if (p != null) {
            p.close();
        }
    }

    /**
     * Opens (and migrates) the store at {@code url}; null means the embedded default. Credentials
     * for PostgreSQL may be in the URL ({@code ?user=…&password=…}) or in PGUSER/PGPASSWORD.
     */
    public static SpatialStore open(String url) {
        return open(url, false);
    }

    /**
     * Opens the store for a command that only reads (or writes little): the embedded store then does not
     * compact its file on closing, which took 1-4 s of a 2 s command and frees nothing a read left behind.
     * Writers (the import) keep the compaction: without it the file grew from 31 to 177 MB over three imports.
     */
    public static SpatialStore openForReading(String url) {
        return open(url, true);
    }

    private static SpatialStore open(String url, boolean reading) {
        String u = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
        if (reading && u.startsWith("jdbc:h2:file:") && !u.toUpperCase(java.util.Locale.ROOT).contains("MAX_COMPACT_TIME")) {
            u = u + ";MAX_COMPACT_TIME=0";
        }
        SpatialStore store;
        if (u.startsWith("jdbc:h2:")) {
            if (u.startsWith("jdbc:h2:file:")) {
                Path dir = Path.of(u.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath().getParent();
                try {
                    Files.createDirectories(dir);
                } catch (java.io.IOException e) {
                    throw new StoreException("cannot create the store folder " + dir + ": " + e.getMessage(), e);
                }
            }
            store = new SpatialStore(u, "sa", "", new H2gisDialect());
        } else if (u.startsWith("jdbc:postgresql:")) {
            store = new SpatialStore(u, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), new PostgisDialect());
        } else {
            throw new StoreException("unsupported store URL '" + u
                    + "': expected jdbc:h2:file:PATH (embedded) or jdbc:postgresql://HOST:PORT/DB", null);
        }
        try (Connection c = store.connectDirectly()) { // not pooled: a wrong URL or password is told at once
            store.dialect.prepare(c);
            new Migrations(store.dialect).apply(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + store.displayUrl() + Jdbc.detail(e), e);
        }
        return store;
    }

    public Connection connect() throws SQLException {
        if (pooled) {
            return pool().getConnection();
        }
        return connectDirectly();
    }

    private Connection connectDirectly() throws SQLException {
        if (user != null && !url.contains("user=")) {
            return DriverManager.getConnection(url, user, password);
        }
        return DriverManager.getConnection(url);
    }

    /**
     * PostgreSQL connections come from a bounded pool, made on first use: opening one costs 10-20 ms,
     * and without a bound a burst of requests could exceed the server's connection limit. Idle
     * connections are closed after 10 s, so a store that is no longer used holds none.
     */
    private HikariDataSource pool() {
        HikariDataSource p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    HikariConfig config = new HikariConfig();
                    config.setJdbcUrl(url);
                    if (user != null && !url.contains("user=")) {
                        config.setUsername(user);
                        config.setPassword(password);
                    }
                    config.setPoolName("sda-store");
                    config.setMaximumPoolSize(POOL_SIZE);
                    config.setMinimumIdle(0);
                    config.setIdleTimeout(10_000);
                    config.setConnectionTimeout(30_000);
                    config.setInitializationFailTimeout(-1); // errors surface at connect, with the store's message
                    p = new HikariDataSource(config);
                    pool = p;
                }
            }
        }
        return p;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** The URL with any password hidden, for messages and logs. */
    public String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
