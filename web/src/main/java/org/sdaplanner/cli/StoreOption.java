package org.sdaplanner.cli;

import org.sdaplanner.store.SpatialStore;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that uses the store shares. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "Store: jdbc:postgresql://HOST:PORT/DB for PostGIS (user and password from the URL or"
                    + " PGUSER/PGPASSWORD); default: the embedded H2GIS store " + SpatialStore.DEFAULT_URL)
    String db;

    private SpatialStore opened;

    /** The store, opened once per command (its migrations run on the first open). */
    SpatialStore open() {
        if (opened == null) {
            opened = SpatialStore.open(db);
        }
        return opened;
    }

    /** The store, opened once per command, for a command that writes nothing of size ({@link SpatialStore#openForReading}). */
    SpatialStore openForReading() {
        if (opened == null) {
            opened = SpatialStore.openForReading(db);
        }
        return opened;
    }
}
