package org.musubi.research.web;

import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.research.OptOuts;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opt-out of secondary use: the resident's own page in the health notebook ({@code /phr/research}; always the
 * signed-in resident's own person, no request names one), and the counter's ({@code /admin/persons/{id}/research-opt-out},
 * operators acting for a resident who came to the office or called the help desk).
 */
@Controller
class OptOutController {

    private final OptOuts optOuts;
    private final Users users;

    OptOutController(OptOuts optOuts, Users users) {
        this.optOuts = optOuts;
        this.users = users;
    }

    @GetMapping("/phr/research")
    String notebook(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("state", optOuts.look(own(me)).orElseThrow());
        return "research/notebook";
    }

    @PostMapping("/phr/research")
    String notebookChange(@AuthenticationPrincipal SignedIn me, @RequestParam boolean optOut) {
        optOuts.set(own(me), optOut, "NOTEBOOK", me.userId());
        return "redirect:/phr/research?saved";
    }

    @GetMapping("/admin/persons/{id}/research-opt-out")
    String counter(@PathVariable long id, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("state", optOuts.look(id).orElseThrow(org.musubi.research.ResearchDesk.NotFound::new));
        return "research/counter";
    }

    @PostMapping("/admin/persons/{id}/research-opt-out")
    String counterChange(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam boolean optOut) {
        if (!optOuts.set(id, optOut, "COUNTER", me.userId())) {
            throw new org.musubi.research.ResearchDesk.NotFound();
        }
        return "redirect:/admin/persons/" + id + "/research-opt-out?saved";
    }

    private long own(SignedIn me) {
        return users.find(me.userId()).map(User::personId).orElseThrow();
    }
}
