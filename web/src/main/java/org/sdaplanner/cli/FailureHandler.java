package org.sdaplanner.cli;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.store.StoreException;
import picocli.CommandLine;

/**
 * Turns failures into a message for the person at the terminal and a non-zero exit code. Input
 * and store problems are expected and explained; anything else is a bug and gets its stack trace.
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
        cl.getErr().println("Unexpected error (please report it): " + ex);
        ex.printStackTrace(cl.getErr());
        return 1;
    }
}
