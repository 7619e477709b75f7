package org.musubi.box.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import me.desair.tus.server.upload.UploadLock;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.musubi.messages.Texts;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Box's resumable uploads (tus 1.0: {@code POST} creates, {@code HEAD} tells the offset, {@code PATCH} appends,
 * {@code DELETE} ends, {@code OPTIONS} tells what is offered), for the pages ({@code /portal/box/uploads}, the signed-in
 * user's session and its CSRF token) and systems ({@code /api/box/uploads}, a bearer token with {@code
 * system/*.write}). Before anything is stored, the file's announced length ({@code Upload-Length}, required) must fit
 * the per-file limit and what the user's quota has left: 413 with a message otherwise. An upload is its uploader's;
 * anyone else's, a guessed or malformed id answers 404 alike. Refused on a read-only standby (503). The upload is sent
 * as a Box file afterwards by naming its id ({@code upload=}); until then it holds no recipients and no audit row (it
 * is nobody's data yet), and it is removed a day after its last request.
 */
@RestController
class BoxUploadsController {

    private final BoxUploads uploads;
    private final Box box;
    private final SendFiles sending;

    BoxUploadsController(BoxUploads uploads, Box box, SendFiles sending) {
        this.uploads = uploads;
        this.box = box;
        this.sending = sending;
    }

    @RequestMapping(path = {"/portal/box/uploads", "/portal/box/uploads/{id}", "/api/box/uploads",
            "/api/box/uploads/{id}"}, method = {RequestMethod.POST, RequestMethod.HEAD, RequestMethod.PATCH,
            RequestMethod.DELETE, RequestMethod.OPTIONS})
    void tus(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        ResumableUploads tus = uploads.resumable();
        String method = tus.method(request);
        if (request.getRequestURI().startsWith("/api/") && !"OPTIONS".equals(method) && !writes(authentication)) {
            refuse(response, 403, "box.upload.forbidden");
            return;
        }
        if (box.readOnly() && !"OPTIONS".equals(method) && !"HEAD".equals(method)) {
            refuse(response, 503, "box.fault.standby");
            return;
        }
        String owner = BoxUploads.owner(caller.userId());
        UUID id = tus.id(request.getRequestURI());
        if (id == null) {
            if ("POST".equals(method) && refusedCreation(request, response, caller)) {
                return;
            }
            tus.process(request, response, owner);
            return;
        }
        try (UploadLock lock = tus.lock(id)) {
            if (!"OPTIONS".equals(method) && tus.find(id, owner).isEmpty()) {
                refuse(response, 404, "box.upload.notFound");
                return;
            }
            tus.process(request, response, owner);
        } catch (ResumableUploads.Busy e) {
            response.setHeader("Retry-After", "1");
            refuse(response, 423, "box.upload.busy");
        }
    }

    /** Whether creating this upload is refused (answered already): no length, too large, over quota, no facility. */
    private boolean refusedCreation(HttpServletRequest request, HttpServletResponse response, SignedIn caller)
            throws IOException {
        if (caller.facilityId() == null) {
            refuse(response, 403, "box.fault.noFacility");
            return true;
        }
        long length;
        try {
            length = Long.parseLong(String.valueOf(request.getHeader("Upload-Length")).strip());
        } catch (NumberFormatException e) {
            refuse(response, 400, "box.upload.noLength");
            return true;
        }
        if (length > sending.fileMaxBytes()) {
            refuse(response, 413, "box.fault.tooLarge");
            return true;
        }
        if (length > sending.room(new Reader(caller.userId(), caller.facilityId()))) {
            refuse(response, 413, "box.fault.quota");
            return true;
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, int status, String key) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((Texts.japanese(key) + " / " + Texts.english(key))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean writes(Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("SCOPE_system/*.write") || a.equals("SCOPE_system/*.*"));
    }
}
