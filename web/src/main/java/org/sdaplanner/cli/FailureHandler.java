package org.sdaplanner.cli;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.InternalText;
import org.sdaplanner.store.StoreException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * Turns failures into a message for the person at the terminal and a non-zero exit code. Input,
 * argument, file and store problems are expected and explained in one or two lines; anything else
 * is a bug and gets its stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    static final int INPUT_ERROR = 2;
    static final int STORE_ERROR = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof InputException) {
            cl.getErr().println("Error in the input: " + ex.getMessage());
            cl.getErr().println("Nothing was changed in the store.");
            return INPUT_ERROR;
        }
        if (ex instanceof StoreException) {
            cl.getErr().println("Store error: " + ex.getMessage());
            return STORE_ERROR;
        }
        if (ex instanceof org.sdaplanner.web.ApiException a && a.status() < 500) {
            cl.getErr().println("Error: " + a.getMessage());
            return INPUT_ERROR;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof org.sdaplanner.store.NotFoundException
                || ex instanceof org.sdaplanner.store.StoreConflictException) {
            cl.getErr().println("Error: " + ex.getMessage());
            return INPUT_ERROR;
        }
        IOException io = ex instanceof IOException e ? e : ex instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            cl.getErr().println("Error: cannot write or read " + describe(io));
            return INPUT_ERROR;
        }
        cl.getErr().println("Unexpected error (please report it): " + ex);
        ex.printStackTrace(cl.getErr());
        return 1;
    }

    /** "FILE: no space left on device", without Java's class names. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists" : "cannot be used";
            return f.getFile() + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")") + ": " + reason;
        }
        String r = InternalText.scrub(e.getMessage());
        return r.isEmpty() ? "a file" : r;
    }
}
