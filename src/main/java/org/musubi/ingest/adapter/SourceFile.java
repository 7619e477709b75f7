package org.musubi.ingest.adapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file as a source sends it: its name relative to the source (a path inside an SS-MIX2 storage,
 * an uploaded file's name) and its content, which can be opened more than once.
 */
public record SourceFile(String name, long size, Content content) {

    /** Opens the content from its start. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public static SourceFile of(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new SourceFile(name, copy.length, () -> new ByteArrayInputStream(copy));
    }

    public static SourceFile of(String name, Path path) {
        try {
            return new SourceFile(name, Files.size(path), () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content read already, held without a copy: for the import, which read it to hash it. */
    public static SourceFile held(String name, byte[] bytes) {
        return new SourceFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** The whole content (source files are small: one HL7 message, one medication notebook). */
    public byte[] bytes() {
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
