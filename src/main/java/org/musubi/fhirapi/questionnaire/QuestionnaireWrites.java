package org.musubi.fhirapi.questionnaire;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.springframework.stereotype.Component;

/**
 * Refuses every write of a Questionnaire (create, update, patch, delete) with 405 and an OperationOutcome, audited
 * once: the pathway templates are edited in the operators' screen ({@code /admin/pathways}), never over the API.
 * A search by POST ({@code Questionnaire/_search}) is a read and passes.
 */
@Component
@Interceptor
public class QuestionnaireWrites {

    private static final Set<RequestTypeEnum> WRITES = Set.of(RequestTypeEnum.POST, RequestTypeEnum.PUT,
            RequestTypeEnum.PATCH, RequestTypeEnum.DELETE);
    private final Audit audit;

    QuestionnaireWrites(Audit audit) {
        this.audit = audit;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void refuse(RequestDetails request) {
        if (!"Questionnaire".equals(request.getResourceName()) || !WRITES.contains(request.getRequestType())
                || "_search".equals(request.getOperation())) {
            return;
        }
        audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY).on("Questionnaire",
                        request.getId() == null ? new Object[0] : new Object[] {request.getId().getIdPart()})
                .reason("Questionnaire is read-only: " + request.getRequestType()));
        throw new MethodNotAllowedException("Questionnaire は読み取り専用です。連携パスの様式は管理画面で編集します / "
                + "Questionnaire is read-only: pathway templates are edited in the operators' screen",
                RequestTypeEnum.GET);
    }
}
