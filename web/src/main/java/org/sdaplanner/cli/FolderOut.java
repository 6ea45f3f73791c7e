package org.sdaplanner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --out DIR}, checked when the command line is read (a folder, or one that can be made). */
final class FolderOut {
    @Option(names = "--out", required = true, paramLabel = "DIR", converter = Converters.Folder.class,
            description = "Folder for the files (made when missing; files of the same names in it are replaced).")
    Path path;
}
