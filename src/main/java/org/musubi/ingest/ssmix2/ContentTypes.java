package org.musubi.ingest.ssmix2;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The media type of an extended-storage document or attachment, from its first bytes and its file name: CDA R2 XML
 * ({@code application/hl7-v3+xml}), other XML, PDF, JPEG, PNG, GIF, TIFF, HTML, CSS, text; else octet-stream.
 */
final class ContentTypes {

    static final String CDA = "application/hl7-v3+xml";

    private ContentTypes() {
    }

    static String guess(String fileName, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        String name = fileName.toLowerCase(Locale.ROOT);
        if (head.startsWith("%PDF")) {
            return "application/pdf";
        }
        if (head.startsWith("\u00FF\u00D8\u00FF")) {
            return "image/jpeg";
        }
        if (head.startsWith("\u0089PNG")) {
            return "image/png";
        }
        if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
            return "image/gif";
        }
        if (head.startsWith("II*\u0000") || head.startsWith("MM\u0000*")) {
            return "image/tiff";
        }
        if (xml(head)) {
            return head.contains("ClinicalDocument") ? CDA : "application/xml";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        return name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
    }

    /** An HL7 v2 message rather than a document. */
    static boolean hl7(byte[] bytes) {
        return strippedHead(bytes).startsWith("MSH|");
    }

    private static boolean xml(String head) {
        String text = head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head;
        return text.stripLeading().startsWith("<?xml") || text.stripLeading().startsWith("<ClinicalDocument");
    }

    private static String strippedHead(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 16), StandardCharsets.ISO_8859_1);
        return (head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head).stripLeading();
    }
}
