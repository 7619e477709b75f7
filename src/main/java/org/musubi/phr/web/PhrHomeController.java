package org.musubi.phr.web;

import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The health notebook's login page and home. */
@Controller
class PhrHomeController {

    @GetMapping("/phr/login")
    String login() {
        return "phr/login";
    }

    @GetMapping({"/phr", "/phr/"})
    String home(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("resident", me);
        return "phr/home";
    }
}
