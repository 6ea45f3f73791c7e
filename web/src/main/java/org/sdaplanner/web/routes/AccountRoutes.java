package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.StoredAccounts;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.AccountChange;
import org.sdaplanner.web.api.AccountCreate;
import org.sdaplanner.web.api.PasswordReset;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;

/** The admin's routes: accounts (add, change role, disable, reset password) and the security audit log. */
public final class AccountRoutes implements RouteGroup {
    private final AccountAdmin admin;
    private final AccountRepository accounts;

    public AccountRoutes(AccountAdmin admin, AccountRepository accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/accounts", Permission.MANAGE_ACCOUNTS,
                ctx -> ctx.json(admin.list().stream().map(AccountAnswers::account).toList()));
        routes.post("/api/accounts", Permission.MANAGE_ACCOUNTS, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            AccountCreate a = new AccountCreate(body.requiredText("username", TextRule.Kind.USERNAME),
                    body.optionalText("display_name", TextRule.Kind.DISPLAY_NAME), role(body.requiredText("role", TextRule.Kind.ID)),
                    body.password("password", false));
            AccountAdmin.WithPassword added = admin.add(a.username(), a.displayName(), a.role(), a.password(), routes.actor(ctx));
            Responses.created(ctx, AccountAnswers.withPassword(added), "/api/accounts/" + added.account().username());
        });
        routes.patch("/api/accounts/{username}", Permission.MANAGE_ACCOUNTS, ctx -> {
            String username = Requests.pathText(ctx, "username", TextRule.Kind.USERNAME);
            JsonBody body = Requests.body(ctx, false);
            Long revision = body.optionalLong("revision");
            AccountChange change = new AccountChange(body.optionalText("role", TextRule.Kind.ID), body.optionalBoolean("disabled"),
                    revision);
            if (change.role() != null) {
                role(change.role());
            }
            if (change.role() == null && change.disabled() == null) {
                throw ApiException.badRequest("give 'role' and/or 'disabled'");
            }
            StoredAccounts.Account a = admin.find(username)
                    .orElseThrow(() -> ApiException.notFound("no account named '" + username + "'"));
            if (change.role() != null && role(change.role()) != a.role()) {
                a = admin.setRole(username, role(change.role()), revision, routes.actor(ctx));
                revision = revision == null ? null : a.revision();
            }
            if (change.disabled() != null && change.disabled() != a.disabled()) {
                a = admin.setDisabled(username, change.disabled(), revision, routes.actor(ctx));
            }
            ctx.json(AccountAnswers.account(a));
        });
        routes.post("/api/accounts/{username}/password", Permission.MANAGE_ACCOUNTS, ctx -> {
            String username = Requests.pathText(ctx, "username", TextRule.Kind.USERNAME);
            PasswordReset reset = new PasswordReset(Requests.body(ctx, true).password("password", false));
            ctx.json(AccountAnswers.withPassword(admin.resetPassword(username, reset.password(),
                    routes.actor(ctx))));
        });
        routes.get("/api/audit-log", Permission.MANAGE_ACCOUNTS, ctx -> {
            Integer limit = Requests.intParam(ctx, "limit", 1, 10_000);
            ctx.json(accounts.auditLog(limit == null ? 500 : limit, Requests.optionalQuery(ctx, "action", TextRule.Kind.ID)).stream()
                    .map(AccountAnswers::audit).toList());
        });
    }

    /** A role by its code; another value is refused naming the field. */
    private static Role role(String code) {
        try {
            return Role.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("role", "'role': expected one of " + Role.codes());
        }
    }
}
