package org.musubi.imaging.stow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.database.Standby;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.stow.StoreInstances;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STOW-RS for facility systems ({@code POST /api/dicom-web/studies[/{study}]}, a bearer token of the facility's API
 * client with {@code system/ImagingStudy.write}, {@code system/*.write} or {@code system/*.*}): a {@code
 * multipart/related; type="application/dicom"} body, answered with the DICOM JSON store response (200 all stored, 202
 * some refused, 409 none; each refused instance in the failed SOP sequence with its reason). Refused as a whole: 401
 * without a token (the API chain), 403 without the scope or a facility, 415 for another body, 413 above {@code
 * musubi.imaging.stow-max-bytes}, 503 on a read-only standby or without an archive.
 */
@RestController
class StowController {

    static final MediaType DICOM_JSON = MediaType.parseMediaType("application/dicom+json");

    private final StoreInstances store;
    private final Standby standby;
    private final OrthancClient archive;
    private final long most;

    StowController(StoreInstances store, Standby standby, OrthancClient archive,
                   @Value("${musubi.imaging.stow-max-bytes:536870912}") long most) {
        this.store = store;
        this.standby = standby;
        this.archive = archive;
        this.most = most;
    }

    @PostMapping("/api/dicom-web/studies")
    ResponseEntity<Map<String, Object>> store(HttpServletRequest request, Authentication authentication)
            throws IOException {
        return stow(null, request, authentication);
    }

    @PostMapping("/api/dicom-web/studies/{study}")
    ResponseEntity<Map<String, Object>> storeInto(@PathVariable String study, HttpServletRequest request,
                                                  Authentication authentication) throws IOException {
        if (!IndexedStudy.isUid(study)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return stow(study, request, authentication);
    }

    private ResponseEntity<Map<String, Object>> stow(String study, HttpServletRequest request,
                                                     Authentication authentication) throws IOException {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        if (!scoped(authentication) || caller.facilityId() == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (standby.readOnly() || !archive.settings().configured()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        String boundary = MultipartRelated.boundary(request.getContentType());
        if (boundary == null) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
        }
        if (request.getContentLengthLong() > most) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, most + 1));
        }
        if (body.length > most) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        List<byte[]> parts = MultipartRelated.parts(body, boundary);
        if (parts == null || parts.isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
        }
        List<byte[]> contents = parts.stream().map(p -> p == null ? new byte[0] : p).toList();
        StoreInstances.Stored stored = store.store(new Reader(caller.userId(), caller.facilityId()), study, contents);
        HttpStatus status = stored.allFailed() ? HttpStatus.CONFLICT
                : stored.anyFailed() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).contentType(DICOM_JSON).body(answer(stored));
    }

    /** The store response: ReferencedSOPSequence (0008,1199) and FailedSOPSequence (0008,1198). */
    static Map<String, Object> answer(StoreInstances.Stored stored) {
        List<Object> referenced = new ArrayList<>();
        List<Object> failed = new ArrayList<>();
        for (StoreInstances.Instance i : stored.instances()) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (i.sopClassUid() != null) {
                item.put("00081150", Map.of("vr", "UI", "Value", List.of(i.sopClassUid())));
            }
            if (i.sopInstanceUid() != null) {
                item.put("00081155", Map.of("vr", "UI", "Value", List.of(i.sopInstanceUid())));
            }
            if (i.failure() == null) {
                referenced.add(item);
            } else {
                item.put("00081197", Map.of("vr", "US", "Value", List.of(i.failure())));
                failed.add(item);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!failed.isEmpty()) {
            answer.put("00081198", Map.of("vr", "SQ", "Value", failed));
        }
        if (!referenced.isEmpty()) {
            answer.put("00081199", Map.of("vr", "SQ", "Value", referenced));
        }
        return answer;
    }

    private static boolean scoped(Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("SCOPE_system/ImagingStudy.write") || a.equals("SCOPE_system/*.write")
                        || a.equals("SCOPE_system/*.*") || a.equals("SCOPE_system/ImagingStudy.*"));
    }
}
