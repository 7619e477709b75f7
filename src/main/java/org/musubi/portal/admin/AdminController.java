package org.musubi.portal.admin;

import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator area's entry: network admins start at facilities, facility admins at their users. */
@Controller
class AdminController {

    @GetMapping({"/admin", "/admin/"})
    String index(@AuthenticationPrincipal SignedIn user) {
        return user.networkAdmin() ? "redirect:/admin/facilities" : "redirect:/admin/users";
    }
}
