package org.sdaplanner.web.api;

/**
 * A comment as one reader sees it: where it is about then and now, who wrote it, its status, and its text (null
 * when withdrawn or hidden and the reader is neither its author nor a moderator).
 */
public record Comment(long id, long threadId, Long parent, long planId, long planRevision, Integer planVersion,
        String areaId, String areaNameThen, String areaNameNow, String about, String blockCode, String blockName,
        String blockAreaNow, Double lon, Double lat, String author, String authorUsername, String authorRole,
        boolean own, String status, String text, String createdAt, String editedAt, String moderatedBy,
        String moderatedAt, String moderationReason, long revision) {
}
