package org.musubi.portal.admin.notices;

import java.time.Instant;
import org.musubi.notice.Importance;
import org.musubi.notice.InvalidNotice;
import org.musubi.notice.Notice;
import org.musubi.notice.Notices;
import org.musubi.notice.PublishNotice;
import org.musubi.paging.PageRequest;
import org.musubi.portal.admin.Admins;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network operators write, change and withdraw the notices (お知らせ) every user sees on the home page. */
@Controller
class NoticeAdminController {

    private final Notices notices;
    private final PublishNotice publish;

    NoticeAdminController(Notices notices, PublishNotice publish) {
        this.notices = notices;
        this.publish = publish;
    }

    @ModelAttribute("importances")
    Importance[] importances() {
        return Importance.values();
    }

    @GetMapping("/admin/notices")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("results", notices.all(PageRequest.of(page, 20)));
        model.addAttribute("now", Instant.now());
        return "admin/notices";
    }

    @GetMapping("/admin/notices/new")
    String create(Model model) {
        model.addAttribute("form", NoticeForm.empty(Instant.now()));
        return "admin/notice-form";
    }

    @GetMapping("/admin/notices/{id}")
    String edit(@PathVariable long id, Model model) {
        Notice notice = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", NoticeForm.of(notice));
        model.addAttribute("notice", notice);
        return "admin/notice-form";
    }

    @PostMapping("/admin/notices")
    String add(@AuthenticationPrincipal SignedIn me, @ModelAttribute("form") NoticeForm form, Model model,
               RedirectAttributes redirect) {
        return save(me, null, form, model, redirect);
    }

    @PostMapping("/admin/notices/{id}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @ModelAttribute("form") NoticeForm form,
                  Model model, RedirectAttributes redirect) {
        if (notices.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return save(me, id, form, model, redirect);
    }

    /** Withdraws a notice once confirmed ({@code confirmed=yes}); without it the list opens with the question. */
    @PostMapping("/admin/notices/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                    @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the list opens with the question, nothing is changed
            redirect.addAttribute("confirm", id);
            return "redirect:/admin/notices";
        }
        if (publish.withdraw(Admins.of(me), id)) {
            redirect.addFlashAttribute("withdrawn", id);
        }
        return "redirect:/admin/notices";
    }

    private String save(SignedIn me, Long id, NoticeForm form, Model model, RedirectAttributes redirect) {
        try {
            Notice saved = publish.publish(Admins.of(me), id, form.draft());
            redirect.addFlashAttribute("saved", saved.titleJa());
            return "redirect:/admin/notices";
        } catch (InvalidNotice e) {
            model.addAttribute("faults", e.faults());
            notices.find(id == null ? 0 : id).ifPresent(n -> model.addAttribute("notice", n));
            return "admin/notice-form";
        }
    }
}
