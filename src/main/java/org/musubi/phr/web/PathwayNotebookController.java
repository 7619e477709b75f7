package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * あなたの地域連携パス: the resident (or their live proxy) sees their pathways' progress — each stage, the facility that
 * fills it, when it is due and when it was done — through the policy's self access, one audit row. The forms' contents
 * are in the record (the notebook's record pages), not here.
 */
@Controller
class PathwayNotebookController {

    private final Pathways pathways;
    private final NotebookOwner owner;
    private final Facilities facilities;

    PathwayNotebookController(Pathways pathways, NotebookOwner owner, Facilities facilities) {
        this.pathways = pathways;
        this.owner = owner;
        this.facilities = facilities;
    }

    @GetMapping("/phr/pathways")
    String pathways(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response,
                    HttpSession session) {
        Optional<List<Enrolment>> mine = pathways.forResident(me.userId(), owner.of(me, session));
        if (mine.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        Map<String, PathwayTemplate> templates = new HashMap<>();
        Map<Long, String> facilityNames = new HashMap<>();
        mine.get().forEach(e -> {
            pathways.templateOf(e).ifPresent(t -> templates.put(e.id().toString(), t));
            e.stages().forEach(s -> java.util.stream.Stream.of(s.assignedFacilityId(), s.filledFacilityId())
                    .filter(java.util.Objects::nonNull).forEach(id -> facilityNames.computeIfAbsent(id,
                            f -> facilities.find(f).map(Facility::nameKanji).orElse(""))));
        });
        model.addAttribute("resident", me);
        model.addAttribute("enrolments", mine.get());
        model.addAttribute("templates", templates);
        model.addAttribute("facilityNames", facilityNames);
        model.addAttribute("today", LocalDate.now(Pathways.JAPAN));
        return "phr/pathways";
    }
}
