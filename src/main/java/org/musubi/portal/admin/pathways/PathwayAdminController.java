package org.musubi.portal.admin.pathways;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.musubi.carenet.catalog.DraftEditor;
import org.musubi.carenet.catalog.TemplateRow;
import org.musubi.carenet.catalog.TemplateStatus;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.FacilityKind;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The templates and their versions, a new template, a new version, one version's page (its title and stages, edited
 * while it is a draft), publish and retire. Retiring a version and removing a stage cannot be undone: each asks once
 * (only a POST with {@code confirmed=yes} acts; without it the version's page opens the question). Network operators
 * only ({@code /admin/**}).
 */
@Controller
class PathwayAdminController {

    static final String BASE = "/admin/pathways";
    private final TemplateStore store;

    PathwayAdminController(TemplateStore store) {
        this.store = store;
    }

    @GetMapping(BASE)
    String list(Model model) {
        Map<String, List<TemplateRow>> byCode = new TreeMap<>();
        for (TemplateRow row : store.all()) {
            byCode.computeIfAbsent(row.code(), c -> new java.util.ArrayList<>()).add(row);
        }
        model.addAttribute("templates", byCode);
        model.addAttribute("titles", titles(byCode));
        return "admin/pathways";
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal SignedIn me, @RequestParam String code, @RequestParam String titleJa,
                  @RequestParam(defaultValue = "") String titleEn, RedirectAttributes redirect) {
        String[] made = {null};
        String back = Attempts.run(redirect, BASE, "created",
                () -> made[0] = page(store.create(Admins.of(me), code, titleJa, titleEn)));
        return made[0] == null ? back : "redirect:" + made[0];
    }

    @PostMapping(BASE + "/{code}/new-version")
    String newVersion(@AuthenticationPrincipal SignedIn me, @PathVariable String code, RedirectAttributes redirect) {
        String[] made = {null};
        String back = Attempts.run(redirect, BASE, "newVersion", () -> made[0] = page(store.newVersion(Admins.of(me), code)));
        return made[0] == null ? back : "redirect:" + made[0];
    }

    @GetMapping(BASE + "/{code}/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
        DraftEditor editor = row.editor();
        model.addAttribute("row", row);
        model.addAttribute("draft", row.status() == TemplateStatus.DRAFT);
        model.addAttribute("template", editor.summary());
        model.addAttribute("versions", store.versions(code));
        model.addAttribute("kinds", FacilityKind.participatingKinds());
        return "admin/pathway";
    }

    @PostMapping(BASE + "/{code}/{version}/title")
    String title(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                 @RequestParam String titleJa, @RequestParam(defaultValue = "") String titleEn,
                 RedirectAttributes redirect) {
        return Attempts.run(redirect, page(code, version), "title", () -> store.edit(Admins.of(me), code, version,
                "title", e -> e.title(titleJa, titleEn)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages")
    String addStage(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                    @RequestParam String stage, @RequestParam String titleJa, @RequestParam(defaultValue = "") String titleEn,
                    @RequestParam(required = false) List<String> kinds, @RequestParam(defaultValue = "0") int dueMonths,
                    RedirectAttributes redirect) {
        return Attempts.run(redirect, page(code, version), "stage", () -> store.edit(Admins.of(me), code, version,
                "stage " + stage + " added", e -> e.addStage(stage, titleJa, titleEn, kinds == null ? List.of() : kinds,
                        dueMonths)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}")
    String changeStage(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                       @PathVariable String stage, @RequestParam String titleJa,
                       @RequestParam(defaultValue = "") String titleEn, @RequestParam(required = false) List<String> kinds,
                       @RequestParam(defaultValue = "0") int dueMonths, RedirectAttributes redirect) {
        return Attempts.run(redirect, page(code, version), "stage", () -> store.edit(Admins.of(me), code, version,
                "stage " + stage + " changed", e -> e.changeStage(stage, titleJa, titleEn,
                        kinds == null ? List.of() : kinds, dueMonths)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/remove")
    String removeStage(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                       @PathVariable String stage, @RequestParam(required = false) String confirmed,
                       RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
            row.editor().summary().stages().stream().filter(s -> s.code().equals(stage)).findFirst()
                    .orElseThrow(Attempts::notFound);
            return "redirect:" + page(code, version) + "?removeStage=" + UriUtils.encodeQueryParam(stage, "UTF-8");
        }
        return Attempts.run(redirect, page(code, version), "stage", () -> store.edit(Admins.of(me), code, version,
                "stage " + stage + " removed", e -> e.removeStage(stage)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/move")
    String moveStage(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                     @PathVariable String stage, @RequestParam int step, RedirectAttributes redirect) {
        return Attempts.run(redirect, page(code, version), "stage", () -> store.edit(Admins.of(me), code, version,
                "stage " + stage + " moved", e -> e.moveStage(stage, step)));
    }

    @PostMapping(BASE + "/{code}/{version}/publish")
    String publish(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                   RedirectAttributes redirect) {
        return Attempts.run(redirect, page(code, version), "published",
                () -> store.publish(Admins.of(me), code, version));
    }

    @PostMapping(BASE + "/{code}/{version}/retire")
    String retire(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            store.find(code, version).orElseThrow(Attempts::notFound);
            return "redirect:" + page(code, version) + "?confirm=retire";
        }
        return Attempts.run(redirect, page(code, version), "retired", () -> store.retire(Admins.of(me), code, version));
    }

    private Map<String, String> titles(Map<String, List<TemplateRow>> byCode) {
        Map<String, String> titles = new TreeMap<>();
        byCode.forEach((code, rows) -> titles.put(code, rows.getFirst().editor().summary().titleJa()));
        return titles;
    }

    static String page(TemplateRow row) {
        return page(row.code(), row.version());
    }

    static String page(String code, int version) {
        return BASE + "/" + UriUtils.encodePathSegment(code, "UTF-8") + "/" + version;
    }
}
