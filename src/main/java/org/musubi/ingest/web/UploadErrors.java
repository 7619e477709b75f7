package org.musubi.ingest.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/** Error answers of the upload endpoint (JSON with a code and a bilingual message), and its scope check. */
final class UploadErrors {

    private UploadErrors() {
    }

    static ResponseEntity<Map<String, Object>> of(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }

    static ResponseEntity<Map<String, Object>> tooLarge(long limit) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "ファイルが大きすぎます（上限 " + limit + " バイト）"
                + " / The upload is larger than the limit of " + limit + " bytes");
    }

    /** A system scope allowing writes of every type ({@code system/*.write} or {@code system/*.*}). */
    static boolean mayWrite(Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("SCOPE_system/*.write") || a.equals("SCOPE_system/*.*"));
    }
}
