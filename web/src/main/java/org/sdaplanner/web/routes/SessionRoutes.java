package org.sdaplanner.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.api.PasswordChange;
import org.sdaplanner.web.api.Session;
import org.sdaplanner.web.api.SignIn;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.auth.Authenticator;
import org.sdaplanner.web.auth.Visitor;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;

import java.util.List;
import java.util.Locale;

/** Signing in and out, who is signed in, and changing one's own password. */
public final class SessionRoutes implements RouteGroup {
    private final Authenticator auth;
    private final AccountAdmin admin;
    private final AccessPolicy policy;
    private final boolean secureCookies;

    public SessionRoutes(Authenticator auth, AccountAdmin admin, AccessPolicy policy, boolean secureCookies) {
        this.auth = auth;
        this.admin = admin;
        this.policy = policy;
        this.secureCookies = secureCookies;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/session", null, ctx -> ctx.json(session(routes.visitor(ctx))));
        routes.uncountedWrite(HandlerType.POST, "/api/session", null, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            SignIn in = new SignIn(body.requiredText("username", TextRule.Kind.USERNAME),
                    body.password("password", true));
            Authenticator.SignedIn signedIn = auth.login(in.username(), in.password(), GuardedRoutes.remote(ctx));
            ctx.header("Set-Cookie", cookie(ctx, signedIn.token(), (int) Authenticator.SESSION_LIFETIME.toSeconds()));
            routes.signedIn(ctx, signedIn.visitor());
            ctx.json(session(signedIn.visitor()));
        });
        routes.uncountedWrite(HandlerType.DELETE, "/api/session", null, ctx -> {
            auth.logout(routes.visitor(ctx), GuardedRoutes.remote(ctx));
            ctx.header("Set-Cookie", cookie(ctx, "", 0));
            ctx.status(204);
        });
        routes.post("/api/session/password", Permission.OWN_ACCOUNT, ctx -> {
            Visitor v = routes.visitor(ctx);
            JsonBody body = Requests.body(ctx, false);
            PasswordChange change = new PasswordChange(body.password("current", true), body.password("new", true));
            admin.changeOwnPassword(v.account(), change.current(), change.next(), v.tokenDigest(), routes.actor(ctx));
            ctx.status(204);
        });
    }

    private Session session(Visitor v) {
        if (v.signedIn()) {
            return new Session(true, policy.publicRead(), AccountAnswers.account(v.account()),
                    AccessPolicy.permissions(v.account().role()).stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted()
                            .toList(), v.csrfToken());
        }
        return new Session(false, policy.publicRead(), null, policy.publicRead() ? List.of("view_plans") : List.of(), null);
    }

    /** The session cookie: never readable by scripts, never sent by other sites, Secure over HTTPS. */
    private String cookie(Context ctx, String token, int maxAge) {
        boolean secure = secureCookies || "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return GuardedRoutes.SESSION_COOKIE + "=" + token + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
