package org.musubi.box.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.musubi.box.Box;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.http.ContentDisposition;

/** How a Box file goes out over HTTP, for the pages and the systems' route alike. */
public final class BoxDownloads {

    private BoxDownloads() {
    }

    /** A file's id as asked: a UUID, else one nothing has (asked all the same, so the answer and audit are alike). */
    public static UUID id(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return new UUID(0, 0);
        }
    }

    /** Streams the download as an attachment under its name (never inline: Box files are untrusted content). */
    public static void write(HttpServletResponse response, Box.Download download) throws IOException {
        UntrustedContent.asAttachment(response, download.file().contentType(), "box-file");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(download.file().name(), StandardCharsets.UTF_8).build().toString());
        response.setContentLengthLong(download.file().size());
        try (InputStream in = download.content()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
