package org.musubi.fhirapi.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.springframework.stereotype.Component;

/**
 * Refuses every write of a Questionnaire (create, update, patch, delete) with 405 and an OperationOutcome, audited
 * once, before HAPI chooses a handler: the pathway templates are edited in the operators' screen
 * ({@code /admin/pathways}), never over the API. A search by POST ({@code Questionnaire/_search}) is a read and passes.
 * The answer is written here rather than thrown, so that a refused write is not logged as an interceptor's failure.
 */
@Component
@Interceptor
public class QuestionnaireWrites {

    static final String MESSAGE = "Questionnaire は読み取り専用です。連携パスの様式は管理画面で編集します / "
            + "Questionnaire is read-only: pathway templates are edited in the operators' screen";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final Audit audit;
    private final FhirContext context;

    QuestionnaireWrites(Audit audit, FhirContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (!parts[0].equals("Questionnaire") || !WRITES.contains(request.getMethod())
                || (parts.length == 2 && parts[1].equals("_search") && request.getMethod().equals("POST"))) {
            return true;
        }
        audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY)
                .on("Questionnaire", parts.length > 1 ? new Object[] {parts[1]} : new Object[0])
                .reason("Questionnaire is read-only: " + request.getMethod()));
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.NOTSUPPORTED).setDiagnostics(MESSAGE);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET");
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getOutputStream().write(context.newJsonParser().encodeResourceToString(outcome)
                .getBytes(StandardCharsets.UTF_8));
        return false;
    }
}
