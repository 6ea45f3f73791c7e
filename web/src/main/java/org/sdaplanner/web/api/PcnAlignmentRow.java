package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.Map;

/**
 * One PCN of {@code GET /api/plans/{id}/pcn-alignment}: its figures and its patients by area (area id →
 * patients, only areas with any).
 */
public record PcnAlignmentRow(@JsonUnwrapped PcnFigures figures, Map<String, Double> byArea) {
}
