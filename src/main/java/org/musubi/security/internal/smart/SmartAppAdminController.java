package org.musubi.security.internal.smart;

import java.util.List;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's register of residents' apps ({@code /admin/smart-apps}, network administrators only). */
@Controller
class SmartAppAdminController {

    static final String PATH = "/admin/smart-apps";
    private final SmartApps apps;

    SmartAppAdminController(SmartApps apps) {
        this.apps = apps;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("apps", apps.all());
        model.addAttribute("defaultScopes", SmartScopes.joined(List.of(SmartScopes.LAUNCH_PATIENT,
                SmartScopes.OPENID, SmartScopes.FHIR_USER, SmartScopes.OFFLINE, "patient/*.read")));
        return "admin/smart-apps";
    }

    @PostMapping(PATH)
    String register(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String redirectUris, @RequestParam(required = false) String scopes,
                    RedirectAttributes redirect) {
        try {
            JdbcSmartApps.App app = apps.register(me.userId(), name, redirectUris, scopes);
            redirect.addFlashAttribute("createdClientId", app.clientId());
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("redirectUris", redirectUris);
            redirect.addFlashAttribute("scopes", scopes);
        }
        return "redirect:" + PATH;
    }

    /**
     * Stops an app (every resident's connection revoked) once confirmed ({@code confirmed=yes}); without it the list
     * opens with the question and nothing is changed.
     */
    @PostMapping(PATH + "/{id}/stop")
    String stop(@PathVariable long id, @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            redirect.addAttribute("confirm", id);
            return "redirect:" + PATH;
        }
        redirect.addFlashAttribute("stopped", apps.stop(id));
        return "redirect:" + PATH;
    }
}
