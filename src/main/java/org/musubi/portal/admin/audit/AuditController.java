package org.musubi.portal.admin.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.VerificationReport;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.portal.web.UiProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Network operators search, export and verify the audit trail. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final Audit audit;
    private final ScreenNames names;
    private final ZoneId zone;

    AuditController(AuditTrail trail, Audit audit, ScreenNames names, UiProperties ui) {
        this.trail = trail;
        this.audit = audit;
        this.names = names;
        this.zone = ui.zone();
    }

    @GetMapping("/admin/audit")
    String search(@ModelAttribute("search") AuditSearch search, @RequestParam(required = false) Integer page,
                  Model model) {
        audit.record(AuditEntry.of(AuditAction.AUDIT_SEARCH, Outcome.PERMIT).on("AuditEvent"));
        Page<AuditRecord> results = trail.search(search.query(names::auditIdsOf, zone), PageRequest.of(page, 50));
        model.addAttribute("results", results);
        model.addAttribute("names", names.ofAudit(results.items()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("actions", AuditAction.values());
        return "admin/audit";
    }

    @GetMapping("/admin/audit/export.csv")
    void export(@ModelAttribute AuditSearch search, HttpServletResponse response) throws IOException {
        audit.record(AuditEntry.of(AuditAction.AUDIT_EXPORT, Outcome.PERMIT).on("AuditEvent"));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"musubi-audit.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.print(AuditCsv.HEADER);
        trail.export(search.query(names::auditIdsOf, zone), row -> out.print(AuditCsv.line(row)));
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
}
