package org.musubi.security.internal.oidc;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator removes a person's My Number card link on the person's page (a lost or misused link; the resident can
 * link again). Network administrators only ({@code /admin/**}); audited as {@code OIDC_UNLINK}.
 */
@Controller
class MyNumberAdminController {

    private final LinkMyNumber linking;

    MyNumberAdminController(LinkMyNumber linking) {
        this.linking = linking;
    }

    /**
     * Removes the link once confirmed ({@code confirmed=yes}); one click without it comes back to the person's page
     * with the question open and removes nothing.
     */
    @PostMapping("/admin/persons/{personId}/mynumber/{linkId}/remove")
    String remove(@PathVariable long personId, @PathVariable long linkId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page (opened through the policy, as ever) shows the question
            redirect.addAttribute("confirm", "mynumber-" + linkId);
            return "redirect:/admin/persons/" + personId;
        }
        if (linking.removeByOperator(personId, linkId)) {
            redirect.addFlashAttribute("done", "oidc.admin.removed");
        }
        return "redirect:/admin/persons/" + personId;
    }
}
