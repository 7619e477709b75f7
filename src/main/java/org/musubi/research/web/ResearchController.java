package org.musubi.research.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.musubi.blob.Blob;
import org.musubi.research.ApplyForResearch;
import org.musubi.research.CohortCounts;
import org.musubi.research.CountTable;
import org.musubi.research.Criteria;
import org.musubi.research.EthicsDocuments;
import org.musubi.research.ResearchDesk;
import org.musubi.research.ResearchProject;
import org.musubi.research.Scope;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The researchers' pages: {@code /research} (my projects; every project for an operator), the application form, a
 * project's page with its count form, its ethics PDF, and closing it (asked once: only a POST with {@code confirmed=yes}
 * ends the project). A project the user may not see answers 404 like
 * one that does not exist; every request is audited once by the use cases.
 */
@Controller
class ResearchController {

    private final ResearchDesk desk;
    private final ApplyForResearch applications;
    private final CohortCounts counts;
    private final EthicsDocuments ethics;
    private final ExtractionDesk extractions;

    ResearchController(ResearchDesk desk, ApplyForResearch applications, CohortCounts counts, EthicsDocuments ethics,
                       ExtractionDesk extractions) {
        this.desk = desk;
        this.applications = applications;
        this.counts = counts;
        this.ethics = ethics;
        this.extractions = extractions;
    }

    @GetMapping("/research")
    String index(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("projects", desk.list(Researchers.of(me)));
        model.addAttribute("staff", Researchers.of(me).staff());
        return "research/index";
    }

    @GetMapping("/research/apply")
    String applyForm(@AuthenticationPrincipal SignedIn me, Model model) {
        if (!Researchers.of(me).staff()) {
            throw new ResearchDesk.NotFound();
        }
        return applyPage(model, Map.of(), List.of(), null);
    }

    @PostMapping("/research/apply")
    String apply(@AuthenticationPrincipal SignedIn me, @RequestParam MultiValueMap<String, String> sent,
                 @RequestParam(name = "categories", required = false) List<String> categories,
                 @RequestParam(name = "ethics", required = false) MultipartFile pdf, Model model) throws IOException {
        Map<String, String> params = sent.toSingleValueMap();
        model.addAttribute("chosenItems", CriteriaForm.items(sent));
        try {
            Scope scope = CriteriaForm.scope(sent, categories);
            if (pdf == null || pdf.isEmpty()) {
                throw new ResearchDesk.Refused("research.refused.noPdf");
            }
            if (pdf.getSize() > ethics.maxSize()) {
                throw new ResearchDesk.Refused("research.refused.tooLarge");
            }
            Blob blob;
            try (InputStream in = pdf.getInputStream()) {
                blob = ethics.store(in);
            }
            long id = applications.apply(Researchers.of(me), new ApplyForResearch.Form(params.get("title"), params.get("institution"),
                    params.get("purpose"), params.get("ethicsNumber"), blob.key(), blob.size(),
                    CriteriaForm.date(params.get("periodFrom"), "periodFrom"),
                    CriteriaForm.date(params.get("periodTo"), "periodTo"), scope, Criteria.split(params.get("users"))));
            return "redirect:/research/" + id;
        } catch (Criteria.Invalid e) {
            return applyPage(model, params, categories, "research.invalid." + e.getMessage());
        } catch (ResearchDesk.Refused e) {
            return applyPage(model, params, categories, e.getMessage());
        }
    }

    @GetMapping("/research/{id}")
    String project(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        ResearchProject p = desk.open(Researchers.of(me), id).orElseThrow(ResearchDesk.NotFound::new);
        return projectPage(model, me, p, Map.of(), null, null);
    }

    @PostMapping("/research/{id}/count")
    String count(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam Map<String, String> params,
                 Model model) {
        try {
            CountTable table = counts.count(Researchers.of(me), id, () -> CriteriaForm.criteria(params));
            return projectPage(model, me, desk.visible(Researchers.of(me), id).orElseThrow(), params, table, null);
        } catch (Criteria.Invalid e) {
            return projectPage(model, me, desk.visible(Researchers.of(me), id).orElseThrow(), params, null,
                    "research.invalid." + e.getMessage());
        }
    }

    @PostMapping("/research/{id}/close")
    String close(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                 @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // one click asks first (issue 67): the page opens with the question, for a project the user may see
            desk.open(Researchers.of(me), id).orElseThrow(ResearchDesk.NotFound::new);
            return "redirect:/research/" + id + "?confirm";
        }
        try {
            desk.close(Researchers.of(me), id);
        } catch (ResearchDesk.Refused e) {
            return "redirect:/research/" + id + "?refused";
        }
        return "redirect:/research/" + id + "?closed";
    }

    @GetMapping("/research/{id}/ethics.pdf")
    ResponseEntity<InputStreamResource> ethicsPdf(@AuthenticationPrincipal SignedIn me, @PathVariable long id)
            throws IOException {
        ResearchProject p = desk.open(Researchers.of(me), id).orElseThrow(ResearchDesk.NotFound::new);
        InputStream in = ethics.open(p.ethicsBlob()).orElseThrow(ResearchDesk.NotFound::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(p.ethicsSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ethics-" + id + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }

    private String applyPage(Model model, Map<String, String> params, List<String> categories, String error) {
        model.addAttribute("form", params);
        if (!model.containsAttribute("chosenItems")) {
            model.addAttribute("chosenItems", Map.of());
        }
        model.addAttribute("chosen", categories == null ? List.of() : categories);
        model.addAttribute("categories", Scope.CATEGORIES.stream().sorted().toList());
        model.addAttribute("sexes", Criteria.SEXES.stream().sorted().toList());
        model.addAttribute("maxMb", ethics.maxSize() / (1024 * 1024));
        model.addAttribute("error", error);
        return "research/apply";
    }

    /** The items a scope names per category, to prefill the committee's form with what was asked. */
    private static Map<String, List<String>> chosenItems(Scope scope) {
        Map<String, List<String>> items = new java.util.LinkedHashMap<>();
        scope.categories().forEach(c -> items.put(c, scope.items(c).items().stream().map(Enum::name).toList()));
        return items;
    }

    private String projectPage(Model model, SignedIn me, ResearchProject p, Map<String, String> params,
                               CountTable table, String error) {
        model.addAttribute("p", p);
        model.addAttribute("operator", me.networkAdmin());
        model.addAttribute("countable", p.countable(desk.today()));
        model.addAttribute("form", params);
        model.addAttribute("table", table);
        model.addAttribute("threshold", counts.threshold());
        model.addAttribute("sexes", Criteria.SEXES.stream().sorted().toList());
        model.addAttribute("categories", Scope.CATEGORIES.stream().sorted().toList());
        model.addAttribute("chosenItems", chosenItems(p.requested()));
        model.addAttribute("error", error);
        model.addAttribute("extractions", extractions.list(Researchers.of(me), p));
        model.addAttribute("named", p.names(me.userId()));
        model.addAttribute("kThreshold", extractions.kThreshold());
        model.addAttribute("projectK", Math.max(extractions.kThreshold(), p.deid().k()));
        if (!model.containsAttribute("deidTyped") && me.networkAdmin()) {
            model.addAttribute("deidTyped", p.deidConfig() != null ? p.deidConfig() : org.musubi.deid.DeidConfig.defaultJson());
        }
        model.addAttribute("zone", org.musubi.research.ResearchDesk.ZONE);
        return "research/project";
    }
}
