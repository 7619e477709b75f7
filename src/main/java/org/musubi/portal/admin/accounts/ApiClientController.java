package org.musubi.portal.admin.accounts;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.security.ApiClientAdministration;
import org.musubi.security.ApiScope;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API clients of facility systems: network admins for every facility, facility admins for their own. */
@Controller
class ApiClientController {

    static final List<String> SCOPES = List.of("system/*.read", "system/*.write", "system/Patient.read");
    private final ApiClientAdministration clients;
    private final Facilities facilities;

    ApiClientController(ApiClientAdministration clients, Facilities facilities) {
        this.clients = clients;
        this.facilities = facilities;
    }

    @GetMapping("/admin/api-clients")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        Administrator admin = Admins.of(me);
        List<Facility> options = admin.networkAdmin() ? facilities.all()
                : admin.adminFacilityIds().stream().sorted().flatMap(id -> facilities.find(id).stream()).toList();
        model.addAttribute("clients", clients.clients(admin, null));
        model.addAttribute("facilityOptions", options);
        model.addAttribute("facilityNames", options.stream().collect(Collectors.toMap(Facility::id, Facility::nameKanji)));
        model.addAttribute("scopeOptions", SCOPES);
        return "admin/api-clients";
    }

    @PostMapping("/admin/api-clients")
    String register(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId,
                    @RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
                    RedirectAttributes redirect) {
        Set<ApiScope> chosen = scopes == null ? Set.of() : scopes.stream().filter(SCOPES::contains)
                .map(ApiScope::parse).collect(Collectors.toSet());
        try {
            ApiClientAdministration.NewApiClient created =
                    clients.register(Admins.of(me), facilityId == null ? -1 : facilityId, name, chosen);
            redirect.addFlashAttribute("createdClientId", created.client().clientId());
            redirect.addFlashAttribute("createdSecret", created.secret());
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
        }
        return "redirect:/admin/api-clients";
    }

    @PostMapping("/admin/api-clients/{clientId}/secret")
    String newSecret(@AuthenticationPrincipal SignedIn me, @PathVariable String clientId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("createdClientId", clientId);
        redirect.addFlashAttribute("createdSecret", clients.newSecret(Admins.of(me), clientId).value());
        return "redirect:/admin/api-clients";
    }

    @PostMapping("/admin/api-clients/{clientId}/keys")
    String keys(@AuthenticationPrincipal SignedIn me, @PathVariable String clientId,
                @RequestParam(required = false) String jwks, RedirectAttributes redirect) {
        try {
            clients.setPublicKeys(Admins.of(me), clientId, jwks);
        } catch (InvalidRegistration e) {
            redirect.addFlashAttribute("faults", e.faults());
        }
        return "redirect:/admin/api-clients";
    }

    @PostMapping("/admin/api-clients/{clientId}/revoke")
    String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable String clientId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the list opens with the question, nothing is changed — for a client the caller
            // manages; anyone else gets the refusal the act itself gives (403)
            if (clients.clients(Admins.of(me), null).stream().noneMatch(c -> c.clientId().equals(clientId))) {
                throw new NotPermitted("api client " + clientId);
            }
            redirect.addAttribute("confirm", clientId);
            return "redirect:/admin/api-clients";
        }
        clients.revoke(Admins.of(me), clientId);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/api-clients";
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
