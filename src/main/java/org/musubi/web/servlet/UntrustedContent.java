package org.musubi.web.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Headers for files someone uploaded (documents, images, FHIR {@code Binary}): served to a browser
 * under Musubi's own origin, such a file must never run there. Only a few types that cannot carry
 * script are shown inline; everything else is a download in a sandbox, never sniffed, never cached.
 */
public final class UntrustedContent {

    /** No scripts, no plugins, no forms, a unique origin: what a downloaded file gets if a browser renders it anyway. */
    public static final String SANDBOX_POLICY = "default-src 'none'; sandbox";
    /** A PDF or an image inside the viewer's own frame: nothing loads or runs but the file itself. */
    static final String INLINE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain");
    private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf", "image/png", "png",
            "image/jpeg", "jpg", "image/gif", "gif", "text/plain", "txt", "text/csv", "csv", "application/dicom", "dcm",
            "image/tiff", "tif", "application/zip", "zip", "image/webp", "webp");

    private UntrustedContent() {
    }

    /** Headers every response carrying (or about) an uploaded file gets, errors included. */
    public static void forbidActiveContent(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", SANDBOX_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
    }

    /** The file as a download named {@code <stem>.<extension>}; its type kept only when well formed. */
    public static void asAttachment(HttpServletResponse response, String declaredType, String stem) {
        forbidActiveContent(response);
        String type = mediaType(declaredType);
        response.setContentType(type);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(filename(stem, type)).build().toString());
    }

    /**
     * The file inline when its type is one a browser shows without running anything (a PDF, a PNG,
     * JPEG, GIF or WebP image, plain text), otherwise as {@link #asAttachment a download}.
     */
    public static void inlineIfSafe(HttpServletResponse response, String declaredType, String stem) {
        String type = mediaType(declaredType);
        String essence = essence(type);
        if (!INLINE.contains(essence)) {
            asAttachment(response, type, stem);
            return;
        }
        forbidActiveContent(response);
        if (essence.equals("application/pdf")) {
            // A sandboxed document cannot start the browser's PDF viewer; the policy still lets nothing else load.
            response.setHeader("Content-Security-Policy", INLINE_POLICY);
        } else {
            response.setHeader("Content-Security-Policy", INLINE_POLICY + "; sandbox");
        }
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setContentType(type);
        response.setHeader("Content-Disposition", ContentDisposition.inline()
                .filename(filename(stem, type)).build().toString());
    }

    /**
     * A declared MIME type reduced to {@code type/subtype} (and a known charset), lower case;
     * {@code application/octet-stream} when it is missing or malformed.
     */
    public static String mediaType(String declared) {
        if (declared == null || declared.isBlank()) {
            return OCTET_STREAM;
        }
        MediaType parsed;
        try {
            parsed = MediaType.parseMediaType(declared.strip());
        } catch (InvalidMediaTypeException e) {
            return OCTET_STREAM;
        }
        if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
            return OCTET_STREAM;
        }
        String type = (parsed.getType() + "/" + parsed.getSubtype()).toLowerCase(Locale.ROOT);
        String charset = parsed.getParameter("charset");
        if (charset != null) {
            charset = charset.replace("\"", "");
            if (charset.matches("[A-Za-z0-9._:-]{1,40}") && Charset.isSupported(charset)) {
                return type + ";charset=" + charset;
            }
        }
        return type;
    }

    /** A file name of ASCII letters, digits, dots, dashes and underscores, with an extension only for well-known types. */
    static String filename(String stem, String type) {
        String safe = stem == null ? "" : stem.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            safe = "file";
        }
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "." + EXTENSIONS.getOrDefault(essence(type), "bin");
    }

    private static String essence(String type) {
        int semicolon = type.indexOf(';');
        return semicolon < 0 ? type : type.substring(0, semicolon);
    }
}
