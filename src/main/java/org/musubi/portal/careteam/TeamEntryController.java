package org.musubi.portal.careteam;

import static org.musubi.portal.careteam.WorkspaceAnswers.actor;
import static org.musubi.portal.careteam.WorkspaceAnswers.saved;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.carenet.TeamEntry;
import org.musubi.carenet.AssignTeamTask;
import org.musubi.carenet.RecordTeamAdl;
import org.musubi.carenet.RecordTeamVitals;
import org.musubi.carenet.WriteTeamNote;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's forms of a care team's entries (a note, vital signs, an ADL check, a task), each saved by its use
 * case and answered as {@link WorkspaceController} describes.
 */
@Controller
class TeamEntryController {

    private final WriteTeamNote notes;
    private final RecordTeamVitals vitals;
    private final RecordTeamAdl adl;
    private final AssignTeamTask tasks;

    TeamEntryController(WriteTeamNote notes, RecordTeamVitals vitals, RecordTeamAdl adl, AssignTeamTask tasks) {
        this.notes = notes;
        this.vitals = vitals;
        this.adl = adl;
        this.tasks = tasks;
    }

    @PostMapping("/portal/care-teams/{teamId}/notes")
    String note(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                @RequestParam(defaultValue = "CARE_NOTE") String kind, @RequestParam(required = false) String text,
                @RequestParam(required = false) String s, @RequestParam(required = false) String o,
                @RequestParam(required = false) String a, @RequestParam(required = false) String p,
                HttpServletResponse response) {
        return saved(teamId, response, id -> "SOAP".equals(kind)
                ? notes.write(actor(me), id, TeamEntry.Kind.SOAP, java.util.Arrays.asList(s, o, a, p))
                : notes.write(actor(me), id, TeamEntry.Kind.CARE_NOTE, java.util.Collections.singletonList(text)));
    }

    @PostMapping("/portal/care-teams/{teamId}/vitals")
    String vitals(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId,
                  @RequestParam Map<String, String> form, HttpServletResponse response) {
        Map<RecordTeamVitals.Measure, BigDecimal> values = new EnumMap<>(RecordTeamVitals.Measure.class);
        for (RecordTeamVitals.Measure m : RecordTeamVitals.Measure.values()) {
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
        return saved(teamId, response, id -> vitals.record(actor(me), id, values));
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
        return saved(teamId, response, id -> adl.record(actor(me), id, answers, form.get("remark")));
    }

    @PostMapping("/portal/care-teams/{teamId}/tasks")
    String task(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @RequestParam String text,
                @RequestParam long assignee, @RequestParam(required = false) LocalDate due,
                HttpServletResponse response) {
        return saved(teamId, response, id -> tasks.assign(actor(me), id, text, assignee, due));
    }
}
