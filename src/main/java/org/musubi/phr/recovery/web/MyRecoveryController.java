package org.musubi.phr.recovery.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.phr.recovery.MyRecovery;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On the notebook's home, the resident cancels a pending re-registration of their own account they did not ask for,
 * or dismisses the notice of what a confirmed one changed. Anything that is not theirs answers the notebook's one
 * "not found" page and changes nothing.
 */
@Controller
class MyRecoveryController {

    private final MyRecovery recovery;

    MyRecoveryController(MyRecovery recovery) {
        this.recovery = recovery;
    }

    /**
     * Cancels once confirmed ({@code confirmed=yes}); one click without it comes back to the notebook's home with the
     * question open, for the resident's own pending recovery only (anything else: the "not found" page and the audit
     * row of a refused cancel, as ever).
     */
    @PostMapping("/phr/recovery/{recoveryId}/cancel")
    String cancel(@AuthenticationPrincipal SignedIn me, @PathVariable String recoveryId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect,
                  Model model, HttpServletResponse response) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            if (!isId(recoveryId) || !recovery.mayCancel(me.userId(), Long.parseLong(recoveryId))) {
                return notFound(me, model, response);
            }
            redirect.addAttribute("confirm", "recovery-" + recoveryId);
            return "redirect:/phr";
        }
        if (!isId(recoveryId) || !recovery.cancel(me.userId(), Long.parseLong(recoveryId))) {
            return notFound(me, model, response);
        }
        redirect.addFlashAttribute("recoveryCancelled", true);
        return "redirect:/phr";
    }

    @PostMapping("/phr/recovery/{recoveryId}/dismiss")
    String dismiss(@AuthenticationPrincipal SignedIn me, @PathVariable String recoveryId, Model model,
                   HttpServletResponse response) {
        if (!isId(recoveryId) || !recovery.dismiss(me.userId(), Long.parseLong(recoveryId))) {
            return notFound(me, model, response);
        }
        return "redirect:/phr";
    }

    private static boolean isId(String text) {
        return text.matches("\\d{1,18}");
    }

    private static String notFound(SignedIn me, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("resident", me);
        return "phr/not-found";
    }
}
