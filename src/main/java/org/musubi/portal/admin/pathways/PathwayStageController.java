package org.musubi.portal.admin.pathways;

import static org.musubi.portal.admin.pathways.PathwayAdminController.BASE;

import org.musubi.carenet.catalog.CatalogRefused;
import org.musubi.carenet.catalog.DraftEditor;
import org.musubi.carenet.catalog.TemplateRow;
import org.musubi.carenet.catalog.TemplateStatus;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.portal.admin.Admins;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A stage's form in the editor: its items listed in order, one item's fields, add, change, remove and move items.
 * Removing an item asks once (only a POST with {@code confirmed=yes} removes it; without it the stage's page opens
 * the question).
 */
@Controller
class PathwayStageController {

    static final String[] TYPES = {"group", "display", "boolean", "integer", "decimal", "date", "dateTime", "time",
        "string", "text", "choice", "open-choice", "quantity", "url", "attachment", "reference"};
    private final TemplateStore store;

    PathwayStageController(TemplateStore store) {
        this.store = store;
    }

    @ModelAttribute("types")
    String[] types() {
        return TYPES;
    }

    @GetMapping(BASE + "/{code}/{version}/stages/{stage}")
    String stage(@PathVariable String code, @PathVariable int version, @PathVariable String stage, Model model) {
        TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
        DraftEditor editor = row.editor();
        try {
            model.addAttribute("lines", editor.lines(stage));
        } catch (CatalogRefused e) {
            throw Attempts.notFound();
        }
        model.addAttribute("row", row);
        model.addAttribute("draft", row.status() == TemplateStatus.DRAFT);
        model.addAttribute("stage", editor.summary().stages().stream().filter(s -> s.code().equals(stage)).findFirst()
                .orElseThrow(Attempts::notFound));
        return "admin/pathway-stage";
    }

    @GetMapping(BASE + "/{code}/{version}/stages/{stage}/items/{linkId}")
    String item(@PathVariable String code, @PathVariable int version, @PathVariable String stage,
                @PathVariable String linkId, Model model) {
        TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
        try {
            model.addAttribute("form", ItemForm.of(row.editor().item(stage, linkId)));
        } catch (CatalogRefused e) {
            throw Attempts.notFound();
        }
        model.addAttribute("row", row);
        model.addAttribute("draft", row.status() == TemplateStatus.DRAFT);
        model.addAttribute("stageCode", stage);
        model.addAttribute("linkId", linkId);
        return "admin/pathway-item";
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/items")
    String add(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
               @PathVariable String stage, @RequestParam(defaultValue = "") String parent, @RequestParam String linkId,
               @RequestParam String type, @RequestParam(defaultValue = "") String textJa, RedirectAttributes redirect) {
        return Attempts.run(redirect, stagePage(code, version, stage), "item", () -> store.edit(Admins.of(me), code,
                version, "item " + stage + "/" + linkId + " added", e -> e.addItem(stage, parent, linkId, type, textJa)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/items/{linkId}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                  @PathVariable String stage, @PathVariable String linkId, @ModelAttribute ItemForm form,
                  RedirectAttributes redirect) {
        return Attempts.run(redirect, stagePage(code, version, stage), "item", () -> store.edit(Admins.of(me), code,
                version, "item " + stage + "/" + linkId + " changed", e -> e.changeItem(stage, linkId, form.fields())));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/items/{linkId}/remove")
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                  @PathVariable String stage, @PathVariable String linkId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            TemplateRow row = store.find(code, version).orElseThrow(Attempts::notFound);
            try {
                row.editor().item(stage, linkId);
            } catch (CatalogRefused e) {
                throw Attempts.notFound();
            }
            return "redirect:" + stagePage(code, version, stage) + "?removeItem="
                    + UriUtils.encodeQueryParam(linkId, "UTF-8");
        }
        return Attempts.run(redirect, stagePage(code, version, stage), "item", () -> store.edit(Admins.of(me), code,
                version, "item " + stage + "/" + linkId + " removed", e -> e.removeItem(stage, linkId)));
    }

    @PostMapping(BASE + "/{code}/{version}/stages/{stage}/items/{linkId}/move")
    String move(@AuthenticationPrincipal SignedIn me, @PathVariable String code, @PathVariable int version,
                @PathVariable String stage, @PathVariable String linkId, @RequestParam int step,
                RedirectAttributes redirect) {
        return Attempts.run(redirect, stagePage(code, version, stage), "item", () -> store.edit(Admins.of(me), code,
                version, "item " + stage + "/" + linkId + " moved", e -> e.moveItem(stage, linkId, step)));
    }

    static String stagePage(String code, int version, String stage) {
        return PathwayAdminController.page(code, version) + "/stages/" + UriUtils.encodePathSegment(stage, "UTF-8");
    }
}
