package org.musubi.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;

/**
 * Uploaded bytes on their way to an import: streamed into a folder of their own under the upload
 * directory, never past the size limit (a larger upload is refused as it arrives). A zipped SS-MIX2
 * delta is first kept whole beside that folder, checked ({@link UploadedZip}: a zip, complete, not too
 * many entries, not too large unpacked, no entry leaving the folder), then unpacked with its relative
 * paths. Everything is deleted when the import is done or the upload refused.
 */
final class UploadSpool implements AutoCloseable {

    /** The upload, as it arrives, is larger than allowed (413). */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("upload larger than " + limit + " bytes");
        }
    }

    /** An archive that is refused (400): not a zip, damaged, too many entries, too large unpacked, or escaping its folder. */
    static final class BadArchive extends IOException {
        private final String code;
        private final String japanese;
        private final String upload;

        BadArchive(String code, String japanese, String english) {
            this(code, japanese, english, null);
        }

        private BadArchive(String code, String japanese, String english, String upload) {
            super(english);
            this.code = code;
            this.japanese = japanese;
            this.upload = upload;
        }

        /** The same refusal, naming the upload (the name its sender gave it; null for none). */
        BadArchive of(String name) {
            return new BadArchive(code, japanese, getMessage(), name);
        }

        String upload() {
            return upload;
        }

        String code() {
            return code;
        }

        String japanese() {
            return japanese;
        }
    }

    private final Path root;
    private final Path folder;
    private final long limit;
    private final int maxEntries;
    private long written;
    private int entries;
    private int archives;

    UploadSpool(Path uploads, long limit, int maxEntries) throws IOException {
        this.root = Files.createDirectories(uploads.toAbsolutePath().normalize().resolve(UUID.randomUUID().toString()));
        this.folder = Files.createDirectories(root.resolve("files"));
        this.limit = limit;
        this.maxEntries = maxEntries;
    }

    /** The folder the import reads: the uploaded files, or the zips' contents. */
    Path folder() {
        return folder;
    }

    /** Stores one file under its own base name (a client's path is never trusted). */
    void file(String name, InputStream in) throws IOException {
        String base = name == null || name.isBlank() ? "upload" : Path.of(name.replace('\\', '/')).getFileName().toString();
        written += copy(in, folder.resolve(base.startsWith(".") ? "_" + base : base), limit - written);
    }

    /** Keeps the zip whole (within the size limit), checks it and unpacks it with its relative paths. */
    void zip(String name, InputStream in) throws IOException {
        Path archive = root.resolve("upload-" + (++archives) + ".zip");
        copy(in, archive, limit);
        UploadedZip.Unpacked unpacked;
        try {
            unpacked = UploadedZip.unpack(archive, folder, limit - written, maxEntries - entries);
        } catch (BadArchive e) {
            throw e.of(name);
        }
        written += unpacked.bytes();
        entries += unpacked.entries();
        Files.delete(archive);
    }

    /** Copies at most {@code budget} bytes; returns how many. */
    static long copy(InputStream in, Path target, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                copied += n;
                if (copied > budget) {
                    throw new TooLarge(budget);
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }

    @Override
    public void close() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
