package org.sdaplanner.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of account (DOMAIN.md's users), each with a fixed set of permissions. */
public enum Role {
    /** Manages accounts and reads the audit log; can do everything an analyst can. */
    ADMIN("admin"),
    /** Draws and edits plans, answers and moderates comments. */
    ANALYST("analyst"),
    /** NHS and PCN colleagues: read the plans and comment. */
    HEALTH_PARTNER("health-partner"),
    /** Elected members: read the plans and comment. */
    MEMBER("member");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The name used in the API, the CLI and the store. */
    public String code() {
        return code;
    }

    /** Parses a role code (case-insensitive; "health_partner" accepted too). */
    public static Role parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Role r : values()) {
            if (r.code.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': expected one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}
