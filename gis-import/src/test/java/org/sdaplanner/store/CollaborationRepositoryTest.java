package org.sdaplanner.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.CommentRules.Refusal;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.StoredAccounts.Account;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments.Comment;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.store.StoredComments.NewComment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts, sessions, comments and the audit log on both stores, with the same tests (one SQL
 * text for H2GIS and PostGIS: nulls, generated ids, timestamps and joins behave the same).
 */
class CollaborationRepositoryTest {
    private static final Actor ADMIN = new Actor("admin", "test");

    abstract static class Contract {
        SpatialStore store;
        AccountRepository accounts;
        CommentRepository comments;
        long plan;

        abstract SpatialStore openStore() throws Exception;

        @BeforeEach
        void open() throws Exception {
            store = openStore();
            accounts = new AccountRepository(store);
            comments = new CommentRepository(store);
            plan = new PlanRepository(store).create(PlanRepositoryTest.samplePlan("Consulted"), "ana").id();
        }

        private NewComment onArea(long author, String text) {
            return new NewComment(plan, null, 0, null, "SDA01", "Ely", StoredComments.AREA, null, null, null, null, author, text);
        }

        @Test
        void accountsSessionsAndTheirAudit() {
            Account a = accounts.add("Cllr.Smith", "Cllr Smith", Role.MEMBER, "$2a$11$hash", ADMIN);
            assertEquals("cllr.smith", a.username());
            assertThrows(IllegalArgumentException.class, () -> accounts.add("cllr.smith", null, Role.MEMBER, "h", ADMIN));
            assertThrows(IllegalArgumentException.class, () -> accounts.add("no spaces", null, Role.MEMBER, "h", ADMIN));
            assertEquals("$2a$11$hash", accounts.credentials("CLLR.SMITH").orElseThrow().passwordHash());

            accounts.startSession(a, "digest-1", "csrf-1", Instant.now().plusSeconds(3600), new Actor("cllr.smith", "test"));
            accounts.startSession(a, "digest-old", "csrf-2", Instant.now().minusSeconds(1), new Actor("cllr.smith", "test"));
            assertEquals("csrf-1", accounts.session("digest-1").orElseThrow().csrfToken());
            assertTrue(accounts.session("digest-old").isEmpty(), "expired");
            Account promoted = accounts.setRole("cllr.smith", Role.ANALYST, 0L, ADMIN);
            assertEquals(Role.ANALYST, promoted.role());
            assertEquals(1, promoted.revision());
            assertThrows(RevisionConflictException.class, () -> accounts.setDisabled("cllr.smith", true, 0L, ADMIN));
            accounts.setDisabled("cllr.smith", true, 1L, ADMIN);
            assertTrue(accounts.session("digest-1").isEmpty(), "disabling ends sessions");
            assertThrows(NotFoundException.class, () -> accounts.setRole("nobody", Role.ADMIN, null, ADMIN));

            List<String> actions = accounts.auditLog(10, null).stream().map(StoredAccounts.AuditEvent::action).toList();
            assertEquals(List.of("account-disabled", "role-changed", "login", "login", "account-added"), actions);
            assertEquals("member -> analyst", accounts.auditLog(1, "role-changed").get(0).detail());
        }

        @Test
        void commentsThreadsEditsAndModeration() {
            long author = accounts.add("cllr-a", null, Role.MEMBER, "h", ADMIN).id();
            long other = accounts.add("cllr-b", null, Role.MEMBER, "h", ADMIN).id();
            long moderator = accounts.add("ana", null, Role.ANALYST, "h", ADMIN).id();
            Comment c = comments.add(onArea(author, "  <b>as written</b>\n"));
            assertEquals("  <b>as written</b>\n", c.body());
            assertNull(c.parentId());
            assertNull(c.planVersion());
            assertNull(c.lon());
            assertEquals("cllr-a", c.author());
            Comment point = comments.add(new NewComment(plan, null, 3, 2, "SDA02", "March", StoredComments.POINT, "C", "Parish C",
                    0.25, 52.4, other, "here"));
            assertEquals(0.25, point.lon());
            assertEquals(2, point.planVersion());
            Comment reply = comments.add(new NewComment(plan, c.id(), 0, null, "SDA01", "Ely", StoredComments.AREA, null, null,
                    null, null, other, "reply"));
            assertEquals(c.id(), reply.parentId());
            assertThrows(IllegalArgumentException.class, () -> comments.add(new NewComment(plan, reply.id(), 0, null, "SDA01",
                    "Ely", StoredComments.AREA, null, null, null, null, other, "a reply to a reply is refused here")));
            assertThrows(NotFoundException.class, () -> comments.add(new NewComment(plan, 999_999L, 0, null, "SDA01", "Ely",
                    StoredComments.AREA, null, null, null, null, other, "no parent")));

            CommentRepository.RefusedException notAuthor = assertThrows(CommentRepository.RefusedException.class,
                    () -> comments.edit(c.id(), other, "hijack", null));
            assertEquals(Refusal.Kind.FORBIDDEN, notAuthor.kind());
            Comment edited = comments.edit(c.id(), author, "edited", 0L);
            assertEquals(1, edited.revision());
            assertThrows(RevisionConflictException.class, () -> comments.edit(c.id(), author, "stale", 0L));
            Comment hidden = comments.moderate(c.id(), Status.HIDDEN, "off topic", moderator, null, new Actor("ana", "test"));
            assertEquals(Status.HIDDEN, hidden.status());
            assertEquals("ana", hidden.moderatedBy());
            assertEquals(Refusal.Kind.CONFLICT, assertThrows(CommentRepository.RefusedException.class,
                    () -> comments.withdraw(c.id(), author, null)).kind());
            assertEquals("off topic", accounts.auditLog(1, "comment-hidden").get(0).detail());

            assertEquals(3, comments.list(plan, Filter.all()).size());
            assertEquals(List.of(point.id()), comments.list(plan, new Filter(null, null, StoredComments.POINT, null, null)).stream()
                    .map(Comment::id).toList());
            assertEquals(List.of(c.id()), comments.list(plan, new Filter("SDA01", Status.HIDDEN, null, "cllr-a", null)).stream()
                    .map(Comment::id).toList());
            assertEquals(List.of(point.id()), comments.list(plan, new Filter(null, null, null, null, "C")).stream()
                    .map(Comment::id).toList());
            assertEquals(3, comments.count(plan));
            assertThrows(StoreConflictException.class, () -> new PlanRepository(store).delete(plan),
                    "a plan with comments is not deleted");
        }

        @Test
        void renamingAnAreaKeepsItsIdAndBumpsTheRevision() {
            PlanRepository plans = new PlanRepository(store);
            long rev = plans.renameArea(plan, 0, "SDA01", "Ely and Villages", "ana");
            assertEquals(1, rev);
            assertEquals("Ely and Villages", plans.load(plan).areas().get(0).name());
            assertThrows(PlanConflictException.class, () -> plans.renameArea(plan, 0, "SDA01", "Stale", "ben"));
            assertEquals(StoredPlans.RENAME_AREA, plans.audit(plan).get(0).kind());
            assertEquals(List.of("Ely"), plans.audit(plan).get(0).from());
        }
    }

    @Nested
    class OnH2gis extends Contract {
        @TempDir
        Path dir;

        @Override
        SpatialStore openStore() {
            return SpatialStore.open("jdbc:h2:file:" + dir.resolve("db"));
        }
    }

    @Nested
    class OnPostgis extends Contract {
        SchemaStore schema;

        @Override
        SpatialStore openStore() throws Exception {
            schema = SchemaStore.create("sda_collab_test_");
            return schema.store;
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
