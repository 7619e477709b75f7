package org.musubi.portal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.VerificationReport;
import org.musubi.paging.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Network operators search, export and verify the audit trail. */
@Controller
class AuditController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final AuditTrail trail;
    private final Audit audit;

    AuditController(AuditTrail trail, Audit audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String loginId,
                  @RequestParam(required = false) Long facilityId,
                  @RequestParam(required = false) String patientId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Outcome outcome,
                  @RequestParam(required = false) AuditAction action,
                  @RequestParam(required = false) Integer page, Model model) {
        AuditQuery query = query(loginId, facilityId, patientId, from, to, outcome, action);
        audit.record(AuditEntry.of(AuditAction.AUDIT_SEARCH, Outcome.PERMIT).on("AuditEvent"));
        model.addAttribute("results", trail.search(query, PageRequest.of(page, 50)));
        model.addAttribute("query", query);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("actions", AuditAction.values());
        return "admin/audit";
    }

    @GetMapping("/admin/audit/export.csv")
    void export(@RequestParam(required = false) String loginId,
                @RequestParam(required = false) Long facilityId,
                @RequestParam(required = false) String patientId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Outcome outcome,
                @RequestParam(required = false) AuditAction action,
                HttpServletResponse response) throws IOException {
        AuditQuery query = query(loginId, facilityId, patientId, from, to, outcome, action);
        audit.record(AuditEntry.of(AuditAction.AUDIT_EXPORT, Outcome.PERMIT).on("AuditEvent"));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"musubi-audit.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.print(AuditCsv.HEADER);
        trail.export(query, row -> out.print(AuditCsv.line(row)));
        out.flush();
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        VerificationReport report = trail.verify();
        audit.record(AuditEntry.of(AuditAction.AUDIT_VERIFY, report.intact() ? Outcome.PERMIT : Outcome.ERROR)
                .on("AuditEvent").reason(report.intact() ? null : report.faults().size() + " faults"));
        model.addAttribute("report", report);
        return "admin/audit-verify";
    }

    private static AuditQuery query(String loginId, Long facilityId, String patientId, LocalDate from,
                                    LocalDate to, Outcome outcome, AuditAction action) {
        return new AuditQuery(loginId, facilityId, patientId,
                from == null ? null : from.atStartOfDay(JAPAN).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(JAPAN).toInstant(), outcome, action);
    }
}
