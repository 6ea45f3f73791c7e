package org.sdaplanner.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API answers with a 4xx status and a JSON body {@code {"error": message, …}};
 * {@code details} adds fields (e.g. a refused move's outcome).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = new LinkedHashMap<>(details);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public int status() {
        return status;
    }

    /** The JSON body: "error" first, then the details. */
    public Map<String, Object> body() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", getMessage());
        details.forEach(out::putIfAbsent);
        return out;
    }
}
