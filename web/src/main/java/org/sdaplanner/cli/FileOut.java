package org.sdaplanner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --out FILE}, checked when the command line is read (not a folder; its folder exists or can be made). */
final class FileOut {
    @Option(names = "--out", required = true, paramLabel = "FILE", converter = Converters.File.class,
            description = "File to write (replaced when it exists).")
    Path path;
}
