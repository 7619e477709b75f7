package org.musubi.phr.web;

import java.time.LocalDate;
import org.musubi.consent.ChangedBy;
import org.musubi.consent.GrantProxy;
import org.musubi.consent.Refused;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator appoints a proxy for a person on the person's page (a person who cannot do it themself, on a signed
 * request), or revokes one. Network administrators only ({@code /admin/**}).
 */
@Controller
class ProxyAdminController {

    private final GrantProxy grants;

    ProxyAdminController(GrantProxy grants) {
        this.grants = grants;
    }

    @PostMapping("/admin/persons/{personId}/proxies")
    String appoint(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                   @RequestParam(required = false) String loginId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                   RedirectAttributes redirect) {
        try {
            grants.grant(ChangedBy.operator(me.userId()), personId, loginId == null ? "" : loginId, until);
            redirect.addFlashAttribute("done", "proxy.done.granted");
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/admin/persons/" + personId;
    }

    @PostMapping("/admin/persons/{personId}/proxies/{grantId}/revoke")
    String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, @PathVariable long grantId,
                  RedirectAttributes redirect) {
        try {
            grants.revoke(ChangedBy.operator(me.userId()), personId, grantId);
            redirect.addFlashAttribute("done", "proxy.done.revoked");
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/admin/persons/" + personId;
    }
}
