package org.sdaplanner.web;

import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.export.Csv;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments;
import org.sdaplanner.store.StoredComments.Comment;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.store.StoredComments.NewComment;
import org.sdaplanner.web.PlannerService.PlanSnapshot;
import org.sdaplanner.web.auth.Visitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments on a plan, behind the HTTP handlers: where a new comment is about (an area, a parish
 * or a point, or a reply to a thread), the context it is stored with (plan revision, saved version,
 * area id and name), and how comments read back. Withdrawn and hidden comments stay in the record:
 * their text is shown to their author and to moderators, and to others only as "withdrawn" or
 * "hidden" with the moderator's reason.
 */
final class CommentService {
    private final PlannerService planner;
    private final CommentRepository comments;
    private final BlockLocator locator;
    private final AccessPolicy policy;

    CommentService(PlannerService planner, CommentRepository comments, AccessPolicy policy) {
        this.planner = planner;
        this.comments = comments;
        this.policy = policy;
        this.locator = new BlockLocator(planner.region().problem());
    }

    /** Posts a comment: exactly one of {@code parent}, {@code area}, {@code block}, or {@code lon}+{@code lat}. */
    Map<String, Object> post(long planId, JsonBody body, Visitor v) {
        String text = body.optionalString("text");
        Long parent = body.optionalLong("parent");
        String area = body.optionalString("area");
        String block = body.optionalString("block");
        Double lon = body.optionalDouble("lon");
        Double lat = body.optionalDouble("lat");
        int targets = (parent != null ? 1 : 0) + (area != null ? 1 : 0) + (block != null ? 1 : 0)
                + (lon != null || lat != null ? 1 : 0);
        if (targets != 1) {
            throw ApiException.badRequest("say what the comment is about: exactly one of 'parent' (a reply), 'area',"
                    + " 'block' (a parish or unparished block), or 'lon' and 'lat' (a point)");
        }
        PlanSnapshot plan = planner.snapshot(planId);
        NewComment n;
        if (parent != null) {
            Comment p = comments.find(parent).filter(c -> c.planId() == planId)
                    .orElseThrow(() -> ApiException.notFound("no comment " + parent + " on plan " + planId));
            n = new NewComment(planId, p.parentId() == null ? p.id() : p.parentId(), plan.revision(), plan.version(),
                    p.areaId(), plan.areaNames().getOrDefault(p.areaId(), p.areaName()), p.target(), p.blockCode(),
                    p.blockName(), p.lon(), p.lat(), v.account().id(), text);
        } else if (area != null) {
            String name = plan.areaNames().get(area);
            if (name == null) {
                throw ApiException.notFound("no area " + area + " in plan " + planId);
            }
            n = new NewComment(planId, null, plan.revision(), plan.version(), area, name, StoredComments.AREA, null, null,
                    null, null, v.account().id(), text);
        } else if (block != null) {
            int b = planner.region().problem().indexOf(block);
            if (b < 0) {
                throw ApiException.notFound("no block " + block + " in the region");
            }
            BuildingBlock bb = planner.region().problem().block(b);
            String areaId = plan.blockArea().get(bb.code());
            n = new NewComment(planId, null, plan.revision(), plan.version(), areaId, plan.areaNames().get(areaId),
                    StoredComments.PARISH, bb.code(), bb.name(), null, null, v.account().id(), text);
        } else {
            if (lon == null || lat == null) {
                throw ApiException.badRequest("a point needs both 'lon' and 'lat' (WGS84 degrees)");
            }
            BuildingBlock bb = locator.at(lon, lat).orElseThrow(() -> new ApiException(422,
                    "the point " + lon + ", " + lat + " is outside the region's blocks: pin comments inside the region"));
            String areaId = plan.blockArea().get(bb.code());
            n = new NewComment(planId, null, plan.revision(), plan.version(), areaId, plan.areaNames().get(areaId),
                    StoredComments.POINT, bb.code(), bb.name(), lon, lat, v.account().id(), text);
        }
        return json(comments.add(n), plan, v);
    }

    List<Map<String, Object>> list(long planId, Filter f, Visitor v) {
        PlanSnapshot plan = planner.snapshot(planId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comment c : comments.list(planId, f)) {
            out.add(json(c, plan, v));
        }
        return out;
    }

    static final List<String> CSV_COLUMNS = List.of("comment_id", "thread_id", "plan_id", "plan_revision", "plan_version",
            "area_id", "area_name_now", "area_name_then", "about", "block_code", "block_name", "lon", "lat", "author",
            "author_role", "status", "created_at", "edited_at", "moderated_by", "moderated_at", "moderation_reason", "text");

    /** The list as CSV for committee papers: one row per comment, threads kept together by thread id. */
    String csv(long planId, Filter f, Visitor v) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Map<String, Object> c : list(planId, f, v)) {
            List<String> row = new ArrayList<>();
            for (String col : CSV_COLUMNS) {
                Object value = c.get(col.equals("comment_id") ? "id" : col);
                String s = value == null ? "" : value.toString();
                row.add(col.equals("text") || col.equals("moderation_reason") || col.equals("author") ? Csv.text(s) : Csv.field(s));
            }
            sb.append(String.join(",", row)).append("\r\n");
        }
        return sb.toString();
    }

    Map<String, Object> edit(long commentId, String text, Long revision, Visitor v) {
        Comment c = comments.edit(commentId, v.account().id(), text, revision);
        return json(c, planner.snapshot(c.planId()), v);
    }

    Map<String, Object> withdraw(long commentId, Long revision, Visitor v) {
        Comment c = comments.withdraw(commentId, v.account().id(), revision);
        return json(c, planner.snapshot(c.planId()), v);
    }

    Map<String, Object> moderate(long commentId, Status target, String reason, Long revision, Visitor v, String remote) {
        Comment c = comments.moderate(commentId, target, reason, v.account().id(), revision, new Actor(v.name(), remote));
        return json(c, planner.snapshot(c.planId()), v);
    }

    private Map<String, Object> json(Comment c, PlanSnapshot plan, Visitor v) {
        boolean moderator = policy.allows(v.role(), Permission.MODERATE);
        boolean own = v.signedIn() && v.account().id() == c.authorId();
        boolean showText = c.status() == Status.VISIBLE || own || moderator;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("thread_id", c.parentId() == null ? c.id() : c.parentId());
        m.put("parent", c.parentId());
        m.put("plan_id", c.planId());
        m.put("plan_revision", c.planRevision());
        m.put("plan_version", c.planVersion());
        m.put("area_id", c.areaId());
        m.put("area_name_then", c.areaName());
        m.put("area_name_now", plan.areaNames().get(c.areaId()));
        m.put("about", c.target());
        m.put("block_code", c.blockCode());
        m.put("block_name", c.blockName());
        // a comment on a sliver that has since joined a neighbouring block follows that block
        String blockNow = c.blockCode() == null ? null : planner.region().analysis().blocks().blocks().blockOf(c.blockCode());
        m.put("block_area_now", blockNow == null ? null : plan.blockArea().get(blockNow));
        m.put("lon", c.lon());
        m.put("lat", c.lat());
        m.put("author", c.author());
        m.put("author_username", c.authorUsername());
        m.put("author_role", c.authorRole());
        m.put("own", own);
        m.put("status", c.status().code());
        m.put("text", showText ? c.body() : null);
        m.put("created_at", c.createdAt());
        m.put("edited_at", c.editedAt());
        m.put("moderated_by", c.moderatedBy());
        m.put("moderated_at", c.moderatedAt());
        m.put("moderation_reason", c.moderationReason());
        m.put("revision", c.revision());
        return m;
    }
}
