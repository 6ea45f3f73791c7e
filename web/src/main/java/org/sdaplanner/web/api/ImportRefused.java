package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The 422 answer to a plan file that cannot be imported: the first reason as {@code error}, then the report. */
public record ImportRefused(String error, @JsonUnwrapped ImportReport report) {
}
