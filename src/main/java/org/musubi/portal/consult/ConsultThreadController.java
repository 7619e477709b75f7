package org.musubi.portal.consult;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.musubi.consult.CloseConsultation;
import org.musubi.consult.ConsultFault;
import org.musubi.consult.Consultations;
import org.musubi.consult.OpenConsultationAttachment;
import org.musubi.consult.PostToConsultation;
import org.musubi.consult.SetConsultationMeeting;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A participant's acts on a thread: a message, the meeting, closing (the asker), an attachment; anyone else, and a
 * made-up id, get the 404 of a thread that does not exist, audited once by the use case.
 */
@Controller
class ConsultThreadController {

    private final PostToConsultation posting;
    private final SetConsultationMeeting meetings;
    private final CloseConsultation closing;
    private final OpenConsultationAttachment attachments;

    ConsultThreadController(PostToConsultation posting, SetConsultationMeeting meetings, CloseConsultation closing,
                            OpenConsultationAttachment attachments) {
        this.posting = posting;
        this.meetings = meetings;
        this.closing = closing;
        this.attachments = attachments;
    }

    @PostMapping("/portal/consultations/{id}/messages")
    String post(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                @RequestParam(required = false) String text, @RequestParam(required = false) List<String> reference,
                @RequestParam(required = false) MultipartFile[] files) throws IOException {
        try {
            return posting.post(ConsultAnswers.reader(me), ConsultAnswers.uuid(id), new Consultations.Post(text, reference, ConsultAnswers.uploads(files)))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?posted")
                    .orElseThrow(ConsultAnswers::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    @PostMapping("/portal/consultations/{id}/meeting")
    String meeting(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String at, @RequestParam(required = false) String url) {
        try {
            return meetings.meeting(ConsultAnswers.reader(me), ConsultAnswers.uuid(id), ConsultAnswers.when(at), url)
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?meeting")
                    .orElseThrow(ConsultAnswers::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    /**
     * The asker closes the thread once confirmed ({@code confirmed=yes}); one click without it comes back to the
     * thread with the question open (the thread page answers 404 to anyone else) and closes nothing.
     */
    @PostMapping("/portal/consultations/{id}/close")
    String close(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                 @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the thread opens with the question, nothing is changed
            UUID thread = ConsultAnswers.uuid(id);
            if (thread == null) {
                throw ConsultAnswers.absent();
            }
            return "redirect:/portal/consultations/" + thread + "?confirm";
        }
        try {
            return closing.close(ConsultAnswers.reader(me), ConsultAnswers.uuid(id))
                    .map(t -> "redirect:/portal/consultations/" + t.id() + "?closed")
                    .orElseThrow(ConsultAnswers::absent);
        } catch (ConsultFault fault) {
            return "redirect:/portal/consultations/" + id + "?fault=" + fault.key();
        }
    }

    /** An attachment: inline when its type runs nothing (a PDF, an image, text), else a sandboxed download. */
    @GetMapping("/portal/consultations/{id}/attachments/{binaryId}")
    void attachment(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @PathVariable String binaryId,
                    HttpServletResponse response) throws IOException {
        Consultations.File file = attachments.attachment(ConsultAnswers.reader(me), ConsultAnswers.uuid(id), binaryId)
                .orElseThrow(ConsultAnswers::absent);
        UntrustedContent.inlineIfSafe(response, file.contentType(), "consultation-" + binaryId);
        response.getOutputStream().write(file.bytes());
    }
}
