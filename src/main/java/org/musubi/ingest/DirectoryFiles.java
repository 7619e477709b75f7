package org.musubi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.musubi.ingest.adapter.SourceFile;

/**
 * The regular files under a folder (or the file itself), lazily and in name order at every level, so
 * that an SS-MIX2 storage's files of one order come oldest first and a listing of millions of files
 * never sits in memory at once. Hidden files and temporary files ({@code .tmp}, {@code ~}) are skipped.
 * Names are relative to the folder, with {@code /} separators.
 */
final class DirectoryFiles implements Iterator<IncomingFile> {

    private final Path root;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private IncomingFile next;

    public DirectoryFiles(Path root) {
        this.root = Files.isDirectory(root) ? root : root.getParent() == null ? Path.of(".") : root.getParent();
        stack.push(Files.isDirectory(root) ? sorted(root) : List.of(root).iterator());
    }

    @Override
    public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
            Iterator<Path> level = stack.peek();
            if (!level.hasNext()) {
                stack.pop();
                continue;
            }
            Path path = level.next();
            if (skipped(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                stack.push(sorted(path));
            } else if (Files.isRegularFile(path)) {
                next = incoming(path);
            }
        }
        return next != null;
    }

    @Override
    public IncomingFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        IncomingFile file = next;
        next = null;
        return file;
    }

    private IncomingFile incoming(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            String name = root.relativize(path).toString().replace('\\', '/');
            return new IncomingFile(new SourceFile(name, attributes.size(), () -> Files.newInputStream(path)),
                    attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith("~") || name.endsWith(".part");
    }

    private static Iterator<Path> sorted(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList().iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
