package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.phr.points.HealthPoints;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ヘルスケアポイント: the resident's balance and history, and an event's code typed in. */
@Controller
class PointsController {

    private final HealthPoints points;
    private final Users users;

    PointsController(HealthPoints points, Users users) {
        this.points = points;
        this.users = users;
    }

    @GetMapping("/phr/points")
    String statement(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        var statement = points.statement(me.userId(), personOf(me));
        if (statement.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("resident", me);
        model.addAttribute("statement", statement.get());
        return "phr/points";
    }

    @PostMapping("/phr/points/event")
    String event(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String code,
                 RedirectAttributes redirect) {
        redirect.addFlashAttribute("claim", points.claimEvent(me.userId(), personOf(me), code));
        return "redirect:/phr/points";
    }

    private long personOf(SignedIn me) {
        return users.find(me.userId()).map(User::personId).orElseThrow();
    }
}
