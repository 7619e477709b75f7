package org.musubi.ingest.adapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One file as a source sends it: its name relative to the source (a path inside an SS-MIX2 storage,
 * an uploaded file's name) and its content, which can be opened more than once.
 *
 * <p>A file may come with {@code attachments}: the other files the source keeps with it as one record (the images,
 * style sheets or PDFs of an SS-MIX2 extended-storage content folder, beside its main document), named like it
 * relative to the source; one whose name ends in {@code /} is a folder found among them, named only (never read).
 * {@code size} is then what the source delivered under this name: the content and every attachment together, so that
 * a change of any of them is a change of the file.
 */
public record SourceFile(String name, long size, Content content, List<SourceFile> attachments) {

    /** Opens the content from its start. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        attachments = List.copyOf(attachments);
    }

    /** A file that comes alone. */
    public SourceFile(String name, long size, Content content) {
        this(name, size, content, List.of());
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

    /** A folder found among a file's attachments ({@code name} ends in {@code /}): named, never read. */
    public static SourceFile folder(String name) {
        return new SourceFile(name.endsWith("/") ? name : name + "/", 0, InputStream::nullInputStream);
    }

    public boolean isFolder() {
        return name.endsWith("/");
    }

    /** This file with its own content and its attachments' as read already ({@code bytes}: the content's). */
    public SourceFile held(byte[] bytes, List<SourceFile> heldAttachments) {
        return new SourceFile(name, size, () -> new ByteArrayInputStream(bytes), heldAttachments);
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
