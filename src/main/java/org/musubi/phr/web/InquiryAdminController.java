package org.musubi.phr.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.phr.AskTheOffice;
import org.musubi.phr.Inquiries;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network office's list of residents' questions about views in their access logs: each with the audit row it is
 * about (when, who, which facility, what, why), answered here; the resident sees the answer in their log. Network
 * administrators only ({@code /admin/**}); opening the list is audited as a search of the trail.
 */
@Controller
class InquiryAdminController {

    private final Inquiries inquiries;
    private final AskTheOffice office;
    private final AuditTrail trail;
    private final Facilities facilities;
    private final Audit audit;

    InquiryAdminController(Inquiries inquiries, AskTheOffice office, AuditTrail trail, Facilities facilities,
                           Audit audit) {
        this.inquiries = inquiries;
        this.office = office;
        this.trail = trail;
        this.facilities = facilities;
        this.audit = audit;
    }

    /** A question with the audit row it is about ({@code null} if the trail lacks it) and that row's facility. */
    record Shown(Inquiries.Inquiry inquiry, AuditRecord row, String facilityName) {
    }

    @GetMapping("/admin/phr-inquiries")
    String list(Model model) {
        List<Inquiries.Inquiry> open = inquiries.open(200);
        Map<Long, String> names = new HashMap<>();
        List<Shown> shown = open.stream().map(i -> {
            AuditRecord row = trail.find(i.auditSeq()).orElse(null);
            Long facility = row == null ? null : row.actor().facilityId();
            return new Shown(i, row, facility == null ? null : names.computeIfAbsent(facility,
                    id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id)));
        }).toList();
        audit.record(AuditEntry.of(AuditAction.AUDIT_SEARCH, Outcome.PERMIT).on("PhrInquiry")
                .reason("residents' open questions: " + shown.size()));
        model.addAttribute("inquiries", shown);
        return "admin/phr-inquiries";
    }

    @PostMapping("/admin/phr-inquiries/{id}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", office.answer(me.userId(), id, answer) ? "answered" : "notAnswered");
        return "redirect:/admin/phr-inquiries";
    }
}
