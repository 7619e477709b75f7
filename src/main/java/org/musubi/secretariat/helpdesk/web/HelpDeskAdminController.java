package org.musubi.secretariat.helpdesk.web;

import java.util.EnumSet;
import java.util.Set;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.secretariat.helpdesk.FaqBook;
import org.musubi.secretariat.helpdesk.HelpDesk;
import org.musubi.secretariat.helpdesk.HelpMove;
import org.musubi.secretariat.helpdesk.HelpQuestions;
import org.musubi.secretariat.helpdesk.HelpStatus;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secretariat's queue of staff questions ({@code /admin/helpdesk}; network administrators only): filtered by status
 * (waiting ones by default), oldest first; a question with its history, the asker and their facility, the page it was
 * asked from and — when the asker named a patient — only "a patient of facility X, reference #n", never who; answering,
 * taking, closing, reopening, and turning an answer into a draft FAQ entry.
 */
@Controller
class HelpDeskAdminController {

    private final HelpDesk desk;
    private final HelpQuestions questions;
    private final FaqBook faq;
    private final Users users;
    private final Facilities facilities;

    HelpDeskAdminController(HelpDesk desk, HelpQuestions questions, FaqBook faq, Users users, Facilities facilities) {
        this.desk = desk;
        this.questions = questions;
        this.faq = faq;
        this.users = users;
        this.facilities = facilities;
    }

    /** A question as the queue shows it, with the asker's and their facility's names. */
    record Shown(HelpQuestions.Question question, String asker, String facility) {
    }

    @GetMapping("/admin/helpdesk")
    String queue(@RequestParam(required = false) String status, Model model) {
        Set<HelpStatus> shown = "ALL".equals(status) ? EnumSet.allOf(HelpStatus.class)
                : status == null || status.isEmpty() ? EnumSet.of(HelpStatus.NEW, HelpStatus.IN_PROGRESS)
                : EnumSet.of(parse(status));
        model.addAttribute("questions", questions.queue(shown, 500).stream().map(this::shown).toList());
        model.addAttribute("status", status == null || status.isEmpty() ? "" : status);
        model.addAttribute("statuses", HelpStatus.values());
        return "helpdesk/admin-queue";
    }

    @GetMapping("/admin/helpdesk/{id}")
    String question(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        HelpQuestions.Question question = find(id);
        model.addAttribute("shown", shown(question));
        model.addAttribute("history", desk.history(question));
        model.addAttribute("done", Notices.of(done));
        return "helpdesk/admin-question";
    }

    @PostMapping("/admin/helpdesk/{id}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String text) {
        return moved(me, find(id), HelpMove.ANSWER, text);
    }

    /** Take, close or reopen ({@code move}); any other word is refused as a move the status does not allow. */
    @PostMapping("/admin/helpdesk/{id}/status")
    String status(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String move) {
        HelpQuestions.Question question = find(id);
        HelpMove chosen = switch (move == null ? "" : move) {
            case "TAKE" -> HelpMove.TAKE;
            case "CLOSE" -> HelpMove.CLOSE;
            case "REOPEN" -> HelpMove.REOPEN;
            default -> null;
        };
        if (chosen == null) {
            return "redirect:/admin/helpdesk/" + question.id() + "?done=refused";
        }
        return moved(me, question, chosen, null);
    }

    @PostMapping("/admin/helpdesk/{id}/faq")
    String draftFaq(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        HelpQuestions.Question question = find(id);
        return faq.draftFrom(me.userId(), question.id()).map(entry -> "redirect:/admin/helpdesk/faq/" + entry
                + "?done=drafted").orElse("redirect:/admin/helpdesk/" + question.id() + "?done=refused");
    }

    private String moved(SignedIn me, HelpQuestions.Question question, HelpMove move, String text) {
        HelpDesk.Result result = desk.move(me.userId(), true, question.id(), move, text);
        return "redirect:/admin/helpdesk/" + question.id() + "?done=" + Notices.of(move, result);
    }

    private Shown shown(HelpQuestions.Question q) {
        String asker = users.find(q.askedBy()).map(User::nameKanji).orElse("#" + q.askedBy());
        String facility = q.facilityId() == null ? null
                : facilities.find(q.facilityId()).map(Facility::nameKanji).orElse("#" + q.facilityId());
        return new Shown(q, asker, facility);
    }

    private HelpQuestions.Question find(String id) {
        return Ids.of(id).flatMap(questions::find).orElseThrow(HelpController::absent);
    }

    private static HelpStatus parse(String status) {
        for (HelpStatus s : HelpStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        throw HelpController.absent();
    }
}
