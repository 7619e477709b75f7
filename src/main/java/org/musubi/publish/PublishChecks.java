package org.musubi.publish;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.musubi.scan.Scanner;
import org.musubi.scan.Verdict;
import org.musubi.photos.PhotoSanitizer;

/**
 * What may be published ({@link Publishing}), checked before anything is read or audited: a file is a PDF (its
 * signature) or a picture made safe by {@link PhotoSanitizer}, within the size limit and found clean by the malware
 * scanner when one is configured; a title, a line of a note, a document's kind and date within their bounds; a file
 * name without its folders. Anything else is {@link Publishing.Invalid}.
 */
final class PublishChecks {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private final long maxBytes;
    private final Scanner scanner;

    PublishChecks(long maxBytes, Scanner scanner) {
        this.maxBytes = maxBytes;
        this.scanner = scanner;
    }

    record Safe(byte[] bytes, String mediaType) {
    }

    /** The upload checked: a PDF as sent, a picture made safe; scanned when a scanner is configured. */
    Safe safe(Publishing.Upload upload) {
        byte[] bytes = upload.bytes();
        if (bytes == null || bytes.length == 0) {
            throw new Publishing.Invalid("publish.fault.noFile");
        }
        if (bytes.length > maxBytes) {
            throw new Publishing.Invalid("publish.fault.tooLarge", maxBytes / (1024 * 1024));
        }
        Safe safe;
        if (startsWith(bytes, PDF)) {
            safe = new Safe(bytes, "application/pdf");
        } else {
            try {
                PhotoSanitizer.Sanitized picture = new PhotoSanitizer().sanitize(fileName(upload.fileName()), bytes,
                        maxBytes);
                safe = new Safe(picture.bytes(), picture.mediaType());
            } catch (PhotoSanitizer.Refused e) {
                throw new Publishing.Invalid("publish.fault.notPdfOrPicture");
            }
        }
        if (scanner.configured()) {
            Verdict verdict = scanner.scan(new ByteArrayInputStream(safe.bytes()), safe.bytes().length);
            if (verdict instanceof Verdict.Infected) {
                throw new Publishing.Invalid("publish.fault.infected");
            }
            if (!(verdict instanceof Verdict.Clean)) {
                throw new Publishing.Invalid("publish.fault.notScanned");
            }
        }
        return safe;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Publishing.Described checked(Publishing.Described described, boolean document) {
        if (described == null || described.title() == null || described.title().isBlank()) {
            throw new Publishing.Invalid("publish.fault.noTitle");
        }
        String title = line(described.title());
        if (!document) {
            return new Publishing.Described(title, null, null);
        }
        if (described.kind() == null || described.date() == null) {
            throw new Publishing.Invalid("publish.fault.noKindOrDate");
        }
        if (described.date().getYear() < 1900 || described.date().getYear() > 2200) {
            throw new Publishing.Invalid("publish.fault.noKindOrDate");
        }
        return new Publishing.Described(title, described.kind(), described.date());
    }

    static List<String> lines(List<String> lines) {
        return lines == null ? List.of() : lines.stream().filter(l -> l != null && !l.isBlank()).map(PublishChecks::line)
                .toList();
    }

    static String line(String text) {
        String stripped = text.strip();
        if (stripped.length() > Publishing.TEXT) {
            throw new Publishing.Invalid("publish.fault.tooLong", Publishing.TEXT);
        }
        return stripped;
    }

    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "document";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
