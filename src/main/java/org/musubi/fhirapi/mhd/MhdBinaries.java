package org.musubi.fhirapi.mhd;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.musubi.fhirapi.access.Caller;
import org.springframework.stereotype.Component;

/**
 * The Binaries MHD retrieves (ITI-68) beside the record's: a letter's ({@code letter-…}, {@link LetterBinaries}) and a
 * Box file's ({@code box-…}, {@link BoxBinaries}), for {@code /fhir/Binary/<id>}.
 */
@Component
public class MhdBinaries {

    private final LetterBinaries letters;
    private final BoxBinaries boxes;

    MhdBinaries(LetterBinaries letters, BoxBinaries boxes) {
        this.letters = letters;
        this.boxes = boxes;
    }

    /** What such a Binary holds: its type, size, SHA-256 (hex) and content, to be closed. */
    public record Content(String contentType, long size, String sha256, InputStream content) {
    }

    /** Whether {@code id} is such a Binary's id (well formed or not): then {@link #open} answers. */
    public static boolean serves(String id) {
        return LetterBinaries.serves(id) || BoxBinaries.serves(id);
    }

    /** The content; empty for what the caller may not have, as for an id that names nothing (audited once either way). */
    public Optional<Content> open(Caller caller, String id) {
        if (BoxBinaries.serves(id)) {
            return boxes.open(caller, id).map(d -> new Content(d.file().contentType(), d.file().size(), d.file().sha256(),
                    d.content()));
        }
        return letters.open(caller, id).map(c -> new Content(c.contentType(), c.bytes().length,
                HexFormat.of().formatHex(sha256(c.bytes())), new ByteArrayInputStream(c.bytes())));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
