package org.sdaplanner.web.http;

import io.javalin.http.Context;
import org.sdaplanner.web.CachedBody;

import java.util.function.Supplier;

/** Writing an answer: JSON (through {@link ApiJson}), created resources, cached layers and files to download. */
public final class Responses {
    private static final String CSV = "text/csv; charset=utf-8";

    private Responses() {
    }

    /** 201 with the new resource's address and the answer. */
    public static void created(Context ctx, Object body, String location) {
        ctx.status(201).header("Location", location).json(body);
    }

    /** A body computed once, with its ETag: 304 when the client has it already. */
    public static void cached(Context ctx, CachedBody body) {
        ctx.header("ETag", body.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding");
        if (body.matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(body.contentType()).result(body.bytes());
    }

    /**
     * A JSON answer serialised once and kept, written as {@code ctx.json} would write it (same bytes and
     * headers; no ETag, which the API never promised for these).
     */
    public static void json(Context ctx, CachedBody body) {
        ctx.contentType(body.contentType()).result(body.bytes());
    }

    /** JSON by default, or with {@code ?format=csv} the same as a CSV file to download under {@code fileName}. */
    public static void jsonOrCsv(Context ctx, String fileName, Supplier<Object> json, Supplier<String> csv) {
        if (Requests.wantsCsv(ctx)) {
            csv(ctx, fileName, csv.get());
        } else {
            ctx.json(json.get());
        }
    }

    /** A CSV file to download under {@code fileName}. */
    public static void csv(Context ctx, String fileName, String text) {
        ctx.contentType(CSV).header("Content-Disposition", attachment(fileName)).result(text);
    }

    /** A file to download under {@code fileName}. */
    public static void file(Context ctx, String contentType, String fileName, byte[] bytes) {
        ctx.contentType(contentType).header("Content-Disposition", attachment(fileName)).result(bytes);
    }

    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
