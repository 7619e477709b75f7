package org.musubi.box;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.musubi.audit.Purpose;
import org.musubi.record.Reader;
import org.musubi.registry.User;

/** What Box's tests send and who sends it: a small text file, a user as a reader, a download closed. */
final class BoxTestFiles {

    private BoxTestFiles() {
    }

    static Box.Upload upload(String text) {
        return new Box.Upload("file.txt", "text/plain", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }

    static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
