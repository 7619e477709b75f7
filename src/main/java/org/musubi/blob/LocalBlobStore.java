package org.musubi.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs in a local directory, content-addressed: {@code <root>/ab/cd/<sha256>}; parts of uploads in progress in
 * {@code <root>/parts/}. A blob is written to a
 * temporary file while its hash is computed, flushed to disk, then moved into place atomically, so a
 * crash never leaves a half-written blob under its final name.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        Files.createDirectories(root.resolve("tmp"));
    }

    @Override
    public Blob put(InputStream content, long maxBytes) throws IOException {
        try (SpooledContent spooled = SpooledContent.receive(content, maxBytes, root.resolve("tmp"))) {
            spooled.force();
            Path target = root.resolve(BlobStore.path(spooled.sha256()));
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                move(spooled.file(), target);
            }
            return spooled.blob();
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        if (!BlobStore.isKey(key)) {
            return Optional.empty();
        }
        Path file = root.resolve(BlobStore.path(key));
        return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public long putPart(String name, InputStream content, long maxBytes) throws IOException {
        return putPartHashed(name, content, maxBytes).size();
    }

    @Override
    public Blob putPartHashed(String name, InputStream content, long maxBytes) throws IOException {
        Path target = root.resolve(BlobStore.partPath(name));
        try (SpooledContent spooled = SpooledContent.receive(content, maxBytes, root.resolve("tmp"))) {
            spooled.force();
            Files.createDirectories(target.getParent());
            move(spooled.file(), target);
            return new Blob(name, spooled.sha256(), spooled.size());
        }
    }

    @Override
    public Optional<InputStream> openPart(String name) throws IOException {
        Path file = root.resolve(BlobStore.partPath(name));
        return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public void deletePart(String name) throws IOException {
        Files.deleteIfExists(root.resolve(BlobStore.partPath(name)));
    }

    @Override
    public List<String> partsWrittenBefore(String prefix, Instant before) throws IOException {
        Path parts = root.resolve("parts");
        if (!Files.isDirectory(parts)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parts)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && BlobStore.isPartName(name) && writtenBefore(entry, before)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public Optional<Stream<String>> partNames(String prefix) throws IOException {
        Path parts = root.resolve("parts");
        if (!Files.isDirectory(parts)) {
            return Optional.of(Stream.empty());
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(parts)) {
            names = entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && BlobStore.isPartName(name)).sorted().toList();
        }
        return Optional.of(names.stream());
    }

    private static boolean writtenBefore(Path file, Instant before) throws IOException {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (NoSuchFileException e) {
            return false; // removed meanwhile
        }
    }

    /** Every blob file under the root ({@code ab/cd/<sha256>}), in key order; {@code tmp/} and strays are skipped. */
    @Override
    public Optional<Stream<String>> keys() throws IOException {
        return Optional.of(sorted(root).filter(dir -> dir.getFileName().toString().matches("[0-9a-f]{2}"))
                .flatMap(LocalBlobStore::sorted).flatMap(LocalBlobStore::sorted)
                .map(file -> file.getFileName().toString())
                .filter(key -> BlobStore.isKey(key) && Files.isRegularFile(root.resolve(BlobStore.path(key)))));
    }

    /** A directory's entries in name order, read when the stream reaches it (only one directory's names in memory). */
    private static Stream<Path> sorted(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
