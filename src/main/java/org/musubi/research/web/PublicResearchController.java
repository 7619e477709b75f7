package org.musubi.research.web;

import org.musubi.research.ResearchDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public list of approved research projects ({@code /public/research}, no login, throttled with the rest of
 * {@code /public}): title, institution, purpose and period of each approved project whose period has not ended, and
 * how a resident opts out — what the guidelines on opt-out ask a network to publish.
 */
@Controller
class PublicResearchController {

    private final ResearchDesk desk;

    PublicResearchController(ResearchDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/public/research")
    String list(Model model) {
        model.addAttribute("projects", desk.published());
        return "public/research";
    }
}
