package org.musubi.box.wopi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.musubi.box.BoxFile;
import org.musubi.box.web.BoxDownloads;
import org.musubi.box.wopi.Wopi;
import org.musubi.box.wopi.WopiTokens;
import org.musubi.database.Standby;
import org.musubi.messages.Texts;
import org.musubi.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WOPI host's REST routes, called by an online editor's server with an access token ({@link WopiTokenFilter}):
 * CheckFileInfo ({@code GET /wopi/files/<id>}), GetFile ({@code GET …/contents}), PutFile ({@code POST …/contents},
 * {@code X-WOPI-Override: PUT}) and the locks ({@code POST /wopi/files/<id>}, {@code X-WOPI-Override: LOCK},
 * {@code GET_LOCK}, {@code REFRESH_LOCK}, {@code UNLOCK}; {@code LOCK} with {@code X-WOPI-OldLock} is UnlockAndRelock).
 * Other operations (PutRelativeFile, RenameFile, DeleteFile …) answer 501. A file the token does not reach answers 404
 * with no body, as an id nobody has does.
 */
@RestController
class WopiController {

    private static final String LOCK = "X-WOPI-Lock";
    private static final String VERSION = "X-WOPI-ItemVersion";
    private final Wopi wopi;

    WopiController(Wopi wopi) {
        this.wopi = wopi;
    }

    @GetMapping("/wopi/files/{id}")
    ResponseEntity<Map<String, Object>> checkFileInfo(@PathVariable String id, Authentication authentication) {
        SignedIn me = (SignedIn) authentication.getPrincipal();
        return wopi.info(grant(authentication), BoxDownloads.id(id)).map(info -> {
            BoxFile f = info.file();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("BaseFileName", f.name());
            json.put("OwnerId", String.valueOf(f.senderUser()));
            json.put("Size", f.size());
            json.put("UserId", String.valueOf(me.userId()));
            json.put("UserFriendlyName", me.displayName());
            json.put("Version", info.version());
            int dot = f.name().lastIndexOf('.');
            json.put("FileExtension", dot >= 0 ? f.name().substring(dot) : "");
            json.put("SupportsLocks", true);
            json.put("SupportsGetLock", true);
            json.put("SupportsExtendedLockLength", true);
            json.put("SupportsUpdate", true);
            json.put("UserCanWrite", info.canWrite());
            json.put("ReadOnly", !info.canWrite());
            json.put("UserCanNotWriteRelative", true);
            json.put("SupportsRename", false);
            json.put("UserCanRename", false);
            json.put("SupportsDeleteFile", false);
            json.put("IsAnonymousUser", false);
            json.put("BreadcrumbBrandName", "Musubi");
            return ResponseEntity.ok(json);
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/wopi/files/{id}/contents")
    void getFile(@PathVariable String id, @RequestHeader(value = "X-WOPI-MaxExpectedSize", required = false) String max,
                 Authentication authentication, HttpServletResponse response) throws IOException {
        Wopi.Fetched fetched = wopi.content(grant(authentication), BoxDownloads.id(id), maxExpected(max));
        if (fetched.status() != Wopi.Status.OK) {
            response.setStatus(fetched.status() == Wopi.Status.PRECONDITION_FAILED ? 412 : 404);
            return;
        }
        response.setHeader(VERSION, Wopi.version(fetched.download().file()));
        BoxDownloads.write(response, fetched.download());
    }

    @PostMapping("/wopi/files/{id}/contents")
    void putFile(@PathVariable String id, @RequestHeader(value = "X-WOPI-Override", required = false) String override,
                 @RequestHeader(value = LOCK, required = false) String lock, Authentication authentication,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"PUT".equals(override)) {
            plain(response, 400, "box.wopi.badOverride");
            return;
        }
        Wopi.Answer answer;
        try (InputStream body = request.getInputStream()) {
            answer = wopi.save(grant(authentication), BoxDownloads.id(id), lock, body);
        }
        answer(response, answer);
    }

    @PostMapping("/wopi/files/{id}")
    void operation(@PathVariable String id, @RequestHeader(value = "X-WOPI-Override", required = false) String override,
                   @RequestHeader(value = LOCK, required = false) String lock,
                   @RequestHeader(value = "X-WOPI-OldLock", required = false) String old,
                   Authentication authentication, HttpServletResponse response) throws IOException {
        WopiTokens.Grant grant = grant(authentication);
        UUID file = BoxDownloads.id(id);
        Wopi.Answer answer = switch (override == null ? "" : override) {
            case "LOCK" -> wopi.lock(grant, file, lock, old);
            case "GET_LOCK" -> wopi.currentLock(grant, file);
            case "REFRESH_LOCK" -> wopi.refresh(grant, file, lock);
            case "UNLOCK" -> wopi.unlock(grant, file, lock);
            default -> null;
        };
        if (answer == null) {
            plain(response, 501, "box.wopi.unsupported");
            return;
        }
        if (answer.status() == Wopi.Status.OK && "GET_LOCK".equals(override)) {
            response.setHeader(LOCK, answer.lock());
        }
        answer(response, answer);
    }

    private static void answer(HttpServletResponse response, Wopi.Answer answer) throws IOException {
        if (answer.version() != null && answer.status() != Wopi.Status.NOT_FOUND) {
            response.setHeader(VERSION, answer.version());
        }
        switch (answer.status()) {
            case OK -> response.setStatus(200);
            case NOT_FOUND -> response.setStatus(404);
            case LOCK_MISMATCH -> {
                response.setHeader(LOCK, answer.lock());
                response.setHeader("X-WOPI-LockFailureReason", "lock mismatch");
                plain(response, 409, "box.wopi.lockMismatch");
            }
            case BAD_REQUEST -> plain(response, 400, "box.wopi.badLock");
            case TOO_LARGE -> plain(response, 413, answer.reason());
            case REFUSED -> plain(response, 422, answer.reason());
            case PRECONDITION_FAILED -> response.setStatus(412);
            case STANDBY -> {
                response.setHeader("Retry-After", "300");
                response.setStatus(503);
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write((Standby.MESSAGE + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** A plain-text answer, Japanese first: the message of {@code key}. */
    static void plain(HttpServletResponse response, int status, String key) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((Texts.japanese(key) + " / " + Texts.english(key) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long maxExpected(String header) {
        try {
            return header == null ? Integer.MAX_VALUE : Long.parseLong(header.strip());
        } catch (NumberFormatException notANumber) {
            return Integer.MAX_VALUE;
        }
    }

    private static WopiTokens.Grant grant(Authentication authentication) {
        return (WopiTokens.Grant) authentication.getDetails();
    }
}
