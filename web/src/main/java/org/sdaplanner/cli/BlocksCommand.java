package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.export.GeoJsonWriter;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.export.Outlines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "blocks", mixinStandardHelpOptions = true,
        header = "Build the building blocks (parishes, and LSOAs where there is no parish).",
        description = {"Build the building blocks the areas are made of: parishes, and in unparished places LSOAs",
                "or the parts of LSOAs outside every parish, each with its population and leaning towards",
                "each PCN; report islands. Slivers (LSOA pieces too small to be a community of their own)",
                "join a neighbouring block (--slivers keep: they stay blocks); the report says where. Written as GeoJSON in longitude/latitude",
                "(EPSG:4326), every outline fitting its neighbours exactly."})
public final class BlocksCommand extends AnalysisCommand {
    @Mixin
    SliverOption slivers;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = console();
        Path out = file.path;
        BlockAnalysis analysis = source.load(slivers.rule).blocks();
        BlockAdjacency adj = analysis.adjacency();
        Set<String> islands = new TreeSet<>(adj.islands());
        Map<String, List<String>> absorbed = new TreeMap<>();
        analysis.blocks().sliverMerges().forEach(m -> absorbed.computeIfAbsent(m.intoCode(), k -> new ArrayList<>()).add(m.sliverCode()));
        Topology lonLat = Outlines.lonLat(analysis.outlines());
        Files.createDirectories(out.toAbsolutePath().normalize().getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out)); GeoJsonWriter w = new GeoJsonWriter(os)) {
            for (BuildingBlock b : analysis.blocks().blocks()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("block_code", b.code());
                p.put("block_name", b.name());
                p.put("block_kind", b.kind().name().toLowerCase(Locale.ROOT));
                p.put("district_code", b.districtCode());
                p.put("resident_population", round(b.residentPopulation(), 1));
                p.put("registered_population", round(b.registeredPopulation(), 1));
                p.put("dominant_pcn_code", b.dominantPcn());
                p.put("dominant_pcn_share", round(b.dominantShare(), 4));
                p.put("area_km2", round(b.geometry().getArea() / 1e6, 4));
                p.put("neighbours", adj.neighbourCodes(b.code()).size());
                p.put("island", islands.contains(b.code()));
                p.put("lsoa_codes", b.pieces().stream().map(x -> x.lsoaCode()).distinct().toList());
                p.put("absorbed_slivers", absorbed.getOrDefault(b.code(), List.of()).stream().distinct().sorted().toList());
                Map<String, Object> affinity = new LinkedHashMap<>();
                b.pcnAffinity().forEach((k, v) -> {
                    if (v >= 0.05) {
                        affinity.put(k, round(v, 2));
                    }
                });
                p.put("pcn_affinity", affinity);
                w.feature(p, lonLat.outline(b.code()));
            }
        }
        var set = analysis.blocks();
        long parishes = set.blocks().stream().filter(b -> b.kind().name().equals("PARISH")).count();
        console.println(String.format(Locale.ROOT, "%,d building blocks: %,d parishes, %,d unparished LSOAs or LSOA parts;"
                        + " residents %,.0f; %,d neighbour links in %d connected group%s", set.size(), parishes,
                set.size() - parishes, set.totalResidentPopulation(), adj.edgeCount(), adj.components().size(),
                adj.components().size() == 1 ? "" : "s"));
        SliverReport.summary(console, set);
        SliverReport.whereTheyWent(console, set);
        if (!islands.isEmpty()) {
            console.println("Islands (not connected to the main group; declare bridges in the region manifest to join them): "
                    + String.join(", ", islands));
        }
        console.println("Written " + out);
        return 0;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
