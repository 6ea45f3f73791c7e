package org.sdaplanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/**
 * A bad command line gets one line: what is wrong and where the help is, and exit code 2; not
 * the whole usage text (which hides the one line that matters) and never a stack trace.
 */
final class ArgumentErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? "the command line cannot be read" : ex.getMessage();
        err.println("Error: " + Converters.shown(message.replace('\n', ' ').strip(), 400) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return FailureHandler.INPUT_ERROR;
    }
}
