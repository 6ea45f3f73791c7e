package org.sdaplanner.web.api;

/**
 * The body of {@code POST /api/plans/import}: the new plan's name, the file's name (its extension helps
 * tell the format) and its bytes in base64; with {@code check} true only the report is answered and
 * nothing is stored.
 */
public record PlanImportRequest(String name, String fileName, String content, Boolean check) {
}
