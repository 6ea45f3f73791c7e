package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One plan in {@code GET /api/plans}. A plan stored against another import lists with null {@code areas} and
 * {@code alignment} and an {@code error} saying why it cannot be opened (absent otherwise).
 */
public record PlanListItem(long id, String name, long revision, Integer areas, Double alignment, String createdAt,
        String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
}
