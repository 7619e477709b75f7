package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.stream.Collectors;
import org.musubi.paging.PageRequest;
import org.musubi.phr.AccessLog;
import org.musubi.phr.AskTheOffice;
import org.musubi.phr.Inquiries;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** あなたの記録を見た人: the resident's own access log. */
@Controller
class AccessLogController {

    private final AccessLog log;
    private final NotebookOwner owner;
    private final AskTheOffice ask;
    private final Inquiries inquiries;

    AccessLogController(AccessLog log, NotebookOwner owner, AskTheOffice ask, Inquiries inquiries) {
        this.log = log;
        this.owner = owner;
        this.ask = ask;
        this.inquiries = inquiries;
    }

    @GetMapping("/phr/access-log")
    String log(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Integer page, Model model,
               HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        var entries = log.read(me.userId(), personId, PageRequest.of(page, 50));
        if (entries.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("resident", me);
        model.addAttribute("entries", entries.get());
        model.addAttribute("inquiries", inquiries.of(personId).stream()
                .collect(Collectors.toMap(Inquiries.Inquiry::auditSeq, i -> i, (a, b) -> a)));
        return "phr/access-log";
    }

    @GetMapping("/phr/access-log/{seq}/ask")
    String askForm(@AuthenticationPrincipal SignedIn me, @PathVariable long seq, Model model) {
        model.addAttribute("resident", me);
        model.addAttribute("seq", seq);
        model.addAttribute("max", AskTheOffice.MAX_MESSAGE);
        return "phr/ask";
    }

    @PostMapping("/phr/access-log/{seq}/ask")
    String ask(@AuthenticationPrincipal SignedIn me, @PathVariable long seq,
               @RequestParam(required = false) String message, HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        if (ask.ask(me.userId(), personId, seq, message).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        return "redirect:/phr/access-log?asked";
    }
}
