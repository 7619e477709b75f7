package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.carenet.ShowResidentTeams;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * あなたの在宅ケアチーム: the resident (or their live proxy) sees who is in their care teams — names, roles, facilities,
 * until when — and the tasks the team has open for them (what, due, status, who), as they see their record: through
 * the policy's self access, one audit row.
 */
@Controller
class CareTeamNotebookController {

    private final ShowResidentTeams teams;
    private final NotebookOwner owner;
    private final Users users;
    private final Facilities facilities;

    CareTeamNotebookController(ShowResidentTeams teams, NotebookOwner owner, Users users, Facilities facilities) {
        this.teams = teams;
        this.owner = owner;
        this.users = users;
        this.facilities = facilities;
    }

    @GetMapping("/phr/care-team")
    String team(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response, HttpSession session) {
        Optional<List<ShowResidentTeams.ResidentTeam>> views = teams.show(me.userId(), owner.of(me, session));
        if (views.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> facilityNames = new HashMap<>();
        views.get().forEach(v -> v.view().members().forEach(m -> {
            names.computeIfAbsent(m.userId(), id -> users.find(id).map(User::nameKanji).orElse(""));
            facilityNames.computeIfAbsent(m.facilityId(), id -> facilities.find(id).map(Facility::nameKanji).orElse(""));
        }));
        model.addAttribute("resident", me);
        model.addAttribute("teams", views.get());
        model.addAttribute("names", names);
        model.addAttribute("facilityNames", facilityNames);
        return "phr/care-team";
    }
}
