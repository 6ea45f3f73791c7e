package org.sdaplanner.web.api;

/** A district or PCN: its code and name. */
public record CodeName(String code, String name) {
}
