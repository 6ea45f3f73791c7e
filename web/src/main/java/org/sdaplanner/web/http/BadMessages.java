package org.sdaplanner.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.sdaplanner.web.api.ApiError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Requests the HTTP server refuses before any route sees them (a NUL or a broken escape in the URL, a header
 * too large) are answered in JSON too, like every other refusal, instead of Jetty's HTML page.
 */
public final class BadMessages extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        String message = "the request could not be read (" + (reason == null ? "bad request" : reason.toLowerCase(java.util.Locale.ROOT))
                + "): check the address for control characters or broken % escapes";
        try {
            return ByteBuffer.wrap(ApiJson.MAPPER.writeValueAsString(new ApiError(message)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return ByteBuffer.wrap("{\"error\":\"the request could not be read\"}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
