package org.musubi.security.internal.oidc;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping("/admin/persons/{personId}/mynumber/{linkId}/remove")
    String remove(@PathVariable long personId, @PathVariable long linkId, RedirectAttributes redirect) {
        if (linking.removeByOperator(personId, linkId)) {
            redirect.addFlashAttribute("done", "oidc.admin.removed");
        }
        return "redirect:/admin/persons/" + personId;
    }
}
