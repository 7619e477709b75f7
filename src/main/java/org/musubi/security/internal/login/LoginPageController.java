package org.musubi.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import org.musubi.security.internal.lockout.LockNotices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form, with the demo hint in demo mode and, when this client was told so, until when a login id is locked. */
@Controller
class LoginPageController {

    private final LockNotices notices;
    private final boolean demoMode;

    LoginPageController(LockNotices notices, @Value("${musubi.demo.enabled:false}") boolean demoMode) {
        this.notices = notices;
        this.demoMode = demoMode;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("demoMode", demoMode);
        notices.shown(request).ifPresent(until -> model.addAttribute("lockedUntil", until));
        return "login/login";
    }
}
