package org.musubi.secretariat.helpdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.musubi.database.Standby;
import org.musubi.record.Reader;
import org.musubi.secretariat.helpdesk.AttachedPage;
import org.musubi.secretariat.helpdesk.FaqBook;
import org.musubi.secretariat.helpdesk.HelpCategory;
import org.musubi.secretariat.helpdesk.HelpDesk;
import org.musubi.secretariat.helpdesk.HelpMove;
import org.musubi.secretariat.helpdesk.HelpQuestions;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff's side of the help desk ({@code /portal/help}; signed-in staff only, residents never reach it): their own
 * questions, asking one (the page it came from attached, masked: {@link AttachedPage}; the FAQ of the chosen category
 * shown first), a question's page with its history, replying and closing (asked once: only a POST with
 * {@code confirmed=yes} closes), and the published FAQ. Another user's
 * question answers 404 exactly like one that does not exist.
 */
@Controller
class HelpController {

    private final HelpDesk desk;
    private final HelpQuestions questions;
    private final FaqBook faq;
    private final Standby standby;

    HelpController(HelpDesk desk, HelpQuestions questions, FaqBook faq, Standby standby) {
        this.desk = desk;
        this.questions = questions;
        this.faq = faq;
        this.standby = standby;
    }

    @GetMapping("/portal/help")
    String mine(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("questions", questions.askedBy(me.userId()));
        return "helpdesk/mine";
    }

    /**
     * The ask page: the page asked from is the {@code Referer} of the first visit (a page of this host only), or the
     * masked path the page carries when the category was chosen; {@code patient} is the chart key of that page.
     */
    @GetMapping("/portal/help/ask")
    String ask(@RequestParam(required = false) String category, @RequestParam(required = false) String page,
               @RequestParam(required = false) String patient,
               @RequestHeader(name = "Referer", required = false) String referer, HttpServletRequest request,
               Model model) {
        AttachedPage from = page != null ? new AttachedPage(AttachedPage.fromForm(page), chartKey(patient))
                : AttachedPage.fromReferer(referer, host(request));
        return form(model, HelpCategory.of(category).orElse(null), from, null, null, null);
    }

    @PostMapping("/portal/help/ask")
    String send(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String category,
                @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
                @RequestParam(required = false) String page, @RequestParam(required = false) String patient,
                Model model) {
        HelpCategory chosen = HelpCategory.of(category).orElse(null);
        HelpDesk.Asked asked = desk.ask(new Reader(me.userId(), me.facilityId()),
                new HelpDesk.Ask(chosen, subject, text, page, patient));
        if (asked.id() != null) {
            return "redirect:/portal/help/" + asked.id() + "?done=asked";
        }
        // A refused patient is not offered again: the answer is the same whether it exists or not.
        AttachedPage from = new AttachedPage(AttachedPage.fromForm(page), HelpDesk.PATIENT_REFUSED.equals(asked.fault())
                ? Optional.empty() : chartKey(patient));
        return form(model, chosen, from, subject, text, asked.fault());
    }

    @GetMapping("/portal/help/{id}")
    String question(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                    @RequestParam(required = false) String done, Model model) {
        HelpQuestions.Question question = mine(me, id);
        if (question.unreadAnswer() && !standby.readOnly()) {
            questions.markRead(question.id());
        }
        model.addAttribute("question", question);
        model.addAttribute("history", desk.history(question));
        model.addAttribute("done", Notices.of(done));
        return "helpdesk/question";
    }

    @PostMapping("/portal/help/{id}/reply")
    String reply(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                 @RequestParam(required = false) String text) {
        return moved(me, id, HelpMove.REPLY, text);
    }

    @PostMapping("/portal/help/{id}/close")
    String close(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                 @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): nothing changes; the question's page, for a question that is the user's, asks
            return "redirect:/portal/help/" + mine(me, id).id() + "?confirm";
        }
        return moved(me, id, HelpMove.ASKER_CLOSE, null);
    }

    @GetMapping("/portal/help/faq")
    String faq(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
               Model model) {
        HelpCategory chosen = HelpCategory.of(category).orElse(null);
        model.addAttribute("entries", faq.search(chosen, q));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("category", chosen);
        model.addAttribute("categories", HelpCategory.values());
        return "helpdesk/faq";
    }

    private String moved(SignedIn me, String id, HelpMove move, String text) {
        long questionId = mine(me, id).id();
        HelpDesk.Result result = desk.move(me.userId(), false, questionId, move, text);
        if (result == HelpDesk.Result.ABSENT) {
            throw absent();
        }
        return "redirect:/portal/help/" + questionId + "?done=" + Notices.of(move, result);
    }

    private String form(Model model, HelpCategory category, AttachedPage from, String subject, String text,
                        String fault) {
        model.addAttribute("category", category);
        model.addAttribute("categories", HelpCategory.values());
        model.addAttribute("page", from.path().orElse(null));
        model.addAttribute("patient", from.patientKey().orElse(null));
        model.addAttribute("suggestions", category == null ? java.util.List.of() : faq.search(category, null));
        model.addAttribute("subject", subject);
        model.addAttribute("text", text);
        model.addAttribute("fault", fault);
        return "helpdesk/ask";
    }

    private HelpQuestions.Question mine(SignedIn me, String id) {
        return Ids.of(id).flatMap(n -> desk.mine(me.userId(), n)).orElseThrow(HelpController::absent);
    }

    /** A chart key as the viewer's address writes it, or empty (the policy checks it only when the question is sent). */
    private static Optional<String> chartKey(String key) {
        return key != null && key.matches("(own-)?[0-9]{1,18}") ? Optional.of(key) : Optional.empty();
    }

    private static String host(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean usual = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return usual ? request.getServerName() : request.getServerName() + ":" + port;
    }

    static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
