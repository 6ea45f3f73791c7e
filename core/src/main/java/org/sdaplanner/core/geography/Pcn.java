package org.sdaplanner.core.geography;

/** A Primary Care Network. The code {@code U} stands for practices with no PCN ("Unallocated"). */
public record Pcn(String code, String name) {
    public static final String UNALLOCATED = "U";

    public boolean unallocated() {
        return UNALLOCATED.equals(code);
    }
}
