package org.sdaplanner.web.api;

import java.util.List;

/**
 * What a plan file gave: its format ({@code blocks-csv}, {@code lsoas-csv}, {@code geojson}, {@code gpkg}),
 * rows or features read, areas found, and whether a plan can be made of it ({@code ok}: no errors). Errors
 * say why not (blocks without an area, blocks given two areas, unreadable rows); warnings what was left out
 * or decided (codes the region does not have, repeated rows, blocks split between area outlines).
 */
public record ImportReport(String file, String format, int items, int areas, boolean ok, List<String> errors,
        List<String> warnings, List<String> unknownCodes, List<String> missingBlocks, List<ImportDuplicate> duplicates) {
}
