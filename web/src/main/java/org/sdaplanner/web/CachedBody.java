package org.sdaplanner.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A response body computed once and served many times, with a strong ETag (a hash of the bytes). */
public record CachedBody(byte[] bytes, String etag, String contentType) {

    public static CachedBody of(byte[] bytes, String contentType) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new CachedBody(bytes, '"' + HexFormat.of().formatHex(d, 0, 12) + '"', contentType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an If-None-Match header names this body's ETag (or is *). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
    }
}
