package org.sdaplanner.web.api;

import java.util.List;

/** A code a plan file gives more than once, with the areas it gives it (in file order). */
public record ImportDuplicate(String code, List<String> areas) {
}
