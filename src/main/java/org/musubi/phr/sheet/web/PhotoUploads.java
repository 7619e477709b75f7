package org.musubi.phr.sheet.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.musubi.phr.sheet.SheetPhotos;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The web side of the sheet's photos, shared by the resident's pages and the clinicians' viewer. */
public final class PhotoUploads {

    private PhotoUploads() {
    }

    /** The uploaded file's bytes, at most {@code maxBytes} + 1 of them (so that a larger one is refused as such). */
    public static byte[] bytes(MultipartFile file, long maxBytes) throws IOException {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** The photo, not cached by any shared cache, never sniffed as another type; 404 when missing or not allowed. */
    public static ResponseEntity<?> serve(Optional<SheetPhotos.Served> photo) {
        if (photo.isEmpty()) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("Not found");
        }
        SheetPhotos.Served served = photo.get();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(served.mediaType()))
                .contentLength(served.size()).cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(new InputStreamResource(served.content()));
    }
}
