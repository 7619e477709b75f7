package org.musubi.portal.web;

import org.musubi.registry.Facilities;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after login: who I am, for which facility, and where to go. */
@Controller
class HomeController {

    private final Facilities facilities;

    HomeController(Facilities facilities) {
        this.facilities = facilities;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedIn user, Model model) {
        if (user.facilityId() != null) {
            facilities.find(user.facilityId()).ifPresent(f -> model.addAttribute("facility", f));
        }
        return "home";
    }
}
