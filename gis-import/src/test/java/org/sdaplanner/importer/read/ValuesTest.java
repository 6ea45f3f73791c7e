package org.sdaplanner.importer.read;

import org.junit.jupiter.api.Test;
import org.sdaplanner.importer.InputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts as official tables write them: plain digits (the quick path), separators, whole decimals; nothing else. */
class ValuesTest {

    private static long count(String raw) {
        return Values.count("f.csv", 7, "patients", raw);
    }

    @Test
    void countsAreReadAsTheirTablesMeanThem() {
        assertEquals(0, count("0"));
        assertEquals(7, count(" 007 "));
        assertEquals(123_456_789_012_345_678L, count("123456789012345678"), "18 digits, the longest quick one");
        assertEquals(1_944, count("1,944"));
        assertEquals(12, count("12.0"));
        assertEquals(5, count("+5"));
        assertEquals(1_234_567_890_123_456_789L, count("1234567890123456789"), "19 digits take the long way, as before");
    }

    @Test
    void whatIsNotACountIsRefusedNamingTheRowAndColumn() {
        for (String bad : new String[] {"", "  ", "-1", "1.5", "12a", "1 000"}) {
            InputException e = assertThrows(InputException.class, () -> count(bad), bad);
            assertTrue(e.getMessage().contains("f.csv") && e.getMessage().contains("7") && e.getMessage().contains("patients"),
                    e.getMessage());
        }
    }
}
