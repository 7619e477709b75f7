package org.musubi.portal.admin.audit;

import java.util.List;
import java.util.stream.Stream;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.emergency.EmergencyReviews;
import org.musubi.emergency.HandOver;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every emergency access waits here until a network admin has reviewed it and recorded the outcome. */
@Controller
class EmergencyReviewController {

    private final Consents consents;
    private final Audit audit;
    private final ScreenNames names;
    private final EmergencyReviews reviews;

    EmergencyReviewController(Consents consents, Audit audit, ScreenNames names, EmergencyReviews reviews) {
        this.consents = consents;
        this.audit = audit;
        this.names = names;
        this.reviews = reviews;
    }

    /**
     * Every emergency access not reviewed yet (a clinician's, a crew's, an emergency room's from a hand-over), oldest
     * first, with its kind, reason, user, facility, duration, hand-overs and what was viewed; overdue ones flagged.
     */
    @GetMapping("/admin/emergency")
    String list(Model model) {
        List<EmergencyReviews.Row> rows = reviews.unreviewed(200);
        List<EmergencyAccess> accesses = rows.stream().map(EmergencyReviews.Row::access).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("names", names.ofEmergencies(accesses, rows.stream()
                .flatMap(r -> Stream.concat(r.madeUnder().stream(),
                        Stream.ofNullable(r.from())))
                .map(HandOver::toFacilityId).toList(),
                rows.stream().map(EmergencyReviews.Row::from).filter(java.util.Objects::nonNull)
                        .map(HandOver::fromUserId).toList()));
        model.addAttribute("outcomes", EmergencyAccess.ReviewOutcome.values());
        return "admin/emergency";
    }

    @PostMapping("/admin/emergency/{id}/review")
    String review(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                  @RequestParam(defaultValue = "APPROPRIATE") EmergencyAccess.ReviewOutcome outcome,
                  @RequestParam String note) {
        if (consents.reviewEmergency(id, me.userId(), outcome, note)) {
            audit.record(AuditEntry.of(AuditAction.EMERGENCY_REVIEW, Outcome.PERMIT).on("EmergencyAccess", id)
                    .reason(outcome + ": " + note));
        }
        return "redirect:/admin/emergency";
    }
}
