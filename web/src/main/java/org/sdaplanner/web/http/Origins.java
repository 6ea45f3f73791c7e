package org.sdaplanner.web.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins (scheme, host and port) compared the way browsers mean them: {@code http://Example.org}
 * is {@code http://example.org:80}, and {@code https://example.org} is another origin.
 */
public final class Origins {
    private Origins() {
    }

    /** The origin of an http(s) URL without path, query or user part, in the form scheme://host:port; empty otherwise. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank() || url.length() > 300) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                return Optional.empty();
            }
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The origin a request was made to directly: its scheme and its Host header. */
    public static Optional<String> direct(String scheme, String host) {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
            return Optional.empty();
        }
        return of(scheme + "://" + host.strip());
    }
}
