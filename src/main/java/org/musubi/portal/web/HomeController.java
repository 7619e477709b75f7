package org.musubi.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.musubi.notice.Notices;
import org.musubi.paging.PageRequest;
import org.musubi.policy.ListLinkedPatients;
import org.musubi.registry.Facilities;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first page after login: the network's notices, and for users acting for a facility its linked
 * patients (searchable, audited per view) and the way to link a new one.
 */
@Controller
class HomeController {

    static final int NOTICES_SHOWN = 10;
    private final Facilities facilities;
    private final Notices notices;
    private final ListLinkedPatients linkedPatients;
    private final ZoneId zone;
    private final org.musubi.emergency.HandOvers handOvers;

    HomeController(Facilities facilities, Notices notices, ListLinkedPatients linkedPatients, UiProperties ui,
                   org.musubi.emergency.HandOvers handOvers) {
        this.facilities = facilities;
        this.notices = notices;
        this.linkedPatients = linkedPatients;
        this.zone = ui.zone();
        this.handOvers = handOvers;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedIn user, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        if (org.musubi.registry.Profession.RESIDENT.name().equals(user.profession())) {
            return "redirect:/phr";
        }
        if (org.musubi.registry.Profession.PARAMEDIC.name().equals(user.profession()) && user.facilityId() != null
                && facilities.find(user.facilityId()).map(f -> f.kind() == org.musubi.registry.FacilityKind.FIRE_DEPARTMENT)
                .orElse(false)) {
            return "redirect:/emergency";
        }
        model.addAttribute("notices", notices.shownAt(Instant.now(), NOTICES_SHOWN));
        if (user.facilityId() != null) {
            facilities.find(user.facilityId()).ifPresent(f -> model.addAttribute("facility", f));
            // the emergency room's inbox: live hand-overs from ambulance crews (no patient data until opened)
            model.addAttribute("handOvers", handOvers.liveFor(user.facilityId(), Instant.now()));
            model.addAttribute("linked", linkedPatients.list(user.userId(), q, PageRequest.of(page, 20)));
            model.addAttribute("q", q);
            model.addAttribute("today", LocalDate.now(zone));
        }
        return "home";
    }
}
