package org.musubi.portal.chart;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a DocumentReference carries and how the viewer shows it: text inline, a PDF or an image in
 * the page from the content address, a FHIR document (a JP-CLINS referral letter or discharge
 * summary) as its composition's sections, anything else as a download. A document with several contents (an SS-MIX2
 * main document and its attachments) is shown one content at a time ({@link #of(String, int)}), all of them listed
 * ({@link #parts}).
 *
 * @param binaryId the Binary the content is in, when it is not inline
 */
public record DocumentContent(String title, String contentType, byte[] data, String binaryId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Shown { TEXT, PDF, IMAGE, FHIR_DOCUMENT, DOWNLOAD, NONE }

    static DocumentContent of(String documentReferenceJson) {
        return of(documentReferenceJson, 0).orElseThrow();
    }

    /**
     * The document's content number {@code part} (0 the first: an SS-MIX2 content folder's main document, then its
     * attachments); empty when it has no such content (the first is there even when the document has none).
     */
    static Optional<DocumentContent> of(String documentReferenceJson, int part) {
        JsonNode r = JSON.readTree(documentReferenceJson);
        if (part < 0 || part > 0 && part >= r.path("content").size()) {
            return Optional.empty();
        }
        return Optional.of(of(r, r.path("content").path(part).path("attachment")));
    }

    /** One content of a document, as the viewer lists it. */
    record Part(int index, String title, String contentType, Long size) {
    }

    /** Every content of the document, in order. */
    static List<Part> parts(String documentReferenceJson) {
        JsonNode content = JSON.readTree(documentReferenceJson).path("content");
        List<Part> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            JsonNode attachment = content.path(i).path("attachment");
            String title = FhirJson.text(attachment.path("title"));
            parts.add(new Part(i, title != null ? title : String.valueOf(i + 1), FhirJson.text(attachment.path("contentType")),
                    attachment.path("size").isNumber() ? attachment.path("size").asLong() : null));
        }
        return parts;
    }

    private static DocumentContent of(JsonNode r, JsonNode attachment) {
        String data = FhirJson.text(attachment.path("data"));
        String url = FhirJson.text(attachment.path("url"));
        String binary = url != null && url.matches("(.*/)?Binary/[A-Za-z0-9\\-.]{1,64}") ? url.substring(url.lastIndexOf('/') + 1) : null;
        String title = FhirJson.text(attachment.path("title"));
        if (title == null) {
            title = FhirJson.concept(r.path("type"));
        }
        return new DocumentContent(title, FhirJson.text(attachment.path("contentType")),
                data == null ? null : Base64.getMimeDecoder().decode(data), binary);
    }

    Shown shown() {
        if (data == null && binaryId == null) {
            return Shown.NONE;
        }
        String type = mediaType();
        if (type.equals("application/pdf")) {
            return Shown.PDF;
        }
        if (type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/gif")) {
            return Shown.IMAGE;
        }
        if (type.equals("application/fhir+json") || type.equals("application/json+fhir")) {
            return data != null ? Shown.FHIR_DOCUMENT : Shown.DOWNLOAD;
        }
        if (type.startsWith("text/")) {
            return data != null ? Shown.TEXT : Shown.DOWNLOAD;
        }
        return Shown.DOWNLOAD;
    }

    String mediaType() {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The text of a text document, in the charset its content type names (UTF-8 by default). */
    String decodedText() {
        Charset charset = StandardCharsets.UTF_8;
        int at = contentType == null ? -1 : contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            try {
                charset = Charset.forName(contentType.substring(at + 8).replace("\"", "").strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(data, charset);
    }

    /** A FHIR document's composition, read for display: title, date and sections (title and plain text). */
    public record Composition(String title, String date, List<Section> sections) {
    }

    public record Section(String title, String text, List<Section> sections) {
    }

    Composition composition() {
        return composition(data, title);
    }

    /**
     * A FHIR document Bundle's composition for display (a letter a system sent, shown by the letters' page too); a
     * Bundle without one is shown as its text under {@code title}.
     */
    public static Composition composition(byte[] data, String title) {
        JsonNode bundle = JSON.readTree(data);
        JsonNode composition = bundle.path("entry").path(0).path("resource");
        if (!"Composition".equals(FhirJson.text(composition.path("resourceType")))) {
            return new Composition(title, null, List.of(new Section(null, new String(data, StandardCharsets.UTF_8), List.of())));
        }
        return new Composition(FhirJson.text(composition.path("title")), FhirJson.text(composition.path("date")),
                sections(composition.path("section")));
    }

    private static List<Section> sections(JsonNode sections) {
        List<Section> out = new ArrayList<>();
        for (JsonNode section : sections) {
            String title = FhirJson.text(section.path("title"));
            if (title == null) {
                title = FhirJson.concept(section.path("code"));
            }
            out.add(new Section(title, plain(FhirJson.text(section.path("text").path("div"))), sections(section.path("section"))));
        }
        return out;
    }

    /** Narrative XHTML as plain text: line breaks kept, tags dropped, entities decoded (never rendered as HTML). */
    static String plain(String xhtml) {
        if (xhtml == null) {
            return null;
        }
        String text = xhtml.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("<[^>]*>", "");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }
}
