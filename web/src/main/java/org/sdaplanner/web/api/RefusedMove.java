package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The 422 answer to a refused move: the reason as {@code error}, then the outcome. */
public record RefusedMove(String error, @JsonUnwrapped MoveOutcome outcome) {
}
