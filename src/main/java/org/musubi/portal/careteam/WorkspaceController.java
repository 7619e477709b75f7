package org.musubi.portal.careteam;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.TeamEntry;
import org.musubi.carenet.TeamWorkspace;
import org.musubi.consent.Refused;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.registry.FieldFault;
import org.musubi.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A care team's workspace (在宅ケアチームの共有記録), phone first: the handover "since my last entry", the forms (note,
 * vital signs, ADL, task, photo) and the team's timeline with each photo as a thumbnail linking to the picture
 * ({@code /photos/<id>}); the user's open tasks of every team. For live members only: anyone
 * else, a guessed or malformed team id, a refusal of the policy — all the 404 of a patient who does not exist, each
 * audited once by {@link TeamWorkspace}. A form with nothing valid in it is shown again with a message (nothing
 * stored, nothing audited). On a read-only standby the web module's filter answers every POST 503 with the standby's
 * message; the page still reads.
 */
@Controller
class WorkspaceController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final TeamWorkspace workspace;

    WorkspaceController(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/portal/care-teams/{teamId}")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                @RequestParam(required = false) Instant before, Model model, HttpServletResponse response) {
        UUID id = id(teamId);
        try {
            TeamWorkspace.Timeline timeline = workspace.timeline(actor(me), id, before);
            model.addAttribute("timeline", timeline);
            model.addAttribute("team", timeline.team());
            model.addAttribute("measures", TeamWorkspace.Measure.values());
            model.addAttribute("adlItems", List.of("meal", "toilet", "bathing", "mobility"));
            model.addAttribute("adlAnswers", List.of("independent", "partial", "dependent"));
            model.addAttribute("statuses", TeamEntry.TASK_STATUSES);
            model.addAttribute("today", LocalDate.now(JAPAN));
            model.addAttribute("myId", me.userId());
            return "portal/care-team-workspace";
        } catch (Refused e) {
            return denied(response);
        }
    }

    @PostMapping("/portal/care-teams/{teamId}/notes")
    String note(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                @RequestParam(defaultValue = "CARE_NOTE") String kind, @RequestParam(required = false) String text,
                @RequestParam(required = false) String s, @RequestParam(required = false) String o,
                @RequestParam(required = false) String a, @RequestParam(required = false) String p,
                HttpServletResponse response) {
        return saved(teamId, response, id -> "SOAP".equals(kind)
                ? workspace.note(actor(me), id, TeamEntry.Kind.SOAP, java.util.Arrays.asList(s, o, a, p))
                : workspace.note(actor(me), id, TeamEntry.Kind.CARE_NOTE, java.util.Collections.singletonList(text)));
    }

    @PostMapping("/portal/care-teams/{teamId}/vitals")
    String vitals(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                  @RequestParam Map<String, String> form, HttpServletResponse response) {
        Map<TeamWorkspace.Measure, BigDecimal> values = new EnumMap<>(TeamWorkspace.Measure.class);
        for (TeamWorkspace.Measure m : TeamWorkspace.Measure.values()) {
            String typed = form.get(m.name().toLowerCase(java.util.Locale.ROOT));
            if (typed != null && !typed.isBlank()) {
                try {
                    values.put(m, new BigDecimal(java.text.Normalizer.normalize(typed.strip(),
                            java.text.Normalizer.Form.NFKC)));
                } catch (NumberFormatException e) {
                    return "redirect:/portal/care-teams/" + teamId + "?invalid";
                }
            }
        }
        return saved(teamId, response, id -> workspace.vitals(actor(me), id, values));
    }

    @PostMapping("/portal/care-teams/{teamId}/adl")
    String adl(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
               @RequestParam Map<String, String> form, HttpServletResponse response) {
        Map<String, String> answers = new HashMap<>();
        for (String item : List.of("meal", "toilet", "bathing", "mobility")) {
            if (form.get(item) != null) {
                answers.put(item, form.get(item));
            }
        }
        return saved(teamId, response, id -> workspace.adl(actor(me), id, answers, form.get("remark")));
    }

    @PostMapping("/portal/care-teams/{teamId}/tasks")
    String task(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @RequestParam String text,
                @RequestParam long assignee, @RequestParam(required = false) LocalDate due,
                HttpServletResponse response) {
        return saved(teamId, response, id -> workspace.task(actor(me), id, text, assignee, due));
    }

    @PostMapping("/portal/care-teams/{teamId}/tasks/{taskId}/status")
    String status(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @PathVariable String taskId,
                  @RequestParam String status, @RequestParam(required = false) String back,
                  HttpServletResponse response) {
        String saved = saved(teamId, response, id -> {
            workspace.taskStatus(actor(me), id, taskId, status);
            return taskId;
        });
        return "tasks".equals(back) && saved.startsWith("redirect:") ? "redirect:/portal/care-teams/tasks?saved" : saved;
    }

    /**
     * A (wound) photo: made safe before anything is stored; a file that is no JPEG or PNG, too large or unreadable is
     * shown back with the reason (nothing stored, nothing audited).
     */
    @PostMapping("/portal/care-teams/{teamId}/photos")
    String photo(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                 @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String caption,
                 @RequestParam(required = false) String bodySite, HttpServletResponse response,
                 RedirectAttributes flash) throws IOException {
        byte[] bytes = new byte[0];
        if (photo != null && !photo.isEmpty()) {
            try (InputStream in = photo.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, workspace.photoLimit() + 1));
            }
        }
        String fileName = photo == null ? null : photo.getOriginalFilename();
        byte[] upload = bytes;
        try {
            return saved(teamId, response, id -> workspace.photo(actor(me), id, fileName, upload, caption, bodySite));
        } catch (PhotoSanitizer.Refused e) {
            flash.addFlashAttribute("photoFaults", List.of(new FieldFault("photo", e.messageKey(), e.args())));
            return "redirect:/portal/care-teams/" + teamId + "?invalid";
        }
    }

    /**
     * A team's photo, for a live member: served with its own type, never sniffed, cached or run (nothing loads from
     * it); anyone else, an ex-member, a guessed id, a photo of another team: the same 404 as for no photo.
     */
    @GetMapping("/portal/care-teams/{teamId}/photos/{mediaId}")
    ResponseEntity<?> photo(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                            @PathVariable String mediaId) {
        TeamWorkspace.Photo photo;
        try {
            photo = workspace.photo(actor(me), id(teamId), mediaId);
        } catch (Refused e) {
            return ResponseEntity.status(HttpServletResponse.SC_NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not found");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(new InputStreamResource(photo.content()));
    }

    @GetMapping("/portal/care-teams/tasks")
    String tasks(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("tasks", workspace.myTasks(actor(me)));
        model.addAttribute("today", LocalDate.now(JAPAN));
        model.addAttribute("statuses", TeamEntry.TASK_STATUSES);
        return "portal/care-team-tasks";
    }

    private String saved(String teamId, HttpServletResponse response, java.util.function.Function<UUID, String> write) {
        try {
            write.apply(id(teamId));
            return "redirect:/portal/care-teams/" + teamId + "?saved";
        } catch (Refused e) {
            if (TeamWorkspace.INVALID.equals(e.messageKey())) {
                return "redirect:/portal/care-teams/" + teamId + "?invalid";
            }
            return denied(response);
        }
    }

    private static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    private static CareTeams.Actor actor(SignedIn me) {
        return new CareTeams.Actor(me.userId(), me.facilityId());
    }

    /** The team's id; a malformed one names no team (the same refusal, audited by the workspace). */
    private static UUID id(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
