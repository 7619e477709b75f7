package org.musubi.portal.consult;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.musubi.consult.Upload;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** What the consultations' pages read from a request alike, and their answer of a thread not there (404). */
final class ConsultAnswers {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private ConsultAnswers() {
    }

    static List<Upload> uploads(MultipartFile[] files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? new MultipartFile[0] : files) {
            if (file != null && !file.isEmpty()) {
                uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        return uploads;
    }

    static java.time.Instant when(String at) {
        try {
            return at == null || at.isBlank() ? null : LocalDateTime.parse(at).atZone(JAPAN).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    static long person(String asked) {
        try {
            return Long.parseLong(asked);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static UUID uuid(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
