package org.musubi.audit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.VerificationReport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** {@code musubi audit verify}: prints the verification report; exit code 1 when faults are found. */
@Component
public class AuditVerifyCommand {

    private final AuditTrail trail;
    private final Audit audit;
    private final MessageSource messages;

    AuditVerifyCommand(AuditTrail trail, Audit audit, MessageSource messages) {
        this.trail = trail;
        this.audit = audit;
        this.messages = messages;
    }

    public int run(PrintStream out) {
        out.println("Verifying the audit trail / 監査証跡を検証しています ...");
        VerificationReport report = trail.verify(rows -> out.printf("  ... %,d rows checked%n", rows));
        audit.record(AuditEntry.of(AuditAction.AUDIT_VERIFY, report.intact() ? Outcome.PERMIT : Outcome.ERROR)
                .on("AuditEvent").reason(report.intact() ? "command line" : report.faults().size() + " faults (command line)")
                .by(Actor.system("cli")));
        for (VerificationReport.Fault fault : report.faults()) {
            Object[] args = fault.args().toArray();
            out.println("FAULT seq " + fault.seq() + ": "
                    + messages.getMessage(fault.messageKey(), args, Locale.JAPANESE) + " / "
                    + messages.getMessage(fault.messageKey(), args, Locale.ENGLISH));
        }
        out.printf("rows checked: %d, last seq: %d, last hash: %s%n", report.rowsChecked(), report.lastSeq(),
                report.lastHash());
        out.println(report.intact()
                ? "OK: the audit trail is intact / 監査証跡は改ざんされていません"
                : "FAILED: " + report.faults().size() + " fault(s) / 改ざんまたは欠落を検出しました");
        return report.intact() ? 0 : 1;
    }
}
