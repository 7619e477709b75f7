package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.musubi.box.preview.OfficeConverter;
import org.musubi.record.Reader;
import org.musubi.web.servlet.UntrustedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Box files shown in the browser: a PDF (drawn by pdf.js), an image (PNG, JPEG, GIF, WebP), an Office file converted to
 * PDF by LibreOffice when it is installed; anything else (SVG and HTML included: they could run script) is a download
 * only. A view follows the download's rules and is audited once ({@link ViewFile#view}); the converted PDF is kept next to
 * the file ({@link Box#previewPart}), converted once, and deleted with it by the sweep.
 */
public final class BoxPreviews {

    private static final Logger LOG = LoggerFactory.getLogger(BoxPreviews.class);
    private static final Map<String, String> IMAGES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "gif", "image/gif", "webp", "image/webp");
    private static final Set<String> OFFICE = Set.of("doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
            "rtf");
    private static final Map<String, String> OFFICE_TYPES = Map.of(
            "application/msword", "doc",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.ms-excel", "xls",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
            "application/vnd.ms-powerpoint", "ppt",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
            "application/vnd.oasis.opendocument.text", "odt",
            "application/vnd.oasis.opendocument.spreadsheet", "ods",
            "application/vnd.oasis.opendocument.presentation", "odp",
            "application/rtf", "rtf");
    /** Ids whose conversion failed on this node: not tried again on each view (they are downloads only). */
    private static final int FAILED_KEPT = 10_000;

    private final Box box;
    private final ViewFile view;
    private final BoxContent blobs;
    private final OfficeConverter office;
    private final long officeMaxBytes;
    private final Clock clock;
    private final Map<UUID, Object> converting = new ConcurrentHashMap<>();
    private final Set<UUID> failed = ConcurrentHashMap.newKeySet();

    public BoxPreviews(Box box, ViewFile view, BoxContent blobs, OfficeConverter office, long officeMaxBytes, Clock clock) {
        this.box = box;
        this.view = view;
        this.blobs = blobs;
        this.office = office;
        this.officeMaxBytes = officeMaxBytes;
        this.clock = clock;
    }

    /** How a file is shown: drawn by pdf.js (a PDF, or an Office file as PDF), an image, or not at all. */
    public enum Kind {
        PDF, IMAGE, OFFICE, NONE
    }

    /** A file viewed: the file, how it is shown, and the pass its page fetches the content with. */
    public record Preview(BoxFile file, Kind kind, Box.ViewPass pass) {
    }

    /** What the page shows: its type (one of ours, never the uploader's) and content, to be closed; size when known. */
    public record Shown(String contentType, InputStream content, long size) {
    }

    /** A view of the file: {@link ViewFile#view}'s rules and audit row. */
    public Optional<Preview> view(Reader reader, UUID id) {
        return view.view(reader, id).map(v -> new Preview(v.file(), kind(v.file()), v.pass()));
    }

    /** How this file is shown here (an Office file only with LibreOffice, within the size limit, not failed before). */
    public Kind kind(BoxFile file) {
        String type = UntrustedContent.mediaType(file.contentType());
        int semicolon = type.indexOf(';');
        String essence = semicolon < 0 ? type : type.substring(0, semicolon);
        String extension = extension(file.name());
        if (essence.equals("application/pdf") || extension.equals("pdf")) {
            return Kind.PDF;
        }
        if (IMAGES.containsValue(essence) || IMAGES.containsKey(extension)) {
            return Kind.IMAGE;
        }
        if (officeExtension(file) != null && office.available() && file.size() <= officeMaxBytes
                && !failed.contains(file.id())) {
            return Kind.OFFICE;
        }
        return Kind.NONE;
    }

    /**
     * The content the view's page shows ({@link ViewFile#viewed}: the rules again, no second audit row): a PDF or an image
     * as uploaded, under our own type for its kind; an Office file's PDF, converted on its first view. Empty for a file
     * refused now, one with no preview, or a conversion that failed.
     */
    public Optional<Shown> content(Reader reader, Box.ViewPass pass) {
        Optional<Box.Download> viewed = view.viewed(reader, pass);
        if (viewed.isEmpty()) {
            return Optional.empty();
        }
        BoxFile file = viewed.get().file();
        InputStream content = viewed.get().content();
        Kind kind = kind(file);
        if (kind == Kind.PDF) {
            return Optional.of(new Shown("application/pdf", content, file.size()));
        }
        if (kind == Kind.IMAGE) {
            String type = IMAGES.getOrDefault(extension(file.name()), null);
            String declared = UntrustedContent.mediaType(file.contentType());
            return Optional.of(new Shown(IMAGES.containsValue(declared) ? declared : type, content, file.size()));
        }
        if (kind == Kind.OFFICE) {
            return converted(reader, file, content);
        }
        close(content);
        return Optional.empty();
    }

    private Optional<Shown> converted(Reader reader, BoxFile file, InputStream original) {
        synchronized (converting.computeIfAbsent(file.id(), id -> new Object())) {
            try {
                Optional<InputStream> kept = blobs.open(Box.previewPart(file));
                if (kept.isPresent()) {
                    close(original);
                    return Optional.of(new Shown("application/pdf", kept.get(), -1));
                }
                return convert(reader, file, original);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                converting.remove(file.id());
            }
        }
    }

    private Optional<Shown> convert(Reader reader, BoxFile file, InputStream original) throws IOException {
        String part = Box.previewPart(file);
        Path dir = Files.createTempDirectory("musubi-box-preview");
        try {
            Path document = dir.resolve("document." + officeExtension(file));
            Path pdf = dir.resolve("document.pdf");
            try (InputStream in = original) {
                Files.copy(in, document);
            }
            long started = System.nanoTime();
            office.toPdf(document, pdf);
            try (InputStream in = Files.newInputStream(pdf)) {
                blobs.store(part, in, Math.max(officeMaxBytes * 4, 64L << 20));
            }
            LOG.info("Box file {} ({} bytes) converted to PDF for its preview in {} ms", file.id(), file.size(),
                    (System.nanoTime() - started) / 1_000_000);
            if (file.expired(clock.instant()) || !box.readable(reader, file.id()).map(BoxFile::part)
                    .equals(Optional.of(file.part()))) {
                // expired (the sweep may have deleted the file's parts meanwhile) or saved as a new version (whose
                // preview is another part) while it was converted: leave nothing behind it
                blobs.delete(part);
                return Optional.empty();
            }
            return blobs.open(part).map(in -> new Shown("application/pdf", in, -1));
        } catch (IOException e) {
            LOG.warn("Box file {}: no preview ({}); it stays a download", file.id(), e.getMessage());
            if (failed.size() >= FAILED_KEPT) {
                failed.clear();
            }
            failed.add(file.id());
            blobs.delete(part);
            return Optional.empty();
        } finally {
            close(original);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String officeExtension(BoxFile file) {
        String extension = extension(file.name());
        if (OFFICE.contains(extension)) {
            return extension;
        }
        return OFFICE_TYPES.get(UntrustedContent.mediaType(file.contentType()));
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it, or all of it
        }
    }
}
