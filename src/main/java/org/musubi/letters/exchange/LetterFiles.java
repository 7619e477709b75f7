package org.musubi.letters.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
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

    Blob put(byte[] content) {
        return put(new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    Blob put(InputStream content, long max) {
        try {
            return blobs.put(content, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<byte[]> read(String key) {
        if (key == null || !BlobStore.isKey(key)) {
            return Optional.empty();
        }
        try {
            Optional<InputStream> in = blobs.open(key);
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
