package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.musubi.phr.MyProxies;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On every notebook page of a proxy acting for someone: whose notebook it is (the header says so, with the way back
 * to one's own), so that nobody mistakes another person's record for their own.
 */
@ControllerAdvice(basePackages = {"org.musubi.phr.web", "org.musubi.phr.sheet.web", "org.musubi.phr.otc.web",
        "org.musubi.phr.checkups.web", "org.musubi.phr.recovery.web"})
class ProxyBanner {

    /** The proxied person's notebook name, or empty text for "someone" without an account name; {@code null} if not acting. */
    record ActingFor(long personId, String name) {
    }

    private final MyProxies proxies;

    ProxyBanner(MyProxies proxies) {
        this.proxies = proxies;
    }

    @ModelAttribute("proxyBanner")
    ActingFor actingFor(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Long personId = session == null ? null : (Long) session.getAttribute(NotebookOwner.ACTING_FOR);
        if (me == null || personId == null) {
            return null;
        }
        return proxies.actingFor(me.userId()).stream().filter(s -> s.grant().personId() == personId).findFirst()
                .map(s -> new ActingFor(personId, s.name() == null ? "" : s.name())).orElse(null);
    }
}
