package org.musubi.portal.careteam;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.audit.Purpose;
import org.musubi.carenet.CareTeams;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's care teams (在宅ケアチーム): who is in each team, and — for a user whose facility has standing (a
 * card-made link) and is a member — making a team, inviting staff of any facility and ending a membership; the teams a
 * user is a member of (「参加中のケアチーム」). The page opens the person through the access policy (one audit row);
 * anyone it refuses, a guessed team or person, gets the 404 of a patient who does not exist. Each change is audited
 * once by {@link CareTeams}.
 */
@Controller
class CareTeamController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final CareTeams teams;
    private final PersonAccess access;
    private final Facilities facilities;
    private final Users users;

    CareTeamController(CareTeams teams, PersonAccess access, Facilities facilities, Users users) {
        this.teams = teams;
        this.access = access;
        this.facilities = facilities;
        this.users = users;
    }

    @GetMapping("/portal/patients/{personId}/care-team")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                @RequestParam(required = false) Long facility, Model model, HttpServletResponse response) {
        if (!access.openPerson(me.userId(), Purpose.TREATMENT, personId).permitted()) {
            return denied(response);
        }
        List<CareTeams.TeamView> views = teams.teamsOf(personId);
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> facilityNames = new HashMap<>();
        views.forEach(v -> v.members().forEach(m -> {
            names.computeIfAbsent(m.userId(), id -> users.find(id).map(User::nameKanji).orElse("#" + id));
            facilityNames.computeIfAbsent(m.facilityId(), id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id));
        }));
        model.addAttribute("personId", personId);
        model.addAttribute("teams", views);
        model.addAttribute("names", names);
        model.addAttribute("facilityNames", facilityNames);
        model.addAttribute("standing", me.facilityId() != null && access.standing(me.facilityId(), personId));
        model.addAttribute("myId", me.userId());
        model.addAttribute("roles", Arrays.asList(CareTeams.Role.values()));
        model.addAttribute("facilities", facilities.all().stream().filter(Facility::active).toList());
        model.addAttribute("facility", facility);
        model.addAttribute("staff", facility == null ? List.of() : users.search(null, facility,
                new PageRequest(1, PageRequest.MAX_SIZE)).items().stream().filter(User::active)
                .filter(u -> !u.resident()).toList());
        return "portal/care-team";
    }

    @PostMapping("/portal/patients/{personId}/care-team")
    String create(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                  @RequestParam(required = false) String name, @RequestParam(defaultValue = "DOCTOR") String role,
                  HttpServletResponse response) {
        try {
            teams.create(actor(me), personId, name, role(role));
            return "redirect:/portal/patients/" + personId + "/care-team?created";
        } catch (Refused e) {
            return denied(response);
        }
    }

    @PostMapping("/portal/care-teams/{teamId}/members")
    String invite(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @RequestParam long user,
                  @RequestParam(defaultValue = "OTHER") String role, @RequestParam(required = false) LocalDate until,
                  HttpServletResponse response) {
        try {
            long person = teams.invite(actor(me), id(teamId), user, role(role),
                    until == null ? null : until.plusDays(1).atStartOfDay(JAPAN).toInstant()).personId();
            return "redirect:/portal/patients/" + person + "/care-team?invited";
        } catch (Refused e) {
            return denied(response);
        }
    }

    /**
     * Ends a membership (a member leaving, or one removed by a member whose facility has standing) once confirmed
     * ({@code confirmed=yes}); one click without it comes back to the team's page with the question open and ends
     * nothing.
     */
    @PostMapping("/portal/care-teams/{teamId}/members/{userId}/end")
    String end(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, @PathVariable long userId,
               @RequestParam(required = false) String confirmed, HttpServletResponse response) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the team's page opens with the question (a team the user is not in: their list)
            UUID team = id(teamId);
            return teams.teamsOfMember(me.userId()).stream().filter(t -> t.id().equals(team)).findFirst()
                    .map(t -> "redirect:/portal/patients/" + t.personId() + "/care-team?confirm=" + team + "-" + userId)
                    .orElse("redirect:/portal/care-teams");
        }
        try {
            teams.end(actor(me), id(teamId), userId);
            return userId == me.userId() ? "redirect:/portal/care-teams?left" : "redirect:/portal/care-teams/"
                    + teamId + "/back";
        } catch (Refused e) {
            return denied(response);
        }
    }

    /** After a member was removed: back to the team's patient page, when the user still sees the team. */
    @GetMapping("/portal/care-teams/{teamId}/back")
    String back(@AuthenticationPrincipal SignedIn me, @PathVariable String teamId, HttpServletResponse response) {
        return teams.teamsOfMember(me.userId()).stream().filter(t -> t.id().equals(id(teamId))).findFirst()
                .map(t -> "redirect:/portal/patients/" + t.personId() + "/care-team?ended")
                .orElseGet(() -> "redirect:/portal/care-teams");
    }

    @GetMapping("/portal/care-teams")
    String mine(@AuthenticationPrincipal SignedIn me, Model model) {
        List<CareTeam> mine = teams.teamsOfMember(me.userId());
        model.addAttribute("teams", mine);
        return "portal/care-teams";
    }

    private static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    private static CareTeams.Actor actor(SignedIn me) {
        return new CareTeams.Actor(me.userId(), me.facilityId());
    }

    private static CareTeams.Role role(String asked) {
        return Arrays.stream(CareTeams.Role.values()).filter(r -> r.name().equals(asked)).findFirst()
                .orElse(CareTeams.Role.OTHER);
    }

    private static UUID id(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
