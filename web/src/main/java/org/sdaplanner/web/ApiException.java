package org.sdaplanner.web;

import org.sdaplanner.web.api.ApiError;

/**
 * A request the API answers with a 4xx status and a JSON body: {@code {"error": message}}, or a
 * typed answer that carries more (a refused move's outcome).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Object body;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** {@code body}: the answer to write (a record with {@code error} first), or null for {@link ApiError}. */
    public ApiException(int status, String message, Object body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /**
     * A request field that is missing, of the wrong type or does not fit its rule: 400 naming the field
     * ({@code maxLength}: the field's limit when the text is too long, else null).
     */
    public static ApiException field(String field, String message, Integer maxLength) {
        return new ApiException(400, message, new ApiError(message, field, maxLength));
    }

    public static ApiException field(String field, String message) {
        return field(field, message, null);
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

    /** The JSON answer. */
    public Object body() {
        return body != null ? body : new ApiError(getMessage());
    }
}
