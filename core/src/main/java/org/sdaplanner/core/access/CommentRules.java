package org.sdaplanner.core.access;

import org.sdaplanner.core.text.TextRule;

import java.util.Optional;

/**
 * What may be done to a comment: its author edits or withdraws it while it is visible; analysts
 * and admins hide it and restore it, always giving a reason. Text is kept exactly as written
 * (it is rendered as text, never as HTML), within a length limit.
 */
public final class CommentRules {
    public static final int MAX_LENGTH = TextRule.Kind.COMMENT.maxLength();
    public static final int MAX_REASON_LENGTH = TextRule.Kind.REASON.maxLength();

    /** A comment's state: visible, withdrawn by its author, or hidden by a moderator. */
    public enum Status {
        VISIBLE("visible"), WITHDRAWN("withdrawn"), HIDDEN("hidden");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status parse(String text) {
            for (Status s : values()) {
                if (s.code.equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown comment status '" + text + "': expected visible, withdrawn or hidden");
        }
    }

    /** Why a change is refused: the request is invalid, the actor may not, or the comment's state forbids it. */
    public record Refusal(Kind kind, String message) {
        public enum Kind { INVALID, FORBIDDEN, CONFLICT }
    }

    private CommentRules() {
    }

    /** Why this text cannot be a comment, or empty when it can. */
    public static Optional<String> textProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("a comment needs some text");
        }
        return TextRule.problem(TextRule.Kind.COMMENT, text).map(p -> "comment: " + p);
    }

    /** Why the actor cannot edit or withdraw this comment, or empty when they can. */
    public static Optional<Refusal> authorChangeProblem(long authorId, long actorId, Status status) {
        if (authorId != actorId) {
            return Optional.of(new Refusal(Refusal.Kind.FORBIDDEN, "only its author can edit or withdraw a comment"));
        }
        if (status != Status.VISIBLE) {
            return Optional.of(new Refusal(Refusal.Kind.CONFLICT,
                    "the comment is " + status.code() + " and can no longer be changed"));
        }
        return Optional.empty();
    }

    /** Why a moderator cannot move this comment to {@code target} (hidden or visible), or empty. */
    public static Optional<Refusal> moderationProblem(Status current, Status target, String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new Refusal(Refusal.Kind.INVALID, "hiding or restoring a comment needs a reason"));
        }
        Optional<String> bad = TextRule.problem(TextRule.Kind.REASON, reason.strip());
        if (bad.isPresent()) {
            return Optional.of(new Refusal(Refusal.Kind.INVALID, "reason: " + bad.get()));
        }
        if (target == Status.HIDDEN && current != Status.VISIBLE) {
            return Optional.of(new Refusal(Refusal.Kind.CONFLICT,
                    "only a visible comment can be hidden (this one is " + current.code() + ")"));
        }
        if (target == Status.VISIBLE && current != Status.HIDDEN) {
            return Optional.of(new Refusal(Refusal.Kind.CONFLICT,
                    "only a hidden comment can be restored (this one is " + current.code() + ")"));
        }
        return Optional.empty();
    }
}
