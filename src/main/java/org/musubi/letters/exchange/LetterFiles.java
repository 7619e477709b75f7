package org.musubi.letters.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.letters.Letter;
import org.musubi.letters.render.LetterRendering;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.Signatures;
import org.musubi.signature.Verification;

/**
 * A letter's files: the PDF rendered and signed (PAdES) by the author, the Bundle's detached signature, uploads and
 * attachments, kept in the blob store; and their verification when opened.
 */
public final class LetterFiles {

    private final LetterRendering rendering;
    private final Signatures signatures;
    private final BlobStore blobs;

    public LetterFiles(LetterRendering rendering, Signatures signatures, BlobStore blobs) {
        this.rendering = rendering;
        this.signatures = signatures;
        this.blobs = blobs;
    }

    LetterRendering rendering() {
        return rendering;
    }

    /** The letter's PDF, signed by {@code userId}. */
    byte[] signedPdf(long userId, Letter letter) {
        return signatures.signPdf(userId, rendering.pdf(letter));
    }

    byte[] signBundle(long userId, byte[] bundle) {
        return signatures.signBundle(userId, bundle);
    }

    /** The SHA-256 (as the key a blob store gives such content) and size of {@code content}, put nowhere. */
    static Blob blob(byte[] content) {
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new Blob(sha256, sha256, content.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Blob put(InputStream content, long max) {
        try {
            return blobs.put(content, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a file of a letter written before its row (its signed PDF, its document Bundle) as a part of its own
     * ({@code letter-<uuid>}), so that one whose letter's transaction then failed can be removed
     * ({@link LetterFileSweep}); its name is its key.
     */
    Blob keep(byte[] content) {
        return keep(LetterFileSweep.PREFIX + UUID.randomUUID(), content);
    }

    /**
     * Keeps a file of a letter under {@code name}, a part of its own: an attachment taken from the record, named by its
     * letter and place ({@link LetterFileSweep#attachment}) so that every attempt to store the letter names it alike.
     */
    Blob keep(String name, byte[] content) {
        try {
            return blobs.putPartHashed(name, new ByteArrayInputStream(content), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A letter's file by its key: a blob's (a letter sent before its files were kept as parts, an upload) or a part's. */
    Optional<byte[]> read(String key) {
        boolean part = key != null && key.startsWith(LetterFileSweep.PREFIX) && BlobStore.isPartName(key);
        if (key == null || !BlobStore.isKey(key) && !part) {
            return Optional.empty();
        }
        try {
            Optional<InputStream> in = part ? blobs.openPart(key) : blobs.open(key);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(stream.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Verification verifyPdf(Optional<byte[]> pdf) {
        return pdf.map(signatures::verifyPdf).orElse(Verification.of(SignatureStatus.NOT_SIGNED,
                "signature.status.NOT_SIGNED"));
    }

    Verification verifyBundle(Optional<byte[]> bundle, byte[] signature) {
        if (bundle.isEmpty() || signature == null) {
            return Verification.of(SignatureStatus.NOT_SIGNED, "signature.status.NOT_SIGNED");
        }
        return signatures.verifyBundle(bundle.get(), signature);
    }
}
