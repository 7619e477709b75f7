package org.musubi.disaster.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.musubi.disaster.DesignateResponder;
import org.musubi.disaster.DisasterArea;
import org.musubi.disaster.DisasterMode;
import org.musubi.disaster.DisasterPeriod;
import org.musubi.disaster.InvalidSwitch;
import org.musubi.disaster.Municipality;
import org.musubi.disaster.SwitchDisasterMode;
import org.musubi.disaster.UnknownMunicipalities;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The network operator's page for disaster mode ({@code /admin/disaster}, network administrators only): what is on now,
 * switching it on for the network or for municipalities and off again — each after a confirmation page —, the history
 * of periods with who switched them, and the designated responder facilities. A responder is designated on the
 * facility's own admin page.
 */
@Controller
class DisasterAdminController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final DisasterMode mode;
    private final SwitchDisasterMode switching;
    private final DesignateResponder designate;
    private final Facilities facilities;
    private final Users users;

    DisasterAdminController(DisasterMode mode, SwitchDisasterMode switching, DesignateResponder designate,
                            Facilities facilities, Users users) {
        this.mode = mode;
        this.switching = switching;
        this.designate = designate;
        this.facilities = facilities;
        this.users = users;
    }

    @GetMapping("/admin/disaster")
    String page(Model model) {
        return page(model, SwitchForm.empty(), null);
    }

    /**
     * Step one of switching on: the area read back for the operator to confirm; nothing is switched yet. A municipality
     * no known address lies in sends the operator back to the form with a warning, to correct it or to confirm it.
     */
    @PostMapping("/admin/disaster/confirm")
    String confirmOn(@RequestParam(defaultValue = "false") boolean networkWide,
                     @RequestParam(required = false) Integer prefecture,
                     @RequestParam(required = false) String municipalities, @RequestParam(required = false) String note,
                     @RequestParam(required = false) String plannedEnd,
                     @RequestParam(defaultValue = "false") boolean unknownConfirmed, Model model) {
        SwitchForm form = new SwitchForm(networkWide, prefecture, municipalities, note, plannedEnd);
        List<Municipality> unknown;
        try {
            DisasterArea area = form.area();
            model.addAttribute("area", area);
            model.addAttribute("plannedEnd", form.plannedEndLocal());
            unknown = switching.unknownIn(area);
        } catch (InvalidSwitch invalid) {
            return page(model, form, invalid.messageKey());
        }
        if (note == null || note.isBlank()) {
            return page(model, form, SwitchDisasterMode.NOTE_REQUIRED);
        }
        if (!unknown.isEmpty() && !unknownConfirmed) {
            return unknown(model, form, unknown);
        }
        model.addAttribute("unknown", unknown.isEmpty() ? null : labels(unknown));
        model.addAttribute("form", form);
        model.addAttribute("switching", "on");
        return "admin/disaster-confirm";
    }

    @PostMapping("/admin/disaster/on")
    String on(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "false") boolean networkWide,
              @RequestParam(required = false) Integer prefecture,
              @RequestParam(required = false) String municipalities, @RequestParam(required = false) String note,
              @RequestParam(required = false) String plannedEnd,
              @RequestParam(defaultValue = "false") boolean unknownConfirmed, Model model) {
        SwitchForm form = new SwitchForm(networkWide, prefecture, municipalities, note, plannedEnd);
        try {
            switching.on(me.userId(), form.area(), note, form.plannedEndIn(zone(model)), unknownConfirmed);
            return "redirect:/admin/disaster?switched=on";
        } catch (UnknownMunicipalities unknown) {
            return unknown(model, form, unknown.unknown());
        } catch (InvalidSwitch invalid) {
            return page(model, form, invalid.messageKey());
        }
    }

    /** Back to the form, warned: the municipalities no known address lies in, with a box to confirm them. */
    private String unknown(Model model, SwitchForm form, List<Municipality> unknown) {
        model.addAttribute("unknown", labels(unknown));
        return page(model, form, null);
    }

    private static String labels(List<Municipality> municipalities) {
        return municipalities.stream().map(Municipality::label).collect(Collectors.joining("、"));
    }

    /** Step one of switching off: the period read back for the operator to confirm. */
    @PostMapping("/admin/disaster/{id}/confirm-off")
    String confirmOff(@PathVariable long id, @RequestParam(required = false) String note, Model model) {
        DisasterPeriod period = mode.active().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("period", period);
        model.addAttribute("note", note);
        model.addAttribute("switching", "off");
        return "admin/disaster-confirm";
    }

    @PostMapping("/admin/disaster/{id}/off")
    String off(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String note,
               Model model) {
        try {
            switching.off(me.userId(), id, note);
            return "redirect:/admin/disaster?switched=off";
        } catch (InvalidSwitch invalid) {
            return page(model, SwitchForm.empty(), invalid.messageKey());
        }
    }

    @PostMapping("/admin/facilities/{id}/disaster-responder")
    String responder(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam boolean responder) {
        if (!designate.designate(me.userId(), id, responder)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/admin/facilities/" + id;
    }

    private String page(Model model, SwitchForm form, String error) {
        List<DisasterPeriod> history = mode.history(100);
        Map<Long, String> names = new HashMap<>();
        history.forEach(p -> {
            names.computeIfAbsent(p.startedBy(), this::userName);
            if (p.endedBy() != null) {
                names.computeIfAbsent(p.endedBy(), this::userName);
            }
        });
        model.addAttribute("active", mode.active());
        model.addAttribute("history", history);
        model.addAttribute("userNames", names);
        model.addAttribute("responders", mode.responders().stream().map(facilities::find)
                .flatMap(Optional::stream).sorted(Comparator.comparing(Facility::nameKana)).toList());
        model.addAttribute("now", Instant.now());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "admin/disaster";
    }

    private String userName(long userId) {
        return users.find(userId).map(User::nameKanji).orElse("#" + userId);
    }

    private static ZoneId zone(Model model) {
        return model.getAttribute("zone") instanceof ZoneId zone ? zone : JAPAN;
    }
}
