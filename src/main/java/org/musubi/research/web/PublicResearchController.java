package org.musubi.research.web;

import java.util.List;
import org.musubi.research.ReleaseScope;
import org.musubi.research.ResearchDesk;
import org.musubi.research.ResearchProject;
import org.musubi.research.extraction.ExtractionDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public list of approved research projects ({@code /public/research}, no login, throttled with the rest of
 * {@code /public}): title, institution, purpose and period of each approved project whose period has not ended, the
 * committee's decision, and exactly what its researchers receive — the counts, and the record-level de-identified data:
 * the cohort, the categories and their items, what each person's pseudonymous record carries, k and the date shift —
 * stated from the project's {@link ReleaseScope}, the one description its extraction reads; and how a resident opts
 * out. What the guidelines on opt-out ask a network to publish. Nothing in it is personal: not audited.
 */
@Controller
class PublicResearchController {

    private final ResearchDesk desk;
    private final ExtractionDesk extractions;

    PublicResearchController(ResearchDesk desk, ExtractionDesk extractions) {
        this.desk = desk;
        this.extractions = extractions;
    }

    /** A published project and what it releases. */
    record Published(ResearchProject project, ReleaseScope release) {
    }

    @GetMapping("/public/research")
    String list(Model model) {
        List<Published> published = desk.published().stream()
                .map(p -> new Published(p, ReleaseScope.of(p, extractions.kThreshold()))).toList();
        model.addAttribute("projects", published);
        model.addAttribute("quasiIdentifiers", ReleaseScope.QUASI_IDENTIFIERS);
        return "public/research";
    }
}
