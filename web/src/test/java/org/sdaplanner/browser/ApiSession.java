package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The API as one signed-in account sees it, for the journeys' set-up and checks: signs in with
 * {@code POST /api/session}, then sends the session cookie on every request and the CSRF token on
 * every write, as the page does. Signs in again once when the session has ended.
 */
final class ApiSession {
    private final BrowserServer server;
    private final BrowserServer.Account account;
    private String cookie;
    private String csrf;

    ApiSession(BrowserServer server, BrowserServer.Account account) {
        this.server = server;
        this.account = account;
    }

    private synchronized void signIn() {
        BrowserServer.Response r = server.send("POST", "/api/session",
                BrowserServer.json(Map.of("username", account.username(), "password", account.password())));
        if (r.status() != 200) {
            throw new IllegalStateException("cannot sign in as " + account + ": " + r.status() + " " + r.body());
        }
        cookie = r.setCookies().stream().filter(c -> c.startsWith("sda_session=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie in the sign-in answer"));
        csrf = r.json().path("csrf_token").asText();
    }

    synchronized BrowserServer.Response send(String method, String path, String jsonBody) {
        if (cookie == null) {
            signIn();
        }
        BrowserServer.Response r = server.send(method, path, jsonBody, headers(method));
        if (r.status() == 401) {
            signIn();
            r = server.send(method, path, jsonBody, headers(method));
        }
        return r;
    }

    private Map<String, String> headers(String method) {
        return "GET".equals(method) ? Map.of("Cookie", cookie) : Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
    }

    JsonNode getJson(String path) {
        BrowserServer.Response r = send("GET", path, null);
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + path + " as " + account + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }
}
