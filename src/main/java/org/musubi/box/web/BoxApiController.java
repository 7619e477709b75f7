package org.musubi.box.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.DownloadFile;
import org.musubi.box.ListInbox;
import org.musubi.box.SendFiles;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.musubi.messages.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Box for facility systems ({@code /api/box/files}, a bearer token of the facility's API client): send a file — the
 * request body itself, streamed — to named users and/or a facility's members by profession ({@code system/*.write});
 * list the files sent to the system and download one ({@code system/*.read}). The same rules, limits and audit as the
 * pages; a file the system may not have answers 404 like one that does not exist.
 */
@RestController
class BoxApiController {

    private final Box box;
    private final SendFiles sending;
    private final ListInbox inbox;
    private final DownloadFile downloads;
    private final BoxUploads resumable;

    BoxApiController(Box box, SendFiles sending, ListInbox inbox, DownloadFile downloads, BoxUploads resumable) {
        this.box = box;
        this.sending = sending;
        this.inbox = inbox;
        this.downloads = downloads;
        this.resumable = resumable;
    }

    @PostMapping("/api/box/files")
    ResponseEntity<Map<String, Object>> send(@RequestParam(required = false) String name,
                                             @RequestParam(required = false) String upload,
                                             @RequestParam(required = false) List<Long> user,
                                             @RequestParam(required = false) Long facility,
                                             @RequestParam(required = false) List<String> profession,
                                             @RequestParam(required = false) String message, HttpServletRequest request,
                                             Authentication authentication) throws IOException {
        if (!scoped(authentication, "write")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Set<Profession> professions = profession == null ? Set.of() : profession.stream()
                .flatMap(p -> Arrays.stream(Profession.values()).filter(v -> v.name().equals(p)))
                .collect(Collectors.toSet());
        Box.Sent sent;
        Box.Recipients to = new Box.Recipients(user == null ? Set.of() : Set.copyOf(user), facility, professions);
        if (upload != null) {
            List<Box.Upload> ready;
            try {
                ready = resumable.complete(reader(authentication).userId(), List.of(upload));
            } catch (BoxUploads.NotReady e) {
                return refused(List.of("box.upload.notReady"));
            }
            try (InputStream body = ready.getFirst().content()) {
                sent = sending.send(reader(authentication), ready, to, message);
            }
            if (!sent.files().isEmpty()) {
                resumable.discard(List.of(upload));
            }
        } else {
            try (InputStream body = request.getInputStream()) {
                sent = sending.send(reader(authentication), List.of(new Box.Upload(name, request.getContentType(), body)),
                        to, message);
            }
        }
        if (sent.files().isEmpty()) {
            return refused(sent.faults());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(json(sent.files().getFirst()));
    }

    @GetMapping("/api/box/files")
    List<Map<String, Object>> received(Authentication authentication) {
        if (!scoped(authentication, "read")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return inbox.received(reader(authentication)).stream().map(BoxApiController::json).toList();
    }

    @GetMapping("/api/box/files/{id}")
    void download(@PathVariable String id, Authentication authentication, HttpServletResponse response)
            throws IOException {
        if (!scoped(authentication, "read")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Optional<Box.Download> download = downloads.download(reader(authentication), BoxDownloads.id(id));
        if (download.isEmpty()) {
            // the sender and recipients of a file whose content a restore did not find are told so (410)
            throw new ResponseStatusException(box.lostFor(reader(authentication), BoxDownloads.id(id)).isPresent()
                    ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
        }
        BoxDownloads.write(response, download.get());
    }

    /**
     * A refusal (403: the token's scopes; 404: a file the system may not have, or none; 410: a file of the caller's
     * whose content a restore did not find) with a fixed body: no time stamp, no id, so that nothing tells one refused
     * file from another or from none.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refusal(ResponseStatusException e) {
        int status = e.getStatusCode().value();
        String key = status == 403 ? "box.upload.forbidden" : status == 410 ? "box.lost.note" : Box.NOT_FOUND;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status == 403 ? "forbidden" : status == 410 ? "lost" : "not-found");
        body.put("message", Texts.japanese(key) + " / " + Texts.english(key));
        return ResponseEntity.status(e.getStatusCode()).body(body);
    }

    private static ResponseEntity<Map<String, Object>> refused(List<String> faults) {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("faults", faults);
        refused.put("messages", faults.stream().map(f -> Texts.japanese(f) + " / " + Texts.english(f)).toList());
        return ResponseEntity.unprocessableEntity().body(refused);
    }

    private static Map<String, Object> json(BoxFile f) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", f.id().toString());
        file.put("name", f.name());
        file.put("contentType", f.contentType());
        file.put("size", f.size());
        file.put("sha256", f.sha256());
        file.put("scan", f.scan().name());
        file.put("uploadedAt", f.uploadedAt().toString());
        file.put("expiresAt", f.expiresAt().toString());
        if (f.lost()) {
            file.put("lostAt", f.lostAt().toString()); // its content was not in the restored backup: not downloadable
        }
        return file;
    }

    private static Reader reader(Authentication authentication) {
        SignedIn caller = (SignedIn) authentication.getPrincipal();
        return new Reader(caller.userId(), caller.facilityId());
    }

    private static boolean scoped(Authentication authentication, String access) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("SCOPE_system/*." + access) || a.equals("SCOPE_system/*.*"));
    }
}
