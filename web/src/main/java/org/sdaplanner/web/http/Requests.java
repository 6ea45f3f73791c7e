package org.sdaplanner.web.http;

import io.javalin.http.Context;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Features;

/** Reading a request: ids in the path, query parameters and the JSON body, each refused with a clear 4xx. */
public final class Requests {
    private Requests() {
    }

    /** The JSON object body; an empty body counts as {} when {@code emptyAllowed}. */
    public static JsonBody body(Context ctx, boolean emptyAllowed) {
        return JsonBody.parse(ApiJson.MAPPER, ctx.body(), emptyAllowed);
    }

    /** The plan id of the path ({@code {id}}); not a number is "no plan" (404). */
    public static long planId(Context ctx) {
        return id(ctx, "id", "no plan ");
    }

    /** The comment id of the path ({@code {cid}}). */
    public static long commentId(Context ctx) {
        return id(ctx, "cid", "no comment ");
    }

    /** The version number of the path ({@code {version}}). */
    public static int version(Context ctx) {
        long v = id(ctx, "version", "no version ");
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw ApiException.notFound("no version " + v);
        }
        return (int) v;
    }

    private static long id(Context ctx, String param, String notFound) {
        String raw = ctx.pathParam(param);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound(notFound + raw);
        }
    }

    /** The optional {@code zoom} query parameter: an integer 0 … {@value Features#MAX_ZOOM}. */
    public static Integer zoom(Context ctx) {
        String z = ctx.queryParam("zoom");
        if (z == null || z.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(z.strip());
            if (v >= 0 && v <= Features.MAX_ZOOM) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.field("zoom", "'zoom' must be an integer from 0 to " + Features.MAX_ZOOM);
    }

    /** An optional integer query parameter within bounds. */
    public static Integer intParam(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.field(name, "'" + name + "' must be an integer from " + min + " to " + max);
    }

    /** Whether {@code ?format=} asks for CSV rather than JSON (the default); anything else is a 400. */
    public static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw ApiException.field("format", "'format' must be json or csv");
    }

    /** An optional number query parameter within bounds. */
    public static Double numberParam(Context ctx, String name, double min, double max) {
        String raw = optionalQuery(ctx, name, TextRule.Kind.ID);
        if (raw == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.field(name, "'" + name + "' must be a number from " + (long) min + " to " + (long) max);
    }

    /** An optional true/false query parameter. */
    public static Boolean booleanParam(Context ctx, String name) {
        String raw = optionalQuery(ctx, name, TextRule.Kind.ID);
        if (raw == null) {
            return null;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return raw.equals("true");
        }
        throw ApiException.field(name, "'" + name + "' must be true or false");
    }

    /** A query parameter held to its text kind (stripped), or null when absent or blank. */
    public static String optionalQuery(Context ctx, String name, TextRule.Kind kind) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : FieldText.check(name, kind, s);
    }

    /** A text parameter of the path ({@code {name}}) held to its kind: 400 naming it before any lookup. */
    public static String pathText(Context ctx, String name, TextRule.Kind kind) {
        return FieldText.check(name, kind, ctx.pathParam(name));
    }
}
