package org.musubi.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import me.desair.tus.server.upload.UploadLock;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.database.Standby;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.IngestProperties;
import org.musubi.security.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads for facility systems (tus 1.0: {@code POST /import/{kind}/uploads} creates an upload, HEAD tells
 * its offset, PATCH appends, DELETE ends it; OPTIONS tells what the server offers), authorised like {@link
 * UploadController}: a bearer token with {@code system/*.write}, a known kind, a facility with a medical-institution
 * code, at most {@code musubi.ingest.upload-max-size} (413 at creation). The state is in the database and the blob
 * store, so any node continues any upload. When the last byte has arrived the file is imported into the facility's
 * upload source of that kind, once, under the upload's lock; {@code GET} on the upload answers the batch as {@code POST
 * /import/{kind}} does (and imports it if the node that received the last byte died first). An upload is its
 * facility's and kind's: any other caller is answered as for an id that does not exist.
 */
@RestController
class ResumableImportController {

    private static final Logger log = LoggerFactory.getLogger(ResumableImportController.class);
    private final ResumableUploads uploads;
    private final UploadImports imports;
    private final UploadAnswers answers;
    private final Standby standby;
    private final IngestProperties properties;

    ResumableImportController(ResumableUploads uploads, UploadImports imports, UploadAnswers answers, Standby standby,
                              IngestProperties properties) {
        this.uploads = uploads;
        this.imports = imports;
        this.answers = answers;
        this.standby = standby;
        this.properties = properties;
    }

    /** Whose uploads these are: the facility's, for one kind of import. */
    static String owner(SignedIn caller, String kind) {
        return "import:" + caller.facilityId() + ":" + kind;
    }

    @RequestMapping(path = {"/import/{kind}/uploads", "/import/{kind}/uploads/{id}"}, method = {RequestMethod.POST,
            RequestMethod.HEAD, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS})
    ResponseEntity<Map<String, Object>> tus(@PathVariable String kind, HttpServletRequest request,
                                            HttpServletResponse response, Authentication authentication) throws IOException {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        ResponseEntity<Map<String, Object>> refused = refused(kind, authentication);
        if (refused != null) {
            return refused;
        }
        String method = uploads.method(request);
        UUID id = uploads.id(request.getRequestURI());
        if (id == null) {
            if ("POST".equals(method)) {
                ResponseEntity<Map<String, Object>> refusedCreation = refusedCreation(request, caller);
                if (refusedCreation != null) {
                    return refusedCreation;
                }
            }
            uploads.process(request, response, owner(caller, kind));
            return null;
        }
        try (UploadLock lock = uploads.lock(id)) {
            if (!"OPTIONS".equals(method) && uploads.find(id, owner(caller, kind)).isEmpty()) {
                return notFound(id);
            }
            uploads.process(request, response, owner(caller, kind));
            if ("PATCH".equals(method) && response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
                importWhenComplete(id, caller, kind);
            }
            return null;
        } catch (ResumableUploads.Busy e) {
            return busy();
        }
    }

    /** The batch of a complete upload (imported now if it was not yet); 409 while bytes are missing. */
    @GetMapping("/import/{kind}/uploads/{id}")
    ResponseEntity<Map<String, Object>> result(@PathVariable String kind, @PathVariable String id,
                                               Authentication authentication) throws IOException {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        ResponseEntity<Map<String, Object>> refused = refused(kind, authentication);
        if (refused != null) {
            return refused;
        }
        UUID upload = uploads.id("/import/" + kind + "/uploads/" + id);
        if (upload == null) {
            return notFound(id);
        }
        try (UploadLock lock = uploads.lock(upload)) {
            Optional<ResumableUploads.Upload> found = uploads.find(upload, owner(caller, kind));
            if (found.isEmpty()) {
                return notFound(upload);
            }
            if (!found.get().complete()) {
                Map<String, Object> body = new LinkedHashMap<>(UploadErrors.of(HttpStatus.CONFLICT, "incomplete",
                        "アップロードはまだ完了していません（受信 " + found.get().offset() + " / " + found.get().length()
                                + " バイト）。残りを PATCH で送ってください / The upload is not complete yet ("
                                + found.get().offset() + " of " + found.get().length()
                                + " bytes received); send the rest with PATCH").getBody());
                body.put("offset", found.get().offset());
                body.put("length", found.get().length());
                return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
            }
            return ResponseEntity.ok(answers.body(importOnce(found.get(), caller, kind)));
        } catch (UploadSpool.TooLarge e) {
            return UploadErrors.tooLarge(properties.uploadMaxSize().toBytes());
        } catch (UploadSpool.BadArchive e) {
            return UploadErrors.badArchive(e);
        } catch (ResumableUploads.Busy e) {
            return busy();
        }
    }

    /**
     * Imports the upload if its last byte has just arrived. The PATCH is answered 204 whatever the import found (the
     * bytes are received); the sender reads the batch, or why the file was refused, with GET.
     */
    private void importWhenComplete(UUID id, SignedIn caller, String kind) {
        uploads.find(id, owner(caller, kind)).filter(ResumableUploads.Upload::complete).ifPresent(upload -> {
            try {
                importOnce(upload, caller, kind);
            } catch (IOException | RuntimeException e) {
                log.warn("The resumable upload {} is complete but its import failed; GET on it tries again: {}", id,
                        e.toString());
            }
        });
    }

    private ImportBatch importOnce(ResumableUploads.Upload upload, SignedIn caller, String kind) throws IOException {
        String name = upload.metadata().getOrDefault("filename", upload.metadata().get("name"));
        ImportBatch batch = imports.importOnce(upload.id(), caller, kind, name, () -> uploads.open(upload.id()));
        uploads.discardBytes(upload.id());
        return batch;
    }

    private ResponseEntity<Map<String, Object>> refused(String kind, Authentication authentication) {
        if (!UploadImports.KINDS.containsKey(kind)) {
            return UploadErrors.unknownKind(kind);
        }
        if (!UploadErrors.mayWrite(authentication)) {
            return UploadErrors.mayNotWrite();
        }
        if (standby.readOnly()) {
            return UploadErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "read-only", Standby.MESSAGE);
        }
        return null;
    }

    private ResponseEntity<Map<String, Object>> refusedCreation(HttpServletRequest request, SignedIn caller) {
        long length;
        try {
            length = Long.parseLong(String.valueOf(request.getHeader("Upload-Length")).strip());
        } catch (NumberFormatException e) {
            return UploadErrors.of(HttpStatus.BAD_REQUEST, "no-length", "Upload-Length ヘッダーでファイルの大きさ（バイト）を"
                    + "示してください（後から示すことはできません） / Give the file's size in bytes in the Upload-Length header"
                    + " (a deferred length is not accepted)");
        }
        if (length > properties.uploadMaxSize().toBytes()) {
            return UploadErrors.tooLarge(properties.uploadMaxSize().toBytes());
        }
        if (imports.lacksInstitutionCode(caller.facilityId())) {
            return UploadErrors.noInstitutionCode();
        }
        return null;
    }

    private static ResponseEntity<Map<String, Object>> notFound(Object id) {
        return UploadErrors.of(HttpStatus.NOT_FOUND, "not-found",
                "アップロードが見つかりません / No such upload of your facility: " + id);
    }

    private static ResponseEntity<Map<String, Object>> busy() {
        return ResponseEntity.status(HttpStatus.LOCKED).header("Retry-After", "1").body(UploadErrors.of(HttpStatus.LOCKED,
                "busy", "このアップロードは別の要求が書き込み中です。少し待ってからやり直してください / Another request is"
                        + " writing this upload; try again in a moment").getBody());
    }
}
