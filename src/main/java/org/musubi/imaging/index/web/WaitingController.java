package org.musubi.imaging.index.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.musubi.imaging.index.WaitingStudies;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The network operators' page of studies waiting for a patient and of sending AE titles ({@code /admin/imaging}; the
 * security chain lets network administrators only under {@code /admin/**}). What happened is told by a code in the
 * redirect ({@code ?done=} or {@code ?fault=}), shown through its label. Removing a sender asks once (only a POST with
 * {@code confirmed=yes} removes it).
 */
@Controller
class WaitingController {

    private final WaitingStudies waiting;
    private final Facilities facilities;

    WaitingController(WaitingStudies waiting, Facilities facilities) {
        this.waiting = waiting;
        this.facilities = facilities;
    }

    @GetMapping("/admin/imaging")
    String page(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String done,
                @RequestParam(required = false) String fault, Model model) {
        Administrator admin = admin(me);
        model.addAttribute("studies", waiting.list(admin));
        model.addAttribute("senders", waiting.senders(admin));
        model.addAttribute("facilities", facilities.all());
        Map<Long, String> names = facilities.all().stream().collect(Collectors.toMap(Facility::id, Facility::nameKanji));
        model.addAttribute("facilityNames", names);
        model.addAttribute("done", done != null && done.matches("[a-z]{1,20}") ? done : null);
        model.addAttribute("fault", fault != null && fault.matches("[A-Z_]{1,20}") ? fault : null);
        return "imaging/waiting";
    }

    @PostMapping("/admin/imaging/waiting/assign")
    String assign(@AuthenticationPrincipal SignedIn me, @RequestParam String study, @RequestParam long facility,
                  @RequestParam(required = false) String patient) {
        return after(waiting.assign(admin(me), study, facility, patient), "assigned");
    }

    @PostMapping("/admin/imaging/waiting/retry")
    String retry(@AuthenticationPrincipal SignedIn me, @RequestParam String study) {
        return after(waiting.retry(admin(me), study), "indexed");
    }

    @PostMapping("/admin/imaging/senders")
    String putSender(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String aet,
                     @RequestParam long facility) {
        if (facilities.find(facility).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return after(waiting.putSender(admin(me), aet, facility), "saved");
    }

    @PostMapping("/admin/imaging/senders/remove")
    String removeSender(@AuthenticationPrincipal SignedIn me, @RequestParam String aet,
                        @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): nothing is removed; the page opens the question for a sender that is there
            boolean there = waiting.senders(admin(me)).stream().anyMatch(s -> s.aet().equals(aet));
            return there ? "redirect:/admin/imaging?confirm=" + UriUtils.encodeQueryParam(aet, StandardCharsets.UTF_8)
                    : after(Optional.of(WaitingStudies.Fault.NOT_FOUND), "removed");
        }
        return after(waiting.removeSender(admin(me), aet) ? Optional.empty()
                : Optional.of(WaitingStudies.Fault.NOT_FOUND), "removed");
    }

    private static String after(Optional<WaitingStudies.Fault> fault, String done) {
        return fault.map(f -> "redirect:/admin/imaging?fault=" + f.name()).orElse("redirect:/admin/imaging?done=" + done);
    }

    private static Administrator admin(SignedIn me) {
        return new Administrator(me.userId(), me.networkAdmin(), me.adminFacilityIds());
    }
}
