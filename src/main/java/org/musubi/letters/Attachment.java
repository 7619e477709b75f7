package org.musubi.letters;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.regex.Pattern;

/**
 * A file that goes with the letter: a document or result picked from the record, or content uploaded for it.
 *
 * @param title       the title shown ({@code 血液検査結果 2026/11/20})
 * @param contentType MIME type ({@code application/pdf}, {@code image/jpeg}, {@code application/fhir+json})
 * @param size        bytes
 * @param sha256      the content's SHA-256, 64 lowercase hex digits
 * @param source      where the content is
 */
public record Attachment(String title, String contentType, long size, String sha256, Source source) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Where an attachment's content is. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Stored.class, name = "stored"),
            @JsonSubTypes.Type(value = Uploaded.class, name = "uploaded")})
    public sealed interface Source {
    }

    /**
     * A resource of the record ({@code DocumentReference/7}, {@code Observation/12}, {@code DiagnosticReport/3},
     * {@code Binary/9}).
     */
    public record Stored(String reference) implements Source {
        public Stored {
            Letter.require(reference, "attachment.reference");
        }
    }

    /** Content uploaded for the letter, kept in Musubi's blob store under this key. */
    public record Uploaded(String blobKey) implements Source {
        public Uploaded {
            Letter.require(blobKey, "attachment.blobKey");
        }
    }

    public Attachment {
        Letter.require(title, "attachment.title");
        Letter.require(contentType, "attachment.contentType");
        if (size < 0 || sha256 == null || !SHA256.matcher(sha256).matches() || source == null) {
            throw new IllegalArgumentException("attachment: size ≥ 0, a SHA-256 of 64 lowercase hex digits and a source");
        }
    }
}
