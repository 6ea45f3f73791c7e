package org.sdaplanner.cli;

import org.sdaplanner.store.SpatialStore;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that uses the store shares. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "Store: jdbc:postgresql://HOST:PORT/DB?user=… for PostGIS (or PGUSER/PGPASSWORD);"
                    + " default: the embedded H2GIS store " + SpatialStore.DEFAULT_URL)
    String db;

    SpatialStore open() {
        return SpatialStore.open(db);
    }
}
