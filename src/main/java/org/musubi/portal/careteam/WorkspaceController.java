package org.musubi.portal.careteam;

import static org.musubi.portal.careteam.WorkspaceAnswers.actor;
import static org.musubi.portal.careteam.WorkspaceAnswers.denied;
import static org.musubi.portal.careteam.WorkspaceAnswers.id;
import static org.musubi.portal.careteam.WorkspaceAnswers.saved;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.musubi.carenet.TeamEntry;
import org.musubi.carenet.ChangeTeamTaskStatus;
import org.musubi.carenet.ListMyTeamTasks;
import org.musubi.carenet.ReadTeamTimeline;
import org.musubi.carenet.RecordTeamVitals;
import org.musubi.consent.Refused;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A care team's workspace (在宅ケアチームの共有記録), phone first: the handover "since my last entry", the forms (note,
 * vital signs, ADL, task, photo: {@link TeamEntryController}, {@link TeamPhotoController}) and the team's timeline with
 * each photo as a thumbnail linking to the picture ({@code /photos/<id>}); the user's open tasks of every team and a
 * task's new status. For live members only: anyone else, a guessed or malformed team id, a refusal of the policy — all
 * the 404 of a patient who does not exist, each audited once by the workspace's use cases. A form with nothing valid
 * in it is shown again with a message (nothing stored, nothing audited). On a read-only standby the web module's filter
 * answers every POST 503 with the standby's message; the page still reads.
 */
@Controller
class WorkspaceController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final ReadTeamTimeline timelines;
    private final ListMyTeamTasks myTasks;
    private final ChangeTeamTaskStatus statuses;

    WorkspaceController(ReadTeamTimeline timelines, ListMyTeamTasks myTasks, ChangeTeamTaskStatus statuses) {
        this.timelines = timelines;
        this.myTasks = myTasks;
        this.statuses = statuses;
    }

    @GetMapping("/portal/care-teams/{teamId}")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                @RequestParam(required = false) Instant before, Model model, HttpServletResponse response) {
        UUID id = id(teamId);
        try {
            ReadTeamTimeline.Timeline timeline = timelines.read(actor(me), id, before);
            model.addAttribute("timeline", timeline);
            model.addAttribute("team", timeline.team());
            model.addAttribute("measures", RecordTeamVitals.Measure.values());
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

    @PostMapping("/portal/care-teams/{teamId}/tasks/{taskId}/status")
    String status(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @PathVariable String taskId,
                  @RequestParam String status, @RequestParam(required = false) String back,
                  HttpServletResponse response) {
        String saved = saved(teamId, response, id -> {
            statuses.change(actor(me), id, taskId, status);
            return taskId;
        });
        return "tasks".equals(back) && saved.startsWith("redirect:") ? "redirect:/portal/care-teams/tasks?saved" : saved;
    }

    @GetMapping("/portal/care-teams/tasks")
    String tasks(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("tasks", myTasks.list(actor(me)));
        model.addAttribute("today", LocalDate.now(JAPAN));
        model.addAttribute("statuses", TeamEntry.TASK_STATUSES);
        return "portal/care-team-tasks";
    }
}
