package org.sdaplanner.web.comments;

import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.Csv;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.store.StoredComments.NewComment;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.Comment;
import org.sdaplanner.web.api.CommentCreate;
import org.sdaplanner.web.auth.Visitor;
import org.sdaplanner.web.plans.PlanSnapshot;
import org.sdaplanner.web.plans.Plans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Comments on a plan: where a new comment is about (an area, a parish or a point, or a reply to a
 * thread), the context it is stored with (plan revision, saved version, area id and name), and how
 * comments read back. Withdrawn and hidden comments stay in the record: their text is shown to their
 * author and to moderators, and to others only as "withdrawn" or "hidden" with the moderator's reason.
 */
public final class PlanComments {
    private final Plans plans;
    private final PlanningProblem problem;
    private final CommentRepository comments;
    private final BlockLocator locator;
    private final AccessPolicy policy;

    public PlanComments(Plans plans, PlanningProblem problem, CommentRepository comments, AccessPolicy policy) {
        this.plans = plans;
        this.problem = problem;
        this.comments = comments;
        this.policy = policy;
        this.locator = new BlockLocator(problem);
    }

    /** Posts a comment: exactly one of {@code parent}, {@code area}, {@code block}, or {@code lon}+{@code lat}. */
    public Comment post(long planId, CommentCreate c, Visitor v) {
        Long parent = c.parent();
        String area = c.area();
        String block = c.block();
        Double lon = c.lon();
        Double lat = c.lat();
        String text = c.text();
        int targets = (parent != null ? 1 : 0) + (area != null ? 1 : 0) + (block != null ? 1 : 0)
                + (lon != null || lat != null ? 1 : 0);
        if (targets != 1) {
            throw ApiException.badRequest("say what the comment is about: exactly one of 'parent' (a reply), 'area',"
                    + " 'block' (a parish or unparished block), or 'lon' and 'lat' (a point)");
        }
        PlanSnapshot plan = plans.snapshot(planId);
        NewComment n;
        if (parent != null) {
            StoredComments.Comment p = comments.find(parent).filter(x -> x.planId() == planId)
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
            int b = problem.indexOf(block);
            if (b < 0) {
                throw ApiException.notFound("no block " + block + " in the region");
            }
            BuildingBlock bb = problem.block(b);
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
        return answer(comments.add(n), plan, v);
    }

    public List<Comment> list(long planId, Filter f, Visitor v) {
        PlanSnapshot plan = plans.snapshot(planId);
        List<Comment> out = new ArrayList<>();
        for (StoredComments.Comment c : comments.list(planId, f)) {
            out.add(answer(c, plan, v));
        }
        return out;
    }

    static final List<String> CSV_COLUMNS = List.of("comment_id", "thread_id", "plan_id", "plan_revision", "plan_version",
            "area_id", "area_name_now", "area_name_then", "about", "block_code", "block_name", "lon", "lat", "author",
            "author_role", "status", "created_at", "edited_at", "moderated_by", "moderated_at", "moderation_reason", "text");

    /** The list as CSV for committee papers: one row per comment, threads kept together by thread id. */
    public String csv(long planId, Filter f, Visitor v) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Comment c : list(planId, f, v)) {
            List<Object> values = Arrays.asList(c.id(), c.threadId(), c.planId(), c.planRevision(), c.planVersion(),
                    c.areaId(), c.areaNameNow(), c.areaNameThen(), c.about(), c.blockCode(), c.blockName(), c.lon(), c.lat(),
                    c.author(), c.authorRole(), c.status(), c.createdAt(), c.editedAt(), c.moderatedBy(), c.moderatedAt(),
                    c.moderationReason(), c.text());
            List<String> row = new ArrayList<>();
            for (int i = 0; i < CSV_COLUMNS.size(); i++) {
                String col = CSV_COLUMNS.get(i);
                Object value = values.get(i);
                String s = value == null ? "" : value.toString();
                // free text may start with =, +, - or @: written so that spreadsheets show it as text
                row.add(col.equals("text") || col.equals("moderation_reason") || col.equals("author") ? Csv.text(s) : Csv.field(s));
            }
            sb.append(String.join(",", row)).append("\r\n");
        }
        return sb.toString();
    }

    public Comment edit(long commentId, String text, Long revision, Visitor v) {
        StoredComments.Comment c = comments.edit(commentId, v.account().id(), text, revision);
        return answer(c, plans.snapshot(c.planId()), v);
    }

    public Comment withdraw(long commentId, Long revision, Visitor v) {
        StoredComments.Comment c = comments.withdraw(commentId, v.account().id(), revision);
        return answer(c, plans.snapshot(c.planId()), v);
    }

    public Comment moderate(long commentId, Status target, String reason, Long revision, Visitor v, String remote) {
        StoredComments.Comment c = comments.moderate(commentId, target, reason, v.account().id(), revision,
                new Actor(v.name(), remote));
        return answer(c, plans.snapshot(c.planId()), v);
    }

    private Comment answer(StoredComments.Comment c, PlanSnapshot plan, Visitor v) {
        boolean moderator = policy.allows(v.role(), Permission.MODERATE);
        boolean own = v.signedIn() && v.account().id() == c.authorId();
        boolean showText = c.status() == Status.VISIBLE || own || moderator;
        return new Comment(c.id(), c.parentId() == null ? c.id() : c.parentId(), c.parentId(), c.planId(), c.planRevision(),
                c.planVersion(), c.areaId(), c.areaName(), plan.areaNames().get(c.areaId()), c.target(), c.blockCode(),
                c.blockName(), c.blockCode() == null ? null : plan.blockArea().get(c.blockCode()), c.lon(), c.lat(),
                c.author(), c.authorUsername(), c.authorRole(), own, c.status().code(), showText ? c.body() : null,
                c.createdAt(), c.editedAt(), c.moderatedBy(), c.moderatedAt(), c.moderationReason(), c.revision());
    }
}
