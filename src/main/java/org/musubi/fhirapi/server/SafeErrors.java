package org.musubi.fhirapi.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.DatabaseAway;
import org.musubi.fhirapi.incoming.ParserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Unexpected failures reach the caller as a plain OperationOutcome without stack trace, SQL or
 * patient data; the details go to the log (at ERROR, without request parameters), and the attempt to the
 * audit trail (one row, outcome ERROR) when nothing recorded it before it failed. A write refused with a
 * FHIR error (4xx) before anything recorded it gets its one row here too (outcome DENY, {@code record.invalid <status>}). A parameter HAPI
 * cannot parse (a malformed date or number) is the caller's mistake: 400, saying what was wrong. A database that cannot
 * be reached (a failover, a restart) is no internal error: 503 with Retry-After, as the web's filter answers it.
 */
@Component
@Interceptor
public class SafeErrors {

    private static final Logger log = LoggerFactory.getLogger(SafeErrors.class);
    private static final Set<RestOperationTypeEnum> WRITES = EnumSet.of(RestOperationTypeEnum.CREATE,
            RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
            RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);
    private final Audit audit;
    private final MessageSource messages;

    public SafeErrors(Audit audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException hide(RequestDetails request, Throwable error, HttpServletRequest servletRequest) {
        if (error instanceof BaseServerResponseException known && !(error instanceof InternalErrorException)) {
            if (WRITES.contains(request.getRestOperationType()) && !audit.recordedForCurrentRequest()) {
                // a write refused before anything on its way recorded it (a Patient without the facility's patient-ID
                // system, an entry of a type Musubi does not store …): still one row, as for every refusal
                audit.record(AuditEntry.of(action(request.getRestOperationType()), Outcome.DENY)
                        .on(request.getResourceName(), request.getId() == null ? new Object[0]
                                : new Object[] {request.getId().getIdPart()})
                        .purpose(Purpose.TREATMENT).reason("record.invalid " + known.getStatusCode()));
            }
            return known;
        }
        if (error instanceof DataFormatException unreadable) { // a search parameter HAPI could not parse (a date, a number)
            return new InvalidRequestException("パラメータの形式が正しくありません / A parameter is not in a valid format: "
                    + ParserMessages.readable(unreadable.getMessage()));
        }
        if (DatabaseAway.causedBy(error)) { // a failover, a restart: nothing can be audited, the trail is in that database
            log.warn("FHIR request failed, the database could not be reached: {} {} ({})", request.getRequestType(),
                    request.getResourceName(), error.getClass().getSimpleName());
            // the same words as every other answer to it (web.standby's page and text)
            UnclassifiedServerFailureException away = new UnclassifiedServerFailureException(503,
                    messages.getMessage("database.away.text", null, Locale.JAPANESE) + " / "
                            + messages.getMessage("database.away.text", null, Locale.ENGLISH));
            away.addResponseHeader("Retry-After", String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
            return away;
        }
        log.error("FHIR request failed: {} {}", request.getRequestType(), request.getResourceName(), error);
        if (!audit.recordedForCurrentRequest()) {
            audit.record(AuditEntry.of(action(request.getRestOperationType()), Outcome.ERROR)
                    .on(request.getResourceName(), request.getId() == null ? new Object[0]
                            : new Object[] {request.getId().getIdPart()})
                    .purpose(Purpose.TREATMENT).reason("internal error: " + error.getClass().getSimpleName()));
        }
        return new InternalErrorException("内部エラーが発生しました / An internal error occurred");
    }

    static AuditAction action(RestOperationTypeEnum operation) {
        if (operation == null) {
            return AuditAction.READ;
        }
        return switch (operation) {
            case CREATE, TRANSACTION, BATCH -> AuditAction.CREATE;
            case UPDATE, PATCH -> AuditAction.UPDATE;
            case DELETE -> AuditAction.DELETE;
            case SEARCH_TYPE, SEARCH_SYSTEM, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE,
                 EXTENDED_OPERATION_SERVER -> AuditAction.SEARCH;
            default -> AuditAction.READ;
        };
    }
}
