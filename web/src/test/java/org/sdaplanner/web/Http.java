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

/** A small client for the API tests: java.net.http with JSON bodies and the X-User header. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base;
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
        if (body != null) {
            h.add("Content-Type");
            h.add("application/json");
        }
        for (int i = 0; i + 1 < h.size(); i += 2) {
            b.header(h.get(i), h.get(i + 1));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return wrap(client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
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
