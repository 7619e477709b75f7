package org.musubi.research.web;

import java.io.IOException;
import org.musubi.research.extraction.Extraction;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's de-identified extractions (issue 48, item 3): starting one ({@code POST /research/{id}/extractions}), its
 * page (state, report, files) and its files' downloads, for the project's named users only; anyone else, a guessed or
 * expired extraction answers 404 as something that does not exist ({@link ExtractionDesk}).
 */
@Controller
class ExtractionController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ExtractionDesk extractions;

    ExtractionController(ExtractionDesk extractions) {
        this.extractions = extractions;
    }

    @PostMapping("/research/{id}/extractions")
    String start(@AuthenticationPrincipal SignedIn me, @PathVariable long id) {
        long extraction = extractions.start(Researchers.of(me), id);
        return "redirect:/research/" + id + "/extractions/" + extraction;
    }

    @GetMapping("/research/{id}/extractions/{extraction}")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long extraction,
                Model model) {
        Extraction e = extractions.read(Researchers.of(me), id, extraction);
        model.addAttribute("e", e);
        model.addAttribute("summary", e.report() == null ? null : JSON.readTree(e.report()));
        model.addAttribute("projectId", id);
        model.addAttribute("zone", org.musubi.research.ResearchDesk.ZONE);
        return "research/extraction";
    }

    @GetMapping("/research/{id}/extractions/{extraction}/files/{name}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                                                 @PathVariable long extraction, @PathVariable String name)
            throws IOException {
        // the name is looked up among the extraction's files: anything else is a file that does not exist
        ExtractionDesk.Download download = extractions.download(Researchers.of(me), id, extraction, name);
        return ResponseEntity.ok().contentType(name.endsWith(".json") ? MediaType.APPLICATION_JSON : NDJSON)
                .contentLength(download.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"extraction-" + extraction + "-" + download.file().name() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(download.content()));
    }
}
