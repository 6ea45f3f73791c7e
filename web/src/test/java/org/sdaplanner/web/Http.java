package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A small client for the API tests: java.net.http with JSON bodies. Anonymous, or signed in
 * ({@link #signIn}): then it sends the session cookie, and the CSRF token on every write.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String cookie;
    private final String csrf;

    Http(String base) {
        this(base, null, null);
    }

    private Http(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** A client signed in as this user (the sign-in must succeed). */
    Http signIn(String username, String password) {
        Response r = post("/api/session", json(java.util.Map.of("username", username, "password", password)));
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r);
        }
        String setCookie = r.header("Set-Cookie");
        String token = setCookie.substring(0, setCookie.indexOf(';'));
        return new Http(base, token, r.json().path("csrf_token").asText());
    }

    /** The same session without its CSRF token (to show that writes need it). */
    Http withoutCsrf() {
        return new Http(base, cookie, null);
    }

    String csrfToken() {
        return csrf;
    }

    String base() {
        return base;
    }

    record Response(int status, HttpResponse<byte[]> raw) {
        String text() {
            return new String(body(), StandardCharsets.UTF_8);
        }

        /** The body, gunzipped when the server compressed it. */
        byte[] body() {
            byte[] b = raw.body();
            if ("gzip".equalsIgnoreCase(header("Content-Encoding"))) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return b;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        List<String> h = new ArrayList<>(List.of(headers));
        if (body != null && !h.contains("Content-Type")) {
            h.add("Content-Type");
            h.add("application/json");
        }
        if (cookie != null) {
            h.add("Cookie");
            h.add(cookie);
        }
        if (csrf != null && !method.equals("GET")) {
            h.add("X-CSRF-Token");
            h.add(csrf);
        }
        for (int i = 0; i + 1 < h.size(); i += 2) {
            b.header(h.get(i), h.get(i + 1));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return wrap(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response wrap(HttpResponse<byte[]> r) {
        return new Response(r.statusCode(), r);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
