package org.musubi.research.web;

import java.util.List;
import org.musubi.research.Criteria;
import org.musubi.research.DecideResearchProject;
import org.musubi.research.ProjectStatus;
import org.musubi.research.ResearchDesk;
import org.musubi.research.Scope;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee's pages (operators: {@code /admin/**} is the network admins'): every project, newest first, with the
 * ones waiting for a decision; a decision on one (approve, narrow with an edited scope and a reason, refuse with a
 * reason); the decision is final, so it asks once (only a POST with {@code confirmed=yes} decides). Opening the list
 * first expires the approved projects whose period is over.
 */
@Controller
class CommitteeController {

    private final ResearchDesk desk;
    private final DecideResearchProject decisions;
    private final ExtractionDesk extractions;

    CommitteeController(ResearchDesk desk, DecideResearchProject decisions, ExtractionDesk extractions) {
        this.desk = desk;
        this.decisions = decisions;
        this.extractions = extractions;
    }

    @GetMapping("/admin/research")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        desk.expire();
        model.addAttribute("projects", desk.list(Researchers.of(me)));
        model.addAttribute("staff", false);
        model.addAttribute("committee", true);
        return "research/index";
    }

    /** The counter's way to a resident's opt-out: the person's number from the operators' patient list. */
    @GetMapping("/admin/research/opt-out")
    String counter(@RequestParam long person) {
        return "redirect:/admin/persons/" + person + "/research-opt-out";
    }

    @PostMapping("/admin/research/{id}/decide")
    String decide(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam String decision,
                  @RequestParam(required = false) String reason, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "categories", required = false) List<String> categories,
                  @RequestParam(required = false) String deid, @RequestParam(required = false) String confirmed,
                  RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // every decision is final (issue 67: it asks once): nothing is decided; the project's page, for a
            // project the operator may see, opens the question with the reason and the rules as typed
            desk.open(Researchers.of(me), id).orElseThrow(ResearchDesk.NotFound::new);
            redirect.addFlashAttribute("reasonTyped", reason == null ? "" : reason);
            if (deid != null) {
                redirect.addFlashAttribute("deidTyped", deid);
            }
            return "redirect:/research/" + id + "?confirm=decide";
        }
        ProjectStatus status;
        try {
            status = ProjectStatus.valueOf(decision);
        } catch (IllegalArgumentException e) {
            status = ProjectStatus.CLOSED;
        }
        try {
            Scope narrowed = status == ProjectStatus.NARROWED ? CriteriaForm.scope(params, categories) : null;
            decisions.decide(Researchers.of(me), id, status, narrowed, reason, deid, extractions.kThreshold());
        } catch (ResearchDesk.Refused e) {
            if (e.detail() != null) {
                // the committee's configuration comes back as typed, with what is wrong in it, in words
                redirect.addFlashAttribute("refusedKey", e.getMessage());
                redirect.addFlashAttribute("refusedFault", e.fault());
                redirect.addFlashAttribute("refusedArgs", e.arguments());
                redirect.addFlashAttribute("deidTyped", deid);
            }
            return "redirect:/research/" + id + "?refused=" + e.getMessage();
        } catch (Criteria.Invalid e) {
            try {
                decisions.decide(Researchers.of(me), id, status, null, null);
            } catch (ResearchDesk.Refused refused) {
                // the narrowed scope's field that cannot be read, named as on the application form
                redirect.addFlashAttribute("refusedKey", "research.invalid." + e.getMessage());
                redirect.addFlashAttribute("refusedArgs", new Object[0]);
                redirect.addFlashAttribute("deidTyped", deid);
                return "redirect:/research/" + id + "?refused=research.invalid." + e.getMessage();
            }
        }
        return "redirect:/research/" + id + "?decided";
    }
}
