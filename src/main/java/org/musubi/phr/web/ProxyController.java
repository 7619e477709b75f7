package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.musubi.consent.ChangedBy;
import org.musubi.consent.GrantProxy;
import org.musubi.consent.Refused;
import org.musubi.phr.MyProxies;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 代理人: a resident appoints and revokes proxies for their own notebook, and, as someone's proxy, chooses to see that
 * person's notebook (and back to their own).
 */
@Controller
class ProxyController {

    private final MyProxies proxies;
    private final GrantProxy grants;
    private final NotebookOwner owner;

    ProxyController(MyProxies proxies, GrantProxy grants, NotebookOwner owner) {
        this.proxies = proxies;
        this.grants = grants;
        this.owner = owner;
    }

    @GetMapping("/phr/proxies")
    String list(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        var appointed = proxies.appointed(me.userId(), owner.own(me));
        if (appointed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("resident", me);
        model.addAttribute("appointed", appointed.get());
        model.addAttribute("actingFor", proxies.actingFor(me.userId()));
        model.addAttribute("maxUntil", LocalDate.now().plusYears(GrantProxy.MAX_YEARS));
        return "phr/proxies";
    }

    @PostMapping("/phr/proxies")
    String appoint(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String loginId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                   RedirectAttributes redirect) {
        try {
            grants.grant(ChangedBy.resident(me.userId()), owner.own(me), loginId == null ? "" : loginId, until);
            redirect.addFlashAttribute("done", "proxy.done.granted");
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/phr/proxies";
    }

    @PostMapping("/phr/proxies/{grantId}/revoke")
    String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable long grantId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the page opens with the question, nothing is changed
            redirect.addAttribute("confirm", grantId);
            return "redirect:/phr/proxies";
        }
        try {
            grants.revoke(ChangedBy.resident(me.userId()), owner.own(me), grantId);
            redirect.addFlashAttribute("done", "proxy.done.revoked");
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/phr/proxies";
    }

    @PostMapping("/phr/act-for")
    String actFor(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long personId,
                  HttpSession session, RedirectAttributes redirect) {
        if (personId == null || !proxies.mayActFor(me.userId(), personId)) {
            session.removeAttribute(NotebookOwner.ACTING_FOR);
            redirect.addFlashAttribute("error", ChangedBy.NOT_FOUND);
            return "redirect:/phr/proxies";
        }
        session.setAttribute(NotebookOwner.ACTING_FOR, personId);
        return "redirect:/phr";
    }

    @PostMapping("/phr/act-for/self")
    String backToOwn(HttpSession session) {
        session.removeAttribute(NotebookOwner.ACTING_FOR);
        return "redirect:/phr";
    }
}
