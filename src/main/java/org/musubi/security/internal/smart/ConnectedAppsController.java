package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 連携アプリ ({@code /phr/apps}): the apps a resident connected (what each may read, when it was connected, when it was
 * last used), and disconnecting one, which stops its tokens at once. Anything not one of the resident's live
 * connections answers with the notebook's one "not found" page.
 */
@Controller
class ConnectedAppsController {

    private final AppConsents consents;
    private final Users users;

    ConnectedAppsController(AppConsents consents, Users users) {
        this.consents = consents;
        this.users = users;
    }

    @GetMapping(Endpoints.MANAGE)
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("resident", me);
        model.addAttribute("connections", consents.connections(me.userId()));
        return "phr/apps";
    }

    @PostMapping(Endpoints.MANAGE + "/{grantId}/disconnect")
    String disconnect(@AuthenticationPrincipal SignedIn me, @PathVariable String grantId,
                      @RequestParam(required = false) String confirmed, Model model, HttpServletResponse response) {
        if (!"yes".equals(confirmed) && grantId.matches("\\d{1,18}")) {
            // asked once (issue 67): the list opens with the question, nothing is changed
            return "redirect:" + Endpoints.MANAGE + "?confirm=" + grantId;
        }
        Optional<User> resident = users.find(me.userId());
        if (resident.isEmpty() || !grantId.matches("\\d{1,18}")
                || !consents.disconnect(resident.get(), Long.parseLong(grantId))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("resident", me);
            return "phr/not-found";
        }
        return "redirect:" + Endpoints.MANAGE + "?disconnected";
    }
}
