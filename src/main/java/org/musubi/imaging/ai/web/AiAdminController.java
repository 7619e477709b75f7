package org.musubi.imaging.ai.web;

import java.util.List;
import java.util.stream.Collectors;
import org.musubi.imaging.ai.AiAdministration;
import org.musubi.registry.Administrator;
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
 * The operators' page of the AI services (network admins only: {@code /admin/**}; the use case checks again): the
 * services, registering and changing one (the token is write-only: never shown back, blank keeps it), and the newest
 * work items with their state and last error.
 */
@Controller
class AiAdminController {

    private final AiAdministration administration;

    AiAdminController(AiAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin/imaging/ai")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        Administrator admin = admin(me);
        List<AiAdministration.View> services = administration.list(admin);
        model.addAttribute("services", services);
        model.addAttribute("serviceNames", services.stream()
                .collect(Collectors.toMap(AiAdministration.View::id, AiAdministration.View::name)));
        model.addAttribute("items", administration.workItems(admin));
        return "imaging/ai-services";
    }

    @GetMapping("/admin/imaging/ai/{id}")
    String service(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        model.addAttribute("service", administration.find(admin(me), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "imaging/ai-service";
    }

    @PostMapping("/admin/imaging/ai")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long id,
                @RequestParam(required = false) String name, @RequestParam(required = false) String baseUrl,
                @RequestParam(required = false) String token, @RequestParam(required = false) String modelName,
                @RequestParam(required = false) String modelVersion, @RequestParam(required = false) String modalities,
                @RequestParam(required = false) String bodyPart, @RequestParam(defaultValue = "false") boolean automatic,
                @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        try {
            AiAdministration.View saved = administration.save(admin(me), id, new AiAdministration.Settings(name,
                            baseUrl, token, modelName, modelVersion, modalities, bodyPart, automatic, enabled))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/imaging/ai/" + saved.id();
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
            return id == null ? "redirect:/admin/imaging/ai" : "redirect:/admin/imaging/ai/" + id;
        }
    }

    private static Administrator admin(SignedIn me) {
        return new Administrator(me.userId(), me.networkAdmin(), me.adminFacilityIds());
    }
}
