package org.sdaplanner.store;

import org.sdaplanner.core.access.CommentRules;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments.Comment;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.store.StoredComments.NewComment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.sdaplanner.store.Jdbc.insert;
import static org.sdaplanner.store.Jdbc.now;
import static org.sdaplanner.store.Jdbc.query;
import static org.sdaplanner.store.Jdbc.queryOne;
import static org.sdaplanner.store.Jdbc.update;

/**
 * Comments on plans. A comment is committed before its writer is answered, so an acknowledged
 * comment is on disk. Text is stored exactly as written. Every change (edit, withdraw, hide,
 * restore) is checked against {@link CommentRules} and the comment's revision inside the same
 * transaction; moderation writes its audit line in that transaction too.
 */
public final class CommentRepository {
    private static final String SELECT = "SELECT c.id, c.plan_id, c.parent_id, c.plan_revision, c.plan_version, c.area_id,"
            + " c.area_name, c.target, c.block_code, c.block_name, c.lon, c.lat, c.author_id, a.display_name, a.role, c.body,"
            + " c.status, c.created_at, c.edited_at, m.display_name, c.moderated_at, c.moderation_reason, c.revision,"
            + " a.username"
            + " FROM plan_comment c JOIN account a ON a.id = c.author_id LEFT JOIN account m ON m.id = c.moderated_by";

    private final Jdbc jdbc;

    public CommentRepository(SpatialStore store) {
        this.jdbc = new Jdbc(store);
    }

    public Comment add(NewComment n) {
        CommentRules.textProblem(n.body()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return jdbc.transaction("cannot store the comment", c -> {
            if (n.parentId() != null) {
                Comment parent = find(c, n.parentId()).filter(p -> p.planId() == n.planId())
                        .orElseThrow(() -> new NotFoundException("no comment " + n.parentId() + " on plan " + n.planId()));
                if (parent.parentId() != null) {
                    throw new IllegalArgumentException("replies go to the first comment of a thread (" + parent.parentId() + ")");
                }
            }
            long id = insert(c, "INSERT INTO plan_comment (plan_id, parent_id, plan_revision, plan_version, area_id, area_name,"
                            + " target, block_code, block_name, lon, lat, author_id, body, status, created_at, revision)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    n.planId(), n.parentId(), n.planRevision(), n.planVersion(), n.areaId(), n.areaName(), n.target(),
                    n.blockCode(), n.blockName(), n.lon(), n.lat(), n.authorId(), n.body(), Status.VISIBLE.code(), now(), 0L);
            return find(c, id).orElseThrow();
        });
    }

    public Optional<Comment> find(long id) {
        return jdbc.read("cannot read comment " + id, c -> find(c, id));
    }

    /** A plan's comments, oldest first (threads are put together by the caller from parent ids). */
    public List<Comment> list(long planId, Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE c.plan_id = ?");
        List<Object> params = new ArrayList<>(List.of(planId));
        if (f.areaId() != null) {
            sql.append(" AND c.area_id = ?");
            params.add(f.areaId());
        }
        if (f.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(f.status().code());
        }
        if (f.target() != null) {
            sql.append(" AND c.target = ?");
            params.add(f.target());
        }
        if (f.author() != null) {
            sql.append(" AND a.username = ?");
            params.add(f.author());
        }
        if (f.blockCode() != null) {
            sql.append(" AND c.block_code = ?");
            params.add(f.blockCode());
        }
        sql.append(" ORDER BY c.id");
        return jdbc.read("cannot list the comments of plan " + planId, c -> query(c, sql.toString(), params,
                CommentRepository::comment));
    }

    public long count(long planId) {
        return jdbc.read("cannot count the comments of plan " + planId, c -> queryOne(c,
                "SELECT COUNT(*) FROM plan_comment WHERE plan_id = ?", List.of(planId), rs -> rs.getLong(1)).orElse(0L));
    }

    /** The author changes the text of a visible comment. */
    public Comment edit(long id, long actorId, String body, Long revision) {
        CommentRules.textProblem(body).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return change(id, revision, (c, before) -> {
            refuse(CommentRules.authorChangeProblem(before.authorId(), actorId, before.status()));
            update(c, "UPDATE plan_comment SET body = ?, edited_at = ? WHERE id = ?", body, now(), id);
        });
    }

    /** The author withdraws a visible comment: it stays in the record, marked withdrawn, its text kept. */
    public Comment withdraw(long id, long actorId, Long revision) {
        return change(id, revision, (c, before) -> {
            refuse(CommentRules.authorChangeProblem(before.authorId(), actorId, before.status()));
            update(c, "UPDATE plan_comment SET status = ?, edited_at = ? WHERE id = ?", Status.WITHDRAWN.code(), now(), id);
        });
    }

    /** An analyst or admin hides ({@code target} HIDDEN) or restores (VISIBLE) a comment, with a reason. */
    public Comment moderate(long id, Status target, String reason, long moderatorId, Long revision, Actor actor) {
        return change(id, revision, (c, before) -> {
            refuse(CommentRules.moderationProblem(before.status(), target, reason));
            update(c, "UPDATE plan_comment SET status = ?, moderated_by = ?, moderated_at = ?, moderation_reason = ? WHERE id = ?",
                    target.code(), moderatorId, now(), reason.strip(), id);
            AccountRepository.audit(c, actor, target == Status.HIDDEN ? StoredAccounts.COMMENT_HIDDEN
                    : StoredAccounts.COMMENT_RESTORED, "comment " + id + " on plan " + before.planId(), reason.strip());
        });
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, Comment before) throws SQLException;
    }

    private Comment change(long id, Long revision, Change change) {
        return jdbc.transaction("cannot change comment " + id, c -> {
            Comment before = find(c, id).orElseThrow(() -> new NotFoundException("no comment " + id));
            if (revision != null && revision != before.revision()) {
                throw new RevisionConflictException("comment " + id, revision, before.revision());
            }
            change.apply(c, before);
            update(c, "UPDATE plan_comment SET revision = revision + 1 WHERE id = ?", id);
            return find(c, id).orElseThrow();
        });
    }

    /** Thrown when a rule refuses a change to a comment; says why and of which kind the refusal is. */
    public static final class RefusedException extends RuntimeException {
        private final CommentRules.Refusal refusal;

        RefusedException(CommentRules.Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }

        public CommentRules.Refusal.Kind kind() {
            return refusal.kind();
        }
    }

    private static void refuse(Optional<CommentRules.Refusal> problem) {
        if (problem.isPresent()) {
            throw new RefusedException(problem.get());
        }
    }

    private static Optional<Comment> find(Connection c, long id) throws SQLException {
        return queryOne(c, SELECT + " WHERE c.id = ?", List.of(id), CommentRepository::comment);
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        int version = rs.getInt(5);
        Integer planVersion = rs.wasNull() ? null : version;
        double lon = rs.getDouble(11);
        Double lonV = rs.wasNull() ? null : lon;
        double lat = rs.getDouble(12);
        Double latV = rs.wasNull() ? null : lat;
        return new Comment(rs.getLong(1), rs.getLong(2), parentId, rs.getLong(4), planVersion, rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), lonV, latV, rs.getLong(13), rs.getString(14),
                rs.getString(15), rs.getString(16), Status.parse(rs.getString(17)), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getString(22), rs.getLong(23), rs.getString(24));
    }
}
