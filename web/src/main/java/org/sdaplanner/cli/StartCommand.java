package org.sdaplanner.cli;

import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.MapDataReader;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.MapServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

@Command(name = "start", mixinStandardHelpOptions = true,
        header = "Import when the store is empty, build the default plan, then serve the map.",
        description = {"Everything in one go: import the region's files when the store is empty, build the default",
                "plan when there is none, and serve the map (as 'sda serve') until stopped (Ctrl+C)."})
public final class StartCommand extends SdaCommand {
    @Mixin
    DataOptions data;

    @Mixin
    StoreOption store;

    @Mixin
    ServeCommand.Listen server;

    @Override
    public Integer call() {
        PrintWriter out = console();
        MapServer.Options options = server.options(); // a wrong basemap is refused before anything is imported
        SpatialStore s = store.open();
        if (new MapDataReader(s).hasImport()) {
            out.println("The store " + s.displayUrl() + " already holds an import: using it (run 'sda import' to replace it).");
        } else {
            long t0 = System.nanoTime();
            ImportedData imported = data.read(out, "The store is empty: importing ");
            new ImportWriter(s, new ConsoleProgress(out)).write(imported);
            ImportCommand.print(out, imported.report(), s, (System.nanoTime() - t0) / 1e9);
            out.println();
        }
        out.flush();
        return ServeCommand.serve(out, s, server, options);
    }
}
