package org.sdaplanner.core.access;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.access.CommentRules.Refusal;
import org.sdaplanner.core.access.CommentRules.Status;

import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role table, the comment rules and the password rules, case by case. */
class AccessRulesTest {
    private static final AccessPolicy PUBLIC = new AccessPolicy(true);
    private static final AccessPolicy PRIVATE = new AccessPolicy(false);

    @Test
    void anonymousVisitorsOnlyViewAndOnlyWhilePublicAccessIsOn() {
        for (Permission p : Permission.values()) {
            assertEquals(p == Permission.VIEW_PLANS, PUBLIC.allows(Optional.empty(), p), p.name());
            assertFalse(PRIVATE.allows(Optional.empty(), p), p.name());
        }
    }

    @Test
    void eachRoleHasItsPermissions() {
        EnumSet<Permission> signedIn = EnumSet.of(Permission.VIEW_PLANS, Permission.READ_COMMENTS, Permission.COMMENT,
                Permission.OWN_ACCOUNT);
        assertEquals(signedIn, AccessPolicy.permissions(Role.MEMBER));
        assertEquals(signedIn, AccessPolicy.permissions(Role.HEALTH_PARTNER));
        EnumSet<Permission> analyst = EnumSet.copyOf(signedIn);
        analyst.add(Permission.MODERATE);
        analyst.add(Permission.EDIT_PLANS);
        assertEquals(analyst, AccessPolicy.permissions(Role.ANALYST));
        assertEquals(EnumSet.allOf(Permission.class), AccessPolicy.permissions(Role.ADMIN));
        // signed-in roles do not depend on public access
        for (Role r : Role.values()) {
            for (Permission p : Permission.values()) {
                assertEquals(PUBLIC.allows(Optional.of(r), p), PRIVATE.allows(Optional.of(r), p));
            }
        }
    }

    @Test
    void roleCodes() {
        assertEquals(Role.HEALTH_PARTNER, Role.parse("Health_Partner"));
        assertEquals(Role.ADMIN, Role.parse(" admin "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.parse("mayor"));
        assertTrue(e.getMessage().contains("admin, analyst, health-partner, member"), e.getMessage());
    }

    @Test
    void commentText() {
        assertTrue(CommentRules.textProblem("<script>x</script>").isEmpty(), "markup is text like any other");
        assertTrue(CommentRules.textProblem("line\nbreak\ttab").isEmpty());
        assertTrue(CommentRules.textProblem("   ").isPresent());
        assertTrue(CommentRules.textProblem(null).isPresent());
        assertTrue(CommentRules.textProblem("bell\u0007").isPresent());
        assertTrue(CommentRules.textProblem("x".repeat(CommentRules.MAX_LENGTH)).isEmpty());
        assertTrue(CommentRules.textProblem("x".repeat(CommentRules.MAX_LENGTH + 1)).isPresent());
        // characters, not UTF-16 units: 4,000 emoji are allowed
        assertTrue(CommentRules.textProblem("🙂".repeat(CommentRules.MAX_LENGTH)).isEmpty());
    }

    @Test
    void onlyTheAuthorChangesAVisibleComment() {
        assertTrue(CommentRules.authorChangeProblem(1, 1, Status.VISIBLE).isEmpty());
        assertEquals(Refusal.Kind.FORBIDDEN, CommentRules.authorChangeProblem(1, 2, Status.VISIBLE).orElseThrow().kind());
        assertEquals(Refusal.Kind.CONFLICT, CommentRules.authorChangeProblem(1, 1, Status.HIDDEN).orElseThrow().kind());
        assertEquals(Refusal.Kind.CONFLICT, CommentRules.authorChangeProblem(1, 1, Status.WITHDRAWN).orElseThrow().kind());
    }

    @Test
    void moderationNeedsAReasonAndTheRightState() {
        assertTrue(CommentRules.moderationProblem(Status.VISIBLE, Status.HIDDEN, "abusive").isEmpty());
        assertTrue(CommentRules.moderationProblem(Status.HIDDEN, Status.VISIBLE, "reviewed").isEmpty());
        assertEquals(Refusal.Kind.INVALID, CommentRules.moderationProblem(Status.VISIBLE, Status.HIDDEN, " ").orElseThrow().kind());
        assertEquals(Refusal.Kind.INVALID, CommentRules.moderationProblem(Status.VISIBLE, Status.HIDDEN, "x".repeat(501))
                .orElseThrow().kind());
        assertEquals(Refusal.Kind.CONFLICT, CommentRules.moderationProblem(Status.HIDDEN, Status.HIDDEN, "again").orElseThrow().kind());
        assertEquals(Refusal.Kind.CONFLICT, CommentRules.moderationProblem(Status.WITHDRAWN, Status.HIDDEN, "x").orElseThrow().kind());
        assertEquals(Refusal.Kind.CONFLICT, CommentRules.moderationProblem(Status.VISIBLE, Status.VISIBLE, "x").orElseThrow().kind());
        assertEquals(Status.WITHDRAWN, Status.parse("withdrawn"));
        assertThrows(IllegalArgumentException.class, () -> Status.parse("deleted"));
    }

    @Test
    void passwords() {
        assertTrue(PasswordRules.problem("correct horse battery", "ana").isEmpty());
        assertTrue(PasswordRules.problem("short", "ana").orElseThrow().contains("at least 10"));
        assertTrue(PasswordRules.problem("my name is ANA ok", "ana").orElseThrow().contains("user name"));
        assertTrue(PasswordRules.problem("é".repeat(37), "x").orElseThrow().contains("72 bytes"), "74 bytes in UTF-8");
        assertTrue(PasswordRules.problem(null, "x").isPresent());
    }
}
