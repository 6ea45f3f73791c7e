package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.plan.PlanImport;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.ImportDuplicate;
import org.sdaplanner.web.api.ImportRefused;
import org.sdaplanner.web.api.ImportReport;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.http.ApiJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans imported from a file (the page's "Import a plan" and {@code sda plan import}): the file is read
 * ({@link ImportFiles}), resolved against the region's blocks ({@link PlanImport}) and stored as a new plan
 * in one transaction, or refused with its report. Exporting a plan's parish_to_area.csv and importing it
 * gives the same areas, names and assignment.
 */
public final class PlanImports {
    private final Region region;
    private final PlanRepository repo;
    private final Plans plans;
    private volatile Map<String, Geometry> lsoaGeometries;

    public PlanImports(PlanSessions sessions, Plans plans) {
        this.region = sessions.region();
        this.repo = sessions.repo();
        this.plans = plans;
    }

    /** What would be imported, and whether it can be: nothing is stored. */
    public ImportReport check(String fileName, byte[] content) {
        return resolve(fileName, content).answer();
    }

    /** Imports the file as a new plan called {@code name}; 422 with the report when it cannot be. */
    public Plan importPlan(String name, String fileName, byte[] content, String user) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("the imported plan needs a name");
        }
        Resolved r = resolve(fileName, content);
        if (!r.answer().ok()) {
            throw new ApiException(422, r.answer().errors().get(0), new ImportRefused(r.answer().errors().get(0), r.answer()));
        }
        PlanningProblem p = region.problem();
        PlanImport.Result res = r.result();
        List<StoredPlans.Area> areas = new ArrayList<>();
        for (int a = 0; a < res.areaIds().size(); a++) {
            areas.add(new StoredPlans.Area(res.areaIds().get(a), res.areaNames().get(a)));
        }
        Map<String, String> assignment = new LinkedHashMap<>();
        Map<Integer, Set<String>> districts = new HashMap<>();
        for (int b = 0; b < p.blockCount(); b++) {
            assignment.put(p.block(b).code(), res.areaIds().get(res.assignment()[b]));
            districts.computeIfAbsent(res.assignment()[b], k -> new java.util.TreeSet<>()).add(p.block(b).districtCode());
        }
        // areas that each lie in one district keep the nesting rule for later moves
        boolean nesting = districts.values().stream().allMatch(d -> d.size() == 1);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("areas", areas.size());
        options.put("district_nesting", nesting);
        options.put("imported_from", fileName == null ? "" : fileName.strip());
        options.put("format", r.answer().format());
        long id = repo.create(new StoredPlans.NewPlan(name.strip(), json(options), nesting, areas, assignment, Set.of()), user).id();
        return plans.plan(id);
    }

    private record Resolved(ImportReport answer, PlanImport.Result result) {
    }

    private Resolved resolve(String fileName, byte[] content) {
        String file = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
        ImportFiles.Read read;
        try {
            read = ImportFiles.read(file, content);
        } catch (InputException e) {
            return new Resolved(new ImportReport(file, null, 0, 0, false, List.of(e.getMessage()), List.of(), List.of(), List.of(),
                    List.of()), null);
        }
        PlanningProblem p = region.problem();
        PlanImport.Result res = switch (read.format()) {
            case "blocks-csv" -> PlanImport.ofBlocks(p, read.rows());
            case "lsoas-csv" -> PlanImport.ofLsoas(p, read.rows());
            default -> PlanImport.ofPolygons(p, read.areas(), lsoaGeometries());
        };
        PlanImport.Report rep = res.report();
        return new Resolved(new ImportReport(file, read.format(), rep.items(), rep.areas(), rep.ok(), rep.errors(), rep.warnings(),
                rep.unknownCodes(), rep.missingBlocks(),
                rep.duplicates().stream().map(d -> new ImportDuplicate(d.code(), d.areas())).toList()), res);
    }

    private Map<String, Geometry> lsoaGeometries() {
        Map<String, Geometry> m = lsoaGeometries;
        if (m == null) {
            m = new HashMap<>();
            for (Lsoa l : region.analysis().geography().lsoas()) {
                m.put(l.code(), l.geometry());
            }
            lsoaGeometries = m;
        }
        return m;
    }

    private static String json(Object o) {
        try {
            return ApiJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
