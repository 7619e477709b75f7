package org.musubi.portal.admin.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.orca.OrcaAdministration;
import org.musubi.ingest.orca.OrcaPulls;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.InvalidRegistration;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ORCA connectors (issue 46): network admins manage every facility's, a facility's admins their own; another
 * facility's connector answers 404 like one that does not exist. The password is write-only: the form never shows it
 * back, blank keeps it. "Pull now" runs the connector in the background; its batches show on /admin/imports.
 */
@Controller
class OrcaController {

    private final OrcaAdministration connectors;
    private final OrcaPulls pulls;
    private final Facilities facilities;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("orca-screen").daemon().factory());

    OrcaController(OrcaAdministration connectors, OrcaPulls pulls, Facilities facilities) {
        this.connectors = connectors;
        this.pulls = pulls;
        this.facilities = facilities;
    }

    @GetMapping("/admin/imports/orca")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        Administrator admin = Admins.of(me);
        List<Facility> options = admin.networkAdmin() ? facilities.all()
                : admin.adminFacilityIds().stream().sorted().flatMap(id -> facilities.find(id).stream()).toList();
        model.addAttribute("connectors", connectors.list(admin));
        model.addAttribute("facilityOptions", options);
        model.addAttribute("facilityNames", facilities.all().stream().collect(Collectors.toMap(Facility::id, Facility::nameKanji)));
        return "admin/orca";
    }

    @GetMapping("/admin/imports/orca/{id}")
    String connector(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        OrcaAdministration.View view = connectors.find(Admins.of(me), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("connector", view);
        model.addAttribute("facilityName", facilities.find(view.facilityId()).map(Facility::nameKanji).orElse(""));
        return "admin/orca-connector";
    }

    @PostMapping("/admin/imports/orca")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId,
                @RequestParam(required = false) String baseUrl, @RequestParam(required = false) String username,
                @RequestParam(required = false) String password, @RequestParam(required = false) Integer intervalMinutes,
                @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String since,
                RedirectAttributes redirect) {
        LocalDate first = since == null || !since.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? null : parse(since);
        try {
            OrcaAdministration.View saved = connectors.save(Admins.of(me), facilityId == null ? -1 : facilityId,
                    new OrcaAdministration.Settings(baseUrl, username, password, intervalMinutes, enabled, first))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/imports/orca/" + saved.id();
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
            return "redirect:/admin/imports/orca";
        }
    }

    @PostMapping("/admin/imports/orca/{id}/pull")
    String pullNow(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes redirect) {
        OrcaAdministration.View view = connectors.find(Admins.of(me), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Long userId = me.userId();
        background.submit(() -> {
            try {
                pulls.pull(view.id(), userId, BatchOrigin.SCREEN);
            } catch (RuntimeException e) {
                // kept on the connector (last_error), shown on its page
            }
        });
        redirect.addFlashAttribute("started", true);
        return "redirect:/admin/imports/orca/" + view.id();
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The background thread ends with the context. */
    @jakarta.annotation.PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }
}
