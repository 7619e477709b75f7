package org.musubi.portal.admin.facilities;

import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.registry.systems.BuiltInSystems;
import org.musubi.registry.systems.DeclareIdentifierSystem;
import org.musubi.registry.systems.DeclaredSystem;
import org.musubi.registry.systems.DeclaredSystems;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A facility's identifier systems (患者IDの識別子体系): its built-in patient-ID system, and the systems declared as its
 * patient IDs besides, with who declared each and when; declaring and removing. Network administrators manage every
 * facility's, facility administrators their own facilities' (another facility's page answers 403, as the API clients
 * page does).
 */
@Controller
class IdentifierSystemController {

    private final Facilities facilities;
    private final DeclaredSystems declared;
    private final DeclareIdentifierSystem declare;
    private final BuiltInSystems builtIn;
    private final Users users;

    IdentifierSystemController(Facilities facilities, DeclaredSystems declared, DeclareIdentifierSystem declare,
                               BuiltInSystems builtIn, Users users) {
        this.facilities = facilities;
        this.declared = declared;
        this.declare = declare;
        this.builtIn = builtIn;
        this.users = users;
    }

    /** The facility administrator's way in: their (first) facility's systems; network administrators pick a facility. */
    @GetMapping("/admin/identifier-systems")
    String start(@AuthenticationPrincipal SignedIn me) {
        Administrator admin = Admins.of(me);
        return admin.networkAdmin() || admin.adminFacilityIds().isEmpty() ? "redirect:/admin/facilities"
                : "redirect:/admin/facilities/" + admin.adminFacilityIds().stream().sorted().findFirst().orElseThrow()
                        + "/identifier-systems";
    }

    @GetMapping("/admin/facilities/{id}/identifier-systems")
    String show(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        return page(me, id, model);
    }

    @PostMapping("/admin/facilities/{id}/identifier-systems")
    String add(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String system,
               Model model, RedirectAttributes redirect) {
        try {
            DeclaredSystem saved = declare.declare(Admins.of(me), id, system);
            redirect.addFlashAttribute("declared", saved.system());
            return "redirect:/admin/facilities/" + id + "/identifier-systems";
        } catch (InvalidRegistration e) {
            model.addAttribute("faults", e.faults());
            model.addAttribute("system", system);
            return page(me, id, model);
        }
    }

    /**
     * Removes a declared system once confirmed ({@code confirmed=yes}); one click without it comes back to the page with
     * the question open and removes nothing (another facility's, or one that does not exist: 403, as the act answers).
     */
    @PostMapping("/admin/facilities/{id}/identifier-systems/remove")
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            if (!DeclareIdentifierSystem.mayManage(Admins.of(me), id) || facilities.find(id).isEmpty()) {
                throw new NotPermitted("identifier systems of facility " + id);
            }
            redirect.addAttribute("confirm", system == null ? "" : system.strip());
            return "redirect:/admin/facilities/" + id + "/identifier-systems";
        }
        try {
            declare.remove(Admins.of(me), id, system);
            redirect.addFlashAttribute("removed", system);
            return "redirect:/admin/facilities/" + id + "/identifier-systems";
        } catch (InvalidRegistration e) {
            model.addAttribute("faults", e.faults());
            return page(me, id, model);
        }
    }

    private String page(SignedIn me, long id, Model model) {
        if (!DeclareIdentifierSystem.mayManage(Admins.of(me), id)) {
            throw new NotPermitted("identifier systems of facility " + id);
        }
        Facility facility = facilities.find(id).filter(f -> f.kind().participating())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var systems = declared.of(id);
        Map<Long, String> names = systems.stream().map(DeclaredSystem::declaredBy).distinct()
                .flatMap(user -> users.find(user).stream())
                .collect(Collectors.toMap(User::id, u -> u.nameKanji() + " (" + u.loginId() + ")"));
        model.addAttribute("facility", facility);
        model.addAttribute("builtIn", builtIn.of(facility));
        model.addAttribute("systems", systems);
        model.addAttribute("declarers", names);
        return "admin/identifier-systems";
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
