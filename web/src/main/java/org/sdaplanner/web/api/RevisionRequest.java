package org.sdaplanner.web.api;

/** The optional body of undo and redo: the revision the request was made on. */
public record RevisionRequest(Long revision) {
}
