package org.musubi.secretariat.helpdesk.web;

import org.musubi.secretariat.helpdesk.FaqBook;
import org.musubi.secretariat.helpdesk.FaqEntries;
import org.musubi.secretariat.helpdesk.HelpCategory;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The secretariat's FAQ editor ({@code /admin/helpdesk/faq}; network administrators only): every entry, new or changed. */
@Controller
class FaqAdminController {

    private final FaqBook faq;
    private final FaqEntries entries;

    FaqAdminController(FaqBook faq, FaqEntries entries) {
        this.faq = faq;
        this.entries = entries;
    }

    @GetMapping("/admin/helpdesk/faq")
    String list(@RequestParam(required = false) String done, Model model) {
        return page(model, new FaqEntries.FaqEntry(0, HelpCategory.OTHER, "", "", 100, false), Notices.of(done));
    }

    @GetMapping("/admin/helpdesk/faq/{id}")
    String edit(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        FaqEntries.FaqEntry entry = Ids.of(id).flatMap(entries::find).orElseThrow(HelpController::absent);
        return page(model, entry, Notices.of(done));
    }

    @PostMapping("/admin/helpdesk/faq")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String id,
                @RequestParam(required = false) String category, @RequestParam(required = false) String question,
                @RequestParam(required = false) String answer, @RequestParam(required = false) String position,
                @RequestParam(required = false) String published, Model model) {
        long existing = id == null || id.isEmpty() ? 0 : Ids.of(id).orElseThrow(HelpController::absent);
        int order = position != null && position.matches("[0-9]{1,6}") ? Integer.parseInt(position) : -1;
        FaqEntries.FaqEntry entry = new FaqEntries.FaqEntry(existing, HelpCategory.of(category).orElse(null), question,
                answer, order, "true".equals(published));
        return faq.save(me.userId(), entry).map(saved -> "redirect:/admin/helpdesk/faq/" + saved + "?done=saved")
                .orElseGet(() -> {
                    if (existing != 0 && entries.find(existing).isEmpty()) {
                        throw HelpController.absent();
                    }
                    return page(model, entry, "notSaved");
                });
    }

    private String page(Model model, FaqEntries.FaqEntry entry, String done) {
        model.addAttribute("entries", entries.all());
        model.addAttribute("entry", entry);
        model.addAttribute("categories", HelpCategory.values());
        model.addAttribute("done", done);
        return "helpdesk/admin-faq";
    }
}
