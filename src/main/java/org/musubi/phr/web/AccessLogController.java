package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.paging.PageRequest;
import org.musubi.phr.AccessLog;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** あなたの記録を見た人: the resident's own access log. */
@Controller
class AccessLogController {

    private final AccessLog log;
    private final Users users;

    AccessLogController(AccessLog log, Users users) {
        this.log = log;
        this.users = users;
    }

    @GetMapping("/phr/access-log")
    String log(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Integer page, Model model,
               HttpServletResponse response) {
        long personId = users.find(me.userId()).map(User::personId).orElseThrow();
        var entries = log.read(me.userId(), personId, PageRequest.of(page, 50));
        if (entries.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("resident", me);
        model.addAttribute("entries", entries.get());
        return "phr/access-log";
    }
}
