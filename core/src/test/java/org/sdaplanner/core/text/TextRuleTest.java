package org.sdaplanner.core.text;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.text.TextRule.Kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRuleTest {

    @Test
    void cleanStripsAndChecksTheStoredForm() {
        assertEquals("March", TextRule.clean(Kind.NAME, "name", "  March \t"));
        assertEquals("x".repeat(200), TextRule.clean(Kind.NAME, "name", "x".repeat(200)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextRule.clean(Kind.NAME, "name", "x".repeat(201)));
        assertEquals("name: expected at most 200 characters, found 201", e.getMessage());
        assertEquals("label: expected at most 200 characters, found 250",
                assertThrows(IllegalArgumentException.class, () -> TextRule.clean(Kind.LABEL, "label", "y".repeat(250))).getMessage());
        assertEquals("name: expected a name, found nothing",
                assertThrows(IllegalArgumentException.class, () -> TextRule.clean(Kind.NAME, "name", "  ")).getMessage());
        assertEquals("", TextRule.clean(Kind.LABEL, "label", null), "a label may be empty");
    }

    @Test
    void charactersAreCodePoints() {
        assertTrue(TextRule.problem(Kind.NAME, "🙂".repeat(200)).isEmpty());
        assertTrue(TextRule.problem(Kind.NAME, "🙂".repeat(201)).isPresent());
    }

    @Test
    void controlCharactersAreRefusedButCommentsKeepLineBreaksAndTabs() {
        for (String bad : new String[]{"a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "rlo\u202eevil",
                "line\nbreak", "tab\there", "cr\rhere", "ls\u2028x"}) {
            assertTrue(TextRule.problem(Kind.NAME, bad).isPresent(), bad);
            assertTrue(TextRule.problem(Kind.DISPLAY_NAME, bad).isPresent(), bad);
        }
        assertTrue(TextRule.problem(Kind.COMMENT, "line\nbreak\r\nand\ttab").isEmpty());
        assertTrue(TextRule.problem(Kind.COMMENT, "esc\u001b").isPresent());
        assertEquals("has a control character (U+001B) at position 4: expected a single line of text",
                TextRule.problem(Kind.NAME, "esc\u001b").orElseThrow());
        assertEquals("has a control character (U+0007) at position 2: only line breaks and tabs are allowed",
                TextRule.problem(Kind.COMMENT, "a\u0007").orElseThrow());
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertTrue(TextRule.problem(Kind.NAME, "x\ud800").isPresent());
        assertTrue(TextRule.problem(Kind.NAME, "\udc00x").isPresent());
        assertTrue(TextRule.problem(Kind.NAME, "ok \ud83d\ude42").isEmpty());
    }

    @Test
    void codesAreAsciiWordsThatNoSpreadsheetRuns() {
        for (String ok : new String[]{"E01000001", "D81001", "U", "CB1 1AA", "M04000123", "E38000260", "06H"}) {
            assertTrue(TextRule.problem(Kind.CODE, ok).isEmpty(), ok);
        }
        for (String bad : new String[]{"=1+1", "-2", "+E01", "@SUM", "É01", "E01;DROP", "x".repeat(21), ""}) {
            assertTrue(TextRule.problem(Kind.CODE, bad).isPresent(), bad);
        }
    }

    @Test
    void visibleEscapesWhatATerminalWouldObey() {
        assertEquals("Cllr \\u001b[31mRed\\u0007", TextRule.visible("Cllr \u001b[31mRed\u0007"));
        assertEquals("back\\\\slash", TextRule.visible("back\\slash"), "a literal backslash cannot fake an escape");
        assertEquals("Ann 🙂 \\u202e", TextRule.visible("Ann 🙂 \u202e"));
        assertEquals("", TextRule.visible(null));
    }
}
