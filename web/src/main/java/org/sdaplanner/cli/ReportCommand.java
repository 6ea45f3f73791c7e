package org.sdaplanner.cli;

import org.sdaplanner.web.PlannerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sda report}: the committee report of a stored plan, the same document as the map server's report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write a stored plan's committee report as one printable HTML file.",
        description = {"Write the committee report of a stored plan as one HTML file, printable on A4 (open it in a",
                "browser and print, or save as PDF): a labelled map of every area, the table of areas (parishes,",
                "residents, deviation, main PCN and alignment, LSOAs), the parish → area appendix by district,",
                "the plan's baselines and the data sources with their dates. The same as report.html?plan=ID."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--plan", required = true, paramLabel = "ID|NAME", description = "The plan, by id or name ('sda plan list').")
    String plan;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The report file (replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder: give a file name such as report.html");
        }
        try (PlannerService service = PlannerService.open(store.openForReading())) {
            long id = PlanRef.resolve(service.plans(), plan);
            String html = service.reports().html(id);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, html, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "Written %s (%,d bytes): the committee report of plan %d.",
                    out, Files.size(out), id));
        }
        return 0;
    }
}
