package org.musubi.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Uploaded bytes on their way to an import: streamed into a folder of their own under the upload
 * directory, never past the size limit (a larger upload is refused as it arrives), a zipped SS-MIX2
 * delta unpacked with its relative paths kept (no entry may leave the folder, and the unpacked total is
 * held to the same limit). The folder is deleted when the import is done.
 */
final class UploadSpool implements AutoCloseable {

    /** The upload is larger than allowed. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("upload larger than " + limit + " bytes");
        }
    }

    /** A zip entry that would be written outside the folder, or an unreadable zip. */
    static final class BadArchive extends IOException {
        BadArchive(String reason) {
            super(reason);
        }
    }

    private final Path folder;
    private final long limit;
    private long written;

    UploadSpool(Path uploads, long limit) throws IOException {
        this.folder = Files.createDirectories(uploads.toAbsolutePath().normalize().resolve(UUID.randomUUID().toString()));
        this.limit = limit;
    }

    Path folder() {
        return folder;
    }

    /** Stores one file under its own base name (a client's path is never trusted). */
    void file(String name, InputStream in) throws IOException {
        String base = name == null || name.isBlank() ? "upload" : Path.of(name.replace('\\', '/')).getFileName().toString();
        copy(in, folder.resolve(base.startsWith(".") ? "_" + base : base));
    }

    /** Unpacks a zip with its relative paths. */
    void zip(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new BadArchive("zip entry outside the archive's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadArchive("not a readable zip archive: " + e.getMessage());
        }
    }

    private void copy(InputStream in, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
