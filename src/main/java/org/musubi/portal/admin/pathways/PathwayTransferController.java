package org.musubi.portal.admin.pathways;

import static org.musubi.portal.admin.pathways.PathwayAdminController.BASE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.musubi.carenet.catalog.CatalogRefused;
import org.musubi.carenet.catalog.TemplateRow;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.portal.admin.Admins;
import org.musubi.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import and export: a version's whole template JSON and a stage's Questionnaire JSON downloaded; a Questionnaire
 * uploaded into a draft's stage, or a whole template uploaded as a new draft; an upload with a fault is rejected whole,
 * each fault naming the item and the reason.
 */
@Controller
class PathwayTransferController {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private final TemplateStore store;

    PathwayTransferController(TemplateStore store) {
        this.store = store;
    }

    @GetMapping(BASE + "/{code}/{version}/export")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable int version) {
        TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
        return download(row.body(), code + "-" + version + ".json", MediaType.APPLICATION_JSON);
    }

    @GetMapping(BASE + "/{code}/{version}/stages/{stage}/export")
    ResponseEntity<byte[]> questionnaire(@PathVariable String code, @PathVariable int version, @PathVariable String stage) {
        TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
        try {
            return download(row.questionnaireJson(stage), code + "-" + version + "-" + stage + ".json", FHIR_JSON);
        } catch (CatalogRefused e) {
            throw Attempts.notFound();
        }
    }

    @PostMapping(BASE + "/import")
    String importTemplate(@AuthenticationPrincipal SignedIn me, @RequestParam("file") MultipartFile file,
                          RedirectAttributes redirect) throws IOException {
        String json = new String(file.getBytes(), StandardCharsets.UTF_8);
        String[] made = {null};
        String back = Attempts.run(redirect, BASE, "imported",
                () -> made[0] = PathwayAdminController.page(store.importTemplate(Admins.of(me), json)));
        return made[0] == null ? back : "redirect:" + made[0];
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/import")
    String importQuestionnaire(@AuthenticationPrincipal SignedIn me, @PathVariable String code,
                               @PathVariable int version, @PathVariable String stage,
                               @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        String json = new String(file.getBytes(), StandardCharsets.UTF_8);
        return Attempts.run(redirect, PathwayStageController.stagePage(code, version, stage), "imported",
                () -> store.importQuestionnaire(Admins.of(me), code, version, stage, json));
    }

    private static ResponseEntity<byte[]> download(String json, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(json.getBytes(StandardCharsets.UTF_8));
    }
}
