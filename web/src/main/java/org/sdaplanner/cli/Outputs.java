package org.sdaplanner.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks an output path when the command line is read, before any store is opened or any work is
 * done: a folder that is a file, a file that is a folder, a parent that is a file or cannot be
 * written. A write can still fail later (a full disk); that is reported as it happens.
 */
final class Outputs {
    private Outputs() {
    }

    static Path path(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a path, found nothing");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path");
        }
    }

    /** A folder to write files into: an existing writable folder, or one that can be made. */
    static Path folder(String text) {
        Path p = path(text);
        if (Files.exists(p)) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(p + " is a file, not a folder: give a folder for the files (it is made"
                        + " when missing)");
            }
            if (!Files.isWritable(p)) {
                throw new IllegalArgumentException("the folder " + p + " cannot be written (no permission)");
            }
            return p;
        }
        creatable(p);
        return p;
    }

    /** A file to write: an existing writable file (replaced), or one that can be made. */
    static Path file(String text) {
        Path p = path(text);
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException(p + " is a folder: give the name of a file (in it, or elsewhere)");
        }
        if (Files.exists(p)) {
            if (!Files.isWritable(p)) {
                throw new IllegalArgumentException("the file " + p + " cannot be written (no permission)");
            }
            return p;
        }
        creatable(p);
        return p;
    }

    /** The nearest existing ancestor of a path that does not exist yet must be a folder we may write in. */
    private static void creatable(Path p) {
        Path a = p.toAbsolutePath().normalize().getParent();
        while (a != null && !Files.exists(a)) {
            a = a.getParent();
        }
        if (a == null) {
            throw new IllegalArgumentException(p + " cannot be made: no part of it exists");
        }
        if (!Files.isDirectory(a)) {
            throw new IllegalArgumentException(p + " cannot be made: " + a + " is a file, not a folder");
        }
        if (!Files.isWritable(a)) {
            throw new IllegalArgumentException(p + " cannot be made: no permission to write in " + a);
        }
    }
}
