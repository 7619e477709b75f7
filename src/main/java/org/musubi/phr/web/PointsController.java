package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.musubi.phr.points.HealthPoints;
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
    private final NotebookOwner owner;

    PointsController(HealthPoints points, NotebookOwner owner) {
        this.points = points;
        this.owner = owner;
    }

    @GetMapping("/phr/points")
    String statement(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response,
                     HttpSession session) {
        var statement = points.statement(me.userId(), owner.of(me, session));
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
                 RedirectAttributes redirect, HttpSession session) {
        redirect.addFlashAttribute("claim", points.claimEvent(me.userId(), owner.of(me, session), code));
        return "redirect:/phr/points";
    }
}
