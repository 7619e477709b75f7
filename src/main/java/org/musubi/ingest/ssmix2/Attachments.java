package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.SourceFile;

/**
 * The other files of an extended-storage content folder (画像, スタイルシート, a PDF the CDA refers to: the SS-MIX2
 * extended storage lets a content folder hold them beside its main document), read as FHIR attachments in name order:
 * title the file name, content type guessed as for a main document ({@link ContentTypes}), size, the bytes inline.
 * Ordinary attachments need no warning. A folder among them is named in a warning and not read; an attachment larger
 * than {@link #MAX_ATTACHMENT}, or one that would bring the folder's attachments over {@link #MAX_FOLDER}, is not
 * stored, with a warning naming the file, its size and the limit; the main document is stored all the same.
 *
 * <p>The content folder is the record: reading its files also gives the record its fingerprint, so that a content
 * folder changed in place (an attachment replaced, added or removed while its name, and so its 発生日時, stays) is a
 * new version of the record ({@link StoredRecord#fingerprint}), and one read again unchanged is not.
 */
final class Attachments {

    /** The largest attachment stored (a scanned letter of several pages is a few MB). */
    static final long MAX_ATTACHMENT = 10L * 1024 * 1024;
    /** The most bytes of attachments stored for one content folder, all together (the main document aside). */
    static final long MAX_FOLDER = 30L * 1024 * 1024;

    private final StoredRecord record;
    private final List<SourceFile> files;

    /** {@code files}: the content folder's entries besides the main document ({@link SourceFile#attachments()}). */
    Attachments(StoredRecord record, List<SourceFile> files) {
        this.record = record;
        this.files = files;
    }

    /**
     * The attachments to store, the warnings about the others given to the record, and the record's fingerprint
     * ({@link StoredRecord#fingerprint}): of {@code main}, the main document's bytes, and of every entry as it is stored
     * (a file by its name and bytes; one not stored, by its name and size; a folder by its name). Read once per record.
     */
    List<Attachment> read(byte[] main) {
        MessageDigest digest = sha256();
        digest.update(main);
        List<Attachment> stored = new ArrayList<>();
        long total = 0;
        for (SourceFile file : files) {
            digest.update(("\u0000" + file.name() + "\u0000").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = bytes(file, total);
            if (bytes == null) {
                digest.update(Long.toString(file.size()).getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            digest.update(bytes);
            total += bytes.length;
            String name = name(file);
            stored.add(new Attachment().setContentType(ContentTypes.guess(name, bytes)).setData(bytes).setSize(bytes.length)
                    .setTitle(name));
        }
        record.fingerprint(HexFormat.of().formatHex(digest.digest(), 0, 8));
        return stored;
    }

    /** The file's bytes when it is to be stored, the {@code total} bytes stored before it; null (with a warning) when not. */
    private byte[] bytes(SourceFile file, long total) {
        Location where = Location.file(file.name());
        if (file.isFolder()) {
            record.warn(Ssmix2Problems.at(where, "ssmix2.attachment.folder"));
            return null;
        }
        if (overLimit(where, file.size(), total)) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = file.content().open()) {
            bytes = in.readNBytes((int) MAX_ATTACHMENT + 1);
        } catch (IOException | UncheckedIOException e) {
            record.warn(Ssmix2Problems.at(where, "ssmix2.attachment.unreadable", e.getClass().getSimpleName()));
            return null;
        }
        return overLimit(where, bytes.length, total) ? null : bytes; // grown since the folder was listed
    }

    /** Whether a file of {@code size} bytes is over a limit, the folder's attachments so far {@code total}: warned. */
    private boolean overLimit(Location where, long size, long total) {
        if (size > MAX_ATTACHMENT) {
            record.warn(Ssmix2Problems.at(where, "ssmix2.attachment.too-large", size, MAX_ATTACHMENT));
            return true;
        }
        if (total + size > MAX_FOLDER) {
            record.warn(Ssmix2Problems.at(where, "ssmix2.attachment.folder-too-large", size, MAX_FOLDER, total));
            return true;
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's own name, without the folders it is in. */
    static String name(SourceFile file) {
        return file.name().substring(file.name().lastIndexOf('/') + 1);
    }
}
