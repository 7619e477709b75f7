package org.musubi.portal.letters;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.musubi.letters.exchange.AnswerLetter;
import org.musubi.letters.exchange.CancelLetter;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.ListLetters;
import org.musubi.letters.exchange.OpenLetter;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.letters.render.LetterRendering;
import org.musubi.portal.chart.DocumentContent;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The facility's letters: the inbox (受信箱) by status with the unread ones marked and the overdue ones flagged, the
 * sent letters (送信済み) with where each stands, and a letter's page: its signatures' verdicts, the letter as its form,
 * its attachments and PDF, its history, and what the reader may do (the addressee accepts, returns or answers it; the
 * sender withdraws it while it is open). Returning and withdrawing cannot be undone: each asks once (only a POST with
 * {@code confirmed=yes} acts; without it the letter's page opens with the question). A letter the reader's facility
 * neither sent nor received answers exactly like one that does not exist: 404.
 */
@Controller
class LettersController {

    private final ListLetters lists;
    private final OpenLetter opening;
    private final AnswerLetter answers;
    private final CancelLetter cancels;
    private final LetterRendering rendering;

    LettersController(ListLetters lists, OpenLetter opening, AnswerLetter answers, CancelLetter cancels,
                      LetterRendering rendering) {
        this.lists = lists;
        this.opening = opening;
        this.answers = answers;
        this.cancels = cancels;
        this.rendering = rendering;
    }

    @GetMapping("/portal/letters")
    String inbox(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String tab,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        LetterTab shown = LetterTab.of(tab, LetterTab.OPEN);
        Reader reader = LetterComposerController.reader(me);
        model.addAttribute("listing", lists.inbox(reader, shown.statuses(), Math.max(page, 0)));
        model.addAttribute("counts", lists.counts(reader));
        return list(model, shown, true);
    }

    @GetMapping("/portal/letters/sent")
    String outbox(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String tab,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        LetterTab shown = LetterTab.of(tab, LetterTab.ALL);
        model.addAttribute("listing", lists.outbox(LetterComposerController.reader(me), shown.statuses(),
                Math.max(page, 0)));
        return list(model, shown, false);
    }

    private static String list(Model model, LetterTab shown, boolean inbox) {
        model.addAttribute("tabs", LetterTab.values());
        model.addAttribute("tab", shown);
        model.addAttribute("inbox", inbox);
        return "portal/letters/list";
    }

    @GetMapping("/portal/letters/{id}")
    String letter(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Locale locale, Model model) {
        LetterExchange.Opened opened = opening.open(LetterComposerController.reader(me), uuid(id)).orElseThrow(LettersController::absent);
        model.addAttribute("opened", opened);
        model.addAttribute("row", opened.row());
        if (opened.letter() != null) {
            model.addAttribute("letterHtml", rendering.html(opened.letter(), locale));
        } else if (opened.documentJson() != null) {
            model.addAttribute("composition", DocumentContent.composition(
                    opened.documentJson().getBytes(StandardCharsets.UTF_8), null));
        }
        model.addAttribute("sender", !opened.addressed());
        return "portal/letters/letter";
    }

    /** The signed PDF, shown in the browser's viewer. */
    @GetMapping("/portal/letters/{id}/pdf")
    void pdf(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        byte[] pdf = opening.pdf(LetterComposerController.reader(me), uuid(id)).orElseThrow(LettersController::absent);
        UntrustedContent.inlineIfSafe(response, "application/pdf", "letter-" + id);
        response.getOutputStream().write(pdf);
    }

    /** An attachment: inline when its type runs nothing (a PDF, an image, text), else a sandboxed download. */
    @GetMapping("/portal/letters/{id}/attachments/{index}")
    void attachment(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable int index,
                    HttpServletResponse response) throws IOException {
        LetterExchange.AttachmentContent content = opening.attachment(LetterComposerController.reader(me), uuid(id), index)
                .orElseThrow(LettersController::absent);
        UntrustedContent.inlineIfSafe(response, content.contentType(), "letter-" + id + "-" + index);
        response.getOutputStream().write(content.content());
    }

    @PostMapping("/portal/letters/{id}/accept")
    String accept(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        return changed(answers.accept(LetterComposerController.reader(me), uuid(id)), "accepted");
    }

    @PostMapping("/portal/letters/{id}/decline")
    String decline(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            return back(me, id, "confirm=decline");
        }
        if (LetterForm.text(reason) == null) {
            return reasonMissing(me, id, "decline");
        }
        return changed(answers.decline(LetterComposerController.reader(me), uuid(id), reason.strip()), "returned");
    }

    @PostMapping("/portal/letters/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            return back(me, id, "confirm=cancel");
        }
        if (LetterForm.text(reason) == null) {
            return reasonMissing(me, id, "cancel");
        }
        return changed(cancels.cancel(LetterComposerController.reader(me), uuid(id), reason.strip()), "withdrawn");
    }

    private String reasonMissing(SignedIn me, String id, String what) {
        return back(me, id, "reasonMissing=" + what);
    }

    /**
     * A return or withdrawal not yet confirmed (issue 67: it asks once; nothing changes), or without its reason: back
     * to the letter with the question open or the fault, asked through the same door as the letter itself (so that a
     * letter not the reader's still answers 404, and leaves its audit row).
     */
    private String back(SignedIn me, String id, String query) {
        opening.open(LetterComposerController.reader(me), uuid(id)).orElseThrow(LettersController::absent);
        return "redirect:/portal/letters/" + id + "?" + query;
    }

    private static String changed(Optional<LetterRow> row, String what) {
        LetterRow changed = row.orElseThrow(LettersController::absent);
        return "redirect:/portal/letters/" + changed.id() + "?" + what;
    }

    /** A letter's id: a UUID, else one nothing has (asked all the same, so that the answer and the audit are alike). */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return new UUID(0, 0);
        }
    }

    private static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
