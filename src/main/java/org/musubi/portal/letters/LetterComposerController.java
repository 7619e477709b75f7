package org.musubi.portal.letters;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.letters.Attachment;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.ComposeLetter;
import org.musubi.letters.exchange.KeepLetterDrafts;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.letters.exchange.LetterRequest;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The composer (紹介状・情報提供書を書く): a letter of any kind about a patient, started from the record
 * ({@link ComposeLetter#compose}: prefilled, editable), kept as a draft, previewed as the form it will be, signed and
 * sent. A patient the author may not write for answers as the viewer's one 404, whatever the reason.
 */
@Controller
class LetterComposerController {

    private final ComposeLetter letters;
    private final KeepLetterDrafts drafts;
    private final SendLetter sending;

    LetterComposerController(ComposeLetter letters, KeepLetterDrafts drafts, SendLetter sending) {
        this.letters = letters;
        this.drafts = drafts;
        this.sending = sending;
    }

    @InitBinder("form")
    void fields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/portal/patients/{personId}/letters/new")
    String compose(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) UUID repliesTo,
                   @RequestParam(required = false) UUID draft, @RequestParam(required = false) String saved,
                   Model model, HttpServletResponse response) {
        Reader author = reader(me);
        long person = person(personId);
        LetterForm form;
        if (draft != null) {
            Optional<LetterExchange.Draft> kept = drafts.draft(author, draft).filter(d -> d.personId() == person);
            if (kept.isEmpty()) {
                return denied(response);
            }
            form = LetterForm.of(kept.get().request(), draft);
            form.draftSavedAt = kept.get().updatedAt();
        } else {
            form = null;
        }
        LetterKind asked = form != null ? form.kind : repliesTo != null ? LetterKind.REPLY : kind(kind);
        Optional<LetterExchange.Prefill> prefill = letters.compose(author, person, asked,
                form != null ? form.repliesTo : repliesTo);
        if (prefill.isEmpty()) {
            return denied(response);
        }
        if (prefill.get().unavailable() != null) {
            model.addAttribute("prefill", prefill.get());
            return "portal/letters/unavailable";
        }
        if (form == null) {
            LetterExchange.Prefill p = prefill.get();
            // a reply goes back to the letter's sender
            form = LetterForm.of(new LetterRequest(p.kind(), p.repliesTo() == null ? 0 : p.repliesTo().senderFacilityId(),
                    null, p.repliesTo() == null ? null : p.repliesTo().authorName(), p.content(), p.insuranceMemberId(),
                    p.repliesTo() == null ? null : p.repliesTo().id(), null), null);
        }
        model.addAttribute("saved", saved != null);
        return page(author, person, prefill.get(), form, List.of(), null, model);
    }

    /**
     * One submit of the form: {@code action} {@code draft} (下書き保存), {@code preview} (プレビュー) or {@code send}
     * (署名して送信). Uploaded files and picked items become attachments first, so that every step keeps them.
     */
    @PostMapping("/portal/patients/{personId}/letters")
    String submit(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                  @ModelAttribute("form") LetterForm form, @RequestParam(defaultValue = "preview") String action,
                  @RequestParam(required = false) MultipartFile[] files, Locale locale, Model model,
                  HttpServletResponse response) {
        Reader author = reader(me);
        long person = person(personId);
        List<String> faults = new ArrayList<>();
        List<Attachment> attachments = attachments(author, form, files, faults);
        LetterRequest request = form.request(attachments, faults);
        form.attached = new ArrayList<>(attachments.stream().map(FormAttachment::of).toList());
        form.picked = new ArrayList<>();
        String preview = null;
        if (request != null && faults.isEmpty()) {
            switch (action) {
                case "draft" -> {
                    Optional<LetterExchange.Draft> saved;
                    try {
                        saved = drafts.saveDraft(author, person, form.draft, form.draftSavedAt, request);
                    } catch (LetterExchange.DraftChanged e) {
                        // saved again in another window since this form was opened: told, the letter as typed kept
                        response.setStatus(HttpServletResponse.SC_CONFLICT);
                        faults.add("letters.compose.fault.draftChanged");
                        break;
                    }
                    if (saved.isEmpty()) {
                        return denied(response);
                    }
                    return "redirect:/portal/patients/" + person + "/letters/new?draft=" + saved.get().id() + "&saved";
                }
                case "send" -> {
                    LetterExchange.Sent sent = sending.send(author, person, request, form.draft);
                    switch (sent) {
                        case LetterExchange.Sent.Done done -> {
                            return "redirect:/portal/letters/" + done.letter().id() + "?sent";
                        }
                        case LetterExchange.Sent.Invalid invalid -> faults.addAll(invalid.faults());
                        case LetterExchange.Sent.Refused refused -> {
                            return denied(response);
                        }
                    }
                }
                default -> {
                    Optional<String> html = letters.preview(author, person, request, locale);
                    if (html.isEmpty()) {
                        return denied(response);
                    }
                    preview = html.get();
                }
            }
        }
        Optional<LetterExchange.Prefill> prefill = letters.compose(author, person, form.kind, form.repliesTo);
        if (prefill.isEmpty()) {
            return denied(response);
        }
        return page(author, person, prefill.get(), form, faults, preview, model);
    }

    /**
     * Deletes one of the author's drafts for the person (another's, or none, answers 404) once confirmed ({@code
     * confirmed=yes}); without the confirmation the composer shows the question and keeps the draft.
     */
    @PostMapping("/portal/patients/{personId}/letters/drafts/{draft}/delete")
    String deleteDraft(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable UUID draft,
                       @RequestParam(required = false) String confirmed, HttpServletResponse response) {
        Reader author = reader(me);
        long person = person(personId);
        if (drafts.draft(author, draft).filter(d -> d.personId() == person).isEmpty()) {
            return denied(response);
        }
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the composer opens with the question, the draft is kept
            return "redirect:/portal/patients/" + person + "/letters/new?confirm=" + draft;
        }
        drafts.deleteDraft(author, draft);
        return "redirect:/portal/patients/" + person + "/letters/new";
    }

    private String page(Reader author, long person, LetterExchange.Prefill prefill, LetterForm form, List<String> faults,
                        String preview, Model model) {
        model.addAttribute("personId", person);
        model.addAttribute("prefill", prefill);
        model.addAttribute("form", form);
        model.addAttribute("diagnosisRows", LetterForm.withBlanks(form.diagnoses));
        model.addAttribute("allergyRows", LetterForm.withBlanks(form.allergies));
        model.addAttribute("medicineRows", LetterForm.withBlanks(form.medicines));
        model.addAttribute("resultRows", form.results);
        model.addAttribute("attachedReferences", form.attachedReferences());
        model.addAttribute("picks", prefill.picks().stream().map(FormAttachment::choice).toList());
        model.addAttribute("addressees", letters.addressees(author));
        model.addAttribute("drafts", drafts.drafts(author, person));
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("consents", org.musubi.letters.FormDetails.Consent.values());
        model.addAttribute("bedriddenRanks", org.musubi.letters.FormDetails.Bedridden.values());
        model.addAttribute("dementiaRanks", org.musubi.letters.FormDetails.Dementia.values());
        model.addAttribute("faults", faults);
        model.addAttribute("preview", preview);
        return "portal/letters/compose";
    }

    /** The letter's attachments: those kept, the record's items ticked now, then the files uploaded now. */
    private List<Attachment> attachments(Reader author, LetterForm form, MultipartFile[] files, List<String> faults) {
        List<Attachment> attachments = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (FormAttachment kept : form.kept()) {
            try {
                Attachment a = kept.attachment();
                if (!(a.source() instanceof Attachment.Stored s) || references.add(s.reference())) {
                    attachments.add(a);
                }
            } catch (IllegalArgumentException malformed) {
                faults.add("letters.compose.fault.attachment");
            }
        }
        for (String value : form.picked) {
            Attachment a = FormAttachment.picked(value);
            if (a == null) {
                faults.add("letters.compose.fault.attachment");
            } else if (references.add(((Attachment.Stored) a.source()).reference())) {
                attachments.add(a);
            }
        }
        for (MultipartFile file : files == null ? new MultipartFile[0] : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            String title = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? null : file.getOriginalFilename();
            try (InputStream in = file.getInputStream()) {
                attachments.add(letters.upload(author, title, file.getContentType(), in));
            } catch (IOException | UncheckedIOException e) {
                faults.add(tooLarge(e) ? "letters.compose.fault.tooLarge" : "letters.compose.fault.upload");
            }
        }
        return attachments;
    }

    private static boolean tooLarge(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.musubi.blob.BlobStore.TooLarge) {
                return true;
            }
        }
        return false;
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    /** The person a page's address names: digits, else nobody (asked like any unknown person). */
    static long person(String key) {
        return key != null && key.matches("\\d{1,18}") ? Long.parseLong(key) : 0;
    }

    static LetterKind kind(String kind) {
        return Arrays.stream(LetterKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(LetterKind.REFERRAL);
    }

    /** The viewer's one page for a patient the user may not see, or who does not exist (404). */
    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }
}
