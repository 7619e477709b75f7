package org.musubi.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import org.musubi.security.DemoLogins;
import org.musubi.security.internal.DemoModeProperties;
import org.musubi.security.internal.lockout.LockNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form, with the demo hint and the demo accounts of every role in demo mode and, when this client was told
 * so, until when a login id is locked.
 */
@Controller
class LoginPageController {

    private final LockNotices notices;
    private final boolean demoMode;
    private final ObjectProvider<DemoLogins> demoLogins;

    LoginPageController(LockNotices notices, DemoModeProperties demo,
                        ObjectProvider<DemoLogins> demoLogins) {
        this.notices = notices;
        this.demoMode = demo.enabled();
        this.demoLogins = demoLogins;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("demoMode", demoMode);
        if (demoMode) {
            model.addAttribute("demoLogins", demoLogins.stream().flatMap(d -> d.list().stream()).toList());
        }
        notices.shown(request).ifPresent(until -> model.addAttribute("lockedUntil", until));
        return "login/login";
    }
}
