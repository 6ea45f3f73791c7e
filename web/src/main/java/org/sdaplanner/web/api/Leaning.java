package org.sdaplanner.web.api;

/** The share of a block's residents registered with a PCN. */
public record Leaning(String pcnCode, String pcnName, double share) {
}
