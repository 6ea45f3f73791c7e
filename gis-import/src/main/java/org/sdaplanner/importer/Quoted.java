package org.sdaplanner.importer;

import org.sdaplanner.core.text.TextRule;

/**
 * A value from a file as a message shows it: in quotes, control characters made visible, and cut
 * at 60 characters, so that a damaged file cannot flood the terminal or hide in the message.
 */
public final class Quoted {
    private static final int MAX = 60;

    private Quoted() {
    }

    public static String of(String raw) {
        if (raw == null) {
            return "nothing";
        }
        String s = raw.length() > MAX ? raw.substring(0, MAX) + "…" : raw;
        return "\"" + TextRule.visible(s) + "\"";
    }
}
