package org.musubi.phr.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.registry.FieldFault;

/**
 * Photos of the paper emergency sheet: an upload is made safe ({@link PhotoSanitizer}: JPEG or PNG only, re-encoded
 * without EXIF location or any other metadata), kept in the blob store under its SHA-256 and added to the sheet as a new
 * version, all in the save's one audited interaction; a photo is served only to a reader who sees the sheet that
 * holds it (one audited read), otherwise answered as missing.
 */
public final class SheetPhotos {

    private final EmergencySheets sheets;
    private final BlobStore blobs;
    private final PhotoSanitizer sanitizer = new PhotoSanitizer();
    private final long maxBytes;
    private final int maxPhotos;

    /** {@code maxBytes}: the largest upload taken ({@code musubi.phr.photos.max-size}). */
    public SheetPhotos(EmergencySheets sheets, BlobStore blobs, long maxBytes, SheetProperties properties) {
        this.sheets = sheets;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
        this.maxPhotos = properties.maxPhotos();
    }

    /** The largest upload taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A photo to serve: its media type, size and content (to be closed by the caller). */
    public record Served(String mediaType, long size, InputStream content) {
    }

    /** Adds the uploaded picture to the sheet (a fault on {@code photo} when refused); empty when the user may not. */
    public Optional<EmergencySheets.Saved> add(EmergencySheets.Author author, long personId, String fileName,
                                               byte[] bytes, String caption) {
        return sheets.save(author, personId, current -> {
            if (current.photos().size() >= maxPhotos) {
                return refused("sheet.fault.tooManyPhotos", maxPhotos);
            }
            PhotoSanitizer.Sanitized safe;
            try {
                safe = sanitizer.sanitize(fileName, bytes, maxBytes);
            } catch (PhotoSanitizer.Refused e) {
                return new SheetForm.Read(null, List.of(new FieldFault("photo", e.messageKey(), e.args())));
            }
            Blob blob;
            try {
                blob = blobs.put(new ByteArrayInputStream(safe.bytes()), maxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (current.photos().stream().anyMatch(p -> p.sha256().equals(blob.sha256()))) {
                return new SheetForm.Read(current, List.of());
            }
            String text = caption == null || caption.isBlank() ? null : caption.strip();
            if (text != null && text.length() > SheetForm.MAX_TEXT) {
                return refused("sheet.fault.tooLong", SheetForm.MAX_TEXT);
            }
            List<EmergencySheet.Photo> photos = new ArrayList<>(current.photos());
            photos.add(new EmergencySheet.Photo(blob.sha256(), safe.mediaType(), blob.size(), text));
            return new SheetForm.Read(new EmergencySheet(current.conditions(), current.medicines(), current.allergies(),
                    current.familyDoctor(), current.hospital(), current.contacts(), current.careLevel(),
                    current.bloodAbo(), current.bloodRh(), current.acpWish(), current.acpNote(), current.acpConfidant(),
                    current.paperLocation(), current.notes(), photos), List.of());
        });
    }

    /** The photo {@code sha256} of the person's current sheet, when this reader sees the sheet and it holds the photo. */
    public Optional<Served> open(EmergencySheets.Author author, long personId, String sha256) {
        if (!BlobStore.isKey(sha256)) {
            sheets.open(author, personId);
            return Optional.empty();
        }
        Optional<EmergencySheet.Photo> photo = sheets.open(author, personId)
                .flatMap(EmergencySheets.Opened::current)
                .flatMap(v -> v.sheet().photos().stream().filter(p -> p.sha256().equals(sha256)).findFirst());
        if (photo.isEmpty()) {
            return Optional.empty();
        }
        try {
            return blobs.open(sha256).map(in -> new Served(photo.get().mediaType(), photo.get().size(), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SheetForm.Read refused(String key, Object arg) {
        return new SheetForm.Read(null, List.of(new FieldFault("photo", key, List.of(arg))));
    }
}
