package org.musubi.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.musubi.notice.Notices;
import org.musubi.paging.PageRequest;
import org.musubi.policy.linked.ListLinkedPatients;
import org.musubi.registry.Facilities;
import org.musubi.portal.menu.Doors;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first page after login, answering each role's first question: for users acting for a facility its linked
 * patients (searchable, audited per view) with what changed since the user last opened each (a pharmacist: the newest
 * dispensing and the duplicate alerts), and the way to link a new one; for the secretariat its queues; the network's
 * notices for all. Some roles' home is another page ({@link Doors#landing}): residents go to their notebook,
 * ambulance crews to their screen, a public-health office's officers to the surveillance dashboard, a researcher of a
 * facility without patients to research. An anonymous visitor at {@code /} sees the network's public site.
 */
@Controller
class HomeController {

    static final int NOTICES_SHOWN = 10;
    private final Facilities facilities;
    private final Notices notices;
    private final ListLinkedPatients linkedPatients;
    private final ZoneId zone;
    private final RoleAnswers answers;
    private final Doors doors;

    HomeController(Facilities facilities, Notices notices, ListLinkedPatients linkedPatients, UiProperties ui,
                   RoleAnswers answers, Doors doors) {
        this.doors = doors;
        this.facilities = facilities;
        this.notices = notices;
        this.linkedPatients = linkedPatients;
        this.zone = ui.zone();
        this.answers = answers;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedIn user, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        if (user == null) {
            // the front door: an anonymous visitor sees the network's public site, with the staff's and residents' logins
            return "forward:/public";
        }
        java.util.Optional<String> landing = doors.landing(user);
        if (landing.isPresent()) {
            return "redirect:" + landing.get();
        }
        Instant now = Instant.now();
        model.addAttribute("notices", notices.shownAt(now, NOTICES_SHOWN));
        model.addAttribute("queues", answers.queues(user, now));
        if (user.facilityId() != null) {
            facilities.find(user.facilityId()).ifPresent(f -> {
                model.addAttribute("facility", f);
                model.addAttribute("letterCounts", answers.letters(user, f));
            });
            model.addAttribute("waiting", answers.waiting(user, now));
            // the emergency room's inbox: live hand-overs from ambulance crews (no patient data until opened)
            // only to those who may open them (Doors: an emergency profession of a hospital)
            if (doors.receivesHandOvers(user)) {
                model.addAttribute("handOvers", answers.handOvers(user.facilityId(), now));
            }
            Map<Long, PatientNews> news = new HashMap<>();
            model.addAttribute("linked", linkedPatients.list(user.userId(), q, PageRequest.of(page, 20),
                    answers.news(user, now, news)));
            model.addAttribute("news", news);
            model.addAttribute("pharmacist", Profession.PHARMACIST.name().equals(user.profession()));
            model.addAttribute("q", q);
            model.addAttribute("today", LocalDate.now(zone));
        } else {
            // an operator of no facility: the work lists that are theirs (the help desk's questions, participation applications …)
            model.addAttribute("waiting", answers.waiting(user, now));
        }
        return "home";
    }
}
