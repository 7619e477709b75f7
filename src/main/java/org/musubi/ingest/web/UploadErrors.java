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

    static ResponseEntity<Map<String, Object>> unknownKind(String kind) {
        return of(HttpStatus.NOT_FOUND, "unknown-kind", "取り込みの種類が不明です（ssmix2, jahis, lab, lab-csv, checkup, uke）"
                + " / Unknown kind of import (ssmix2, jahis, lab, lab-csv, checkup, uke): " + kind);
    }

    static ResponseEntity<Map<String, Object>> mayNotWrite() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "トークンのスコープでは書き込めません（system/*.write が必要）"
                + " / The token's scope does not allow writing (system/*.write is needed)");
    }

    /** Records name their source by this code; without it nothing could be stored or told apart. */
    static ResponseEntity<Map<String, Object>> noInstitutionCode() {
        return of(HttpStatus.CONFLICT, "no-institution-code", "この施設には医療機関コードが登録されていないため"
                + "取り込めません。ネットワーク運営者に登録を依頼してください / This facility has no medical-institution code"
                + " registered, so nothing can be imported; ask the network operator to register it");
    }

    static ResponseEntity<Map<String, Object>> tooLarge(long limit) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "ファイルが大きすぎます（上限 " + limit + " バイト）"
                + " / The upload is larger than the limit of " + limit + " bytes");
    }

    /**
     * A refused zip, named: by the name the system gave the upload (the query parameter {@code name}
     * or a multipart part's file name), or as the zip sent as the request body; nothing of it was imported.
     */
    static ResponseEntity<Map<String, Object>> badArchive(UploadSpool.BadArchive refused) {
        String name = refused.upload();
        String shown = name == null ? null : name.replaceAll("[\\p{Cntrl}]", "").strip();
        boolean named = shown != null && !shown.isEmpty();
        if (named && shown.length() > 100) {
            shown = shown.substring(0, 100) + "…";
        }
        String ja = named ? "アップロード「" + shown + "」" : "本文として送られた zip";
        String en = named ? "The upload \"" + shown + "\"" : "The zip sent as the request body";
        return of(HttpStatus.BAD_REQUEST, refused.code(), ja + "を取り込めません: " + refused.japanese()
                + "。何も取り込んでいません / " + en + " was refused: " + refused.getMessage() + "; nothing of it was imported");
    }

    /** A system scope allowing writes of every type ({@code system/*.write} or {@code system/*.*}). */
    static boolean mayWrite(Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("SCOPE_system/*.write") || a.equals("SCOPE_system/*.*"));
    }
}
