package org.sdaplanner.cli;

import org.sdaplanner.core.profile.Indicator;
import org.sdaplanner.core.profile.IndicatorValue;
import org.sdaplanner.core.profile.LsoaData;
import org.sdaplanner.core.profile.PlanProfiles;

import org.sdaplanner.export.ProfileFiles;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.MapDataReader;
import org.sdaplanner.store.ProfileCatalogueReader;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.Futures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        header = "Write each area's profile next to its district and the region.",
        description = {"Profile every area of the plan, every district and the region with the indicators the region",
                "manifest declares. With --plan, a stored plan as it was edited ('sda plan list' lists them);",
                "without it, the plan 'sda build' makes with the same options and seed. Writes profiles.json",
                "and profiles.csv, the same files as the map page's profile downloads."})
public final class ProfilesCommand extends PlanCommand {
    @Mixin
    PlanChoice choice;

    @Option(names = "--region", paramLabel = "FILE", converter = Converters.InputPath.class,
            description = "Take the indicator catalogue from this region manifest instead of the one stored by the last"
                    + " import (to try a new indicator before importing again).")
    Path region;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = console();
        source.plan.check();
        SpatialStore s = source.analysis.store.openForReading();
        try {
            return write(console, s);
        } finally {
            s.close();
        }
    }

    private int write(PrintWriter console, SpatialStore s) throws IOException {
        ProfileCatalogueReader stored = new ProfileCatalogueReader(s);
        RegionManifest manifest = region == null ? null : RegionManifest.load(region);
        List<Indicator> catalogue = manifest == null ? stored.catalogue() : manifest.catalogue();
        if (catalogue.isEmpty()) {
            throw new IllegalArgumentException("the region declares no indicators: add an \"indicators\" list to its"
                    + " manifest and import again, or give --region (docs/user-guide.md)");
        }
        Set<String> vintage2011 = manifest == null ? stored.datasets2011() : datasets2011(manifest);
        // the LSOA tables (about 0.5 s for C&P) are read on a thread of their own while the plan is
        // built or read: the two do not depend on each other
        CompletableFuture<LsoaData> reading = CompletableFuture.supplyAsync(() -> stored.data(catalogue, vintage2011),
                task -> {
                    Thread t = new Thread(task, "sda-profiles-data");
                    t.setDaemon(true);
                    t.start();
                });
        PlanChoice.Chosen chosen = choice.choose(spec, source, console);
        LsoaData data = Futures.joined(reading);
        PlanProfiles profiles = PlanProfiles.of(catalogue, data, chosen.plan(), chosen.region().geography(),
                new MapDataReader(s).regionName().orElse("the region"));
        List<Path> files = ProfileFiles.write(catalogue, profiles, out.path);
        console.println(String.format(Locale.ROOT, "Profiles of %s: %d areas, %d districts and the region, %d indicators",
                lowerFirst(chosen.what()), profiles.areas().size(), profiles.districts().size(), catalogue.size()));
        for (Indicator i : catalogue) {
            if (i.kind() == Indicator.Kind.COUNT) {
                double areas = profiles.areas().stream().map(p -> p.values().get(i.id())).mapToDouble(IndicatorValue::value).sum();
                double whole = profiles.region().values().get(i.id()).value();
                console.println(String.format(Locale.ROOT, "  %s: areas add up to %,.0f, the region has %,.0f", i.label(), areas, whole));
            }
        }
        files.forEach(f -> console.println("Written " + f));
        return 0;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Set<String> datasets2011(RegionManifest m) {
        Set<String> out = new HashSet<>();
        for (InputSource t : m.inputs().tables()) {
            if ("2011".equals(t.lsoaVintage()) && !"2011".equals(m.region().lsoaVintage())) {
                out.add(t.id());
            }
        }
        return out;
    }


}
