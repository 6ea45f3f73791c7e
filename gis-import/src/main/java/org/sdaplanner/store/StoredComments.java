package org.sdaplanner.store;

import org.sdaplanner.core.access.CommentRules.Status;

/** The values {@link CommentRepository} reads and writes. */
public final class StoredComments {
    private StoredComments() {
    }

    /** What a comment is about: a whole area, a parish (or unparished block), or a point on the map. */
    public static final String AREA = "area";
    public static final String PARISH = "parish";
    public static final String POINT = "point";

    /**
     * A comment to store, with the context it was written in: the plan's revision and last saved
     * version, and the area's id and name at that moment. {@code blockCode}/{@code blockName} are set
     * for parish pins (and for points, the block under the point); {@code lon}/{@code lat} for points.
     */
    public record NewComment(long planId, Long parentId, long planRevision, Integer planVersion, String areaId,
                             String areaName, String target, String blockCode, String blockName, Double lon, Double lat,
                             long authorId, String body) {
    }

    /** A stored comment with its author's display name and user name, and its moderator's display name. */
    public record Comment(long id, long planId, Long parentId, long planRevision, Integer planVersion, String areaId,
                          String areaName, String target, String blockCode, String blockName, Double lon, Double lat,
                          long authorId, String author, String authorRole, String body, Status status, String createdAt,
                          String editedAt, String moderatedBy, String moderatedAt, String moderationReason, long revision,
                          String authorUsername) {
    }

    /** Which comments of a plan to list; null fields do not filter. */
    public record Filter(String areaId, Status status, String target, String author, String blockCode) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }
}
