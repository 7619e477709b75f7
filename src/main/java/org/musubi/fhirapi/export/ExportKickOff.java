package org.musubi.fhirapi.export;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.Standby;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The kick-off of a FHIR Bulk Data export (async pattern): {@code GET [base]/$export}, {@code Patient/$export} and
 * {@code Group/<id>/$export} with {@code Prefer: respond-async}, {@code _type}, {@code _since}, {@code _outputFormat}.
 * For facility systems only (an API client's token): a browser session — a researcher's included — and a resident's
 * app are refused, and so is the purpose of research ({@code HRESCH}), which reaches the network's data only through a
 * project's de-identified extraction. A read-only standby refuses (503): an export is a job row and files. Musubi keeps
 * no Group (a list of persons is no one's record, {@code record.fhir.UnstoredTypes}), so every Group answers as
 * unknown (404), after the token's scopes, whatever its id — except an approved research project's cohort
 * ({@code Group/research-<project>}) for one of its named users, in their signed-in session, declaring the purpose of
 * research: its de-identified extraction ({@link ResearchExports}). Every refusal leaves one audit row; an export started
 * answers 202 with its status URL ({@link ExportServlet}) and runs in the background ({@link ExportRunner}).
 */
@Component
public class ExportKickOff {

    private final ExportRunner runner;
    private final ExportParts parts;
    private final Standby standby;
    private final ResearchExports research;

    ExportKickOff(ExportRunner runner, ExportParts parts, Standby standby, ResearchExports research) {
        this.runner = runner;
        this.parts = parts;
        this.standby = standby;
        this.research = research;
    }

    /** The scope table's row of an export level. */
    static ScopeTable row(ExportJob.Level level) {
        return switch (level) {
            case SYSTEM -> ScopeTable.EXPORT;
            case PATIENT -> ScopeTable.EXPORT_PATIENT;
            case GROUP -> ScopeTable.EXPORT_GROUP;
        };
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void system(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
        kickOff(ExportJob.Level.SYSTEM, details, request, response);
    }

    @Operation(name = "$export", type = Patient.class, idempotent = true, manualResponse = true)
    public void patients(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
        kickOff(ExportJob.Level.PATIENT, details, request, response);
    }

    /**
     * {@code Group/<id>/$export}: a researcher's signed-in session declaring the purpose of research asks for an
     * approved project's cohort ({@link ResearchExports}); for everyone else every Group is unknown.
     */
    @Operation(name = "$export", type = Group.class, idempotent = true, manualResponse = true)
    public void group(@IdParam IdType id, RequestDetails details, HttpServletRequest request,
                      HttpServletResponse response) {
        Caller caller = Caller.current();
        ExportParameters asked = parameters(details, request);
        if (ResearchExports.researchSession(caller)) {
            research.kickOff(caller, id.getIdPart(), asked, details, response);
            return;
        }
        caller.scoped(ScopeTable.EXPORT_GROUP, parts.audit(), asked.typesNeeded());
        refuseOthersThanSystems(caller);
        throw unknownGroup(parts.audit(), id.getIdPart(), Purpose.TREATMENT);
    }

    /** The one answer of a Group that does not exist (404), audited once ({@code EXPORT DENY Group/<id>}). */
    static BaseServerResponseException unknownGroup(Audit audit, String id, Purpose purpose) {
        audit.record(AuditEntry.of(AuditAction.EXPORT, Outcome.DENY).on("Group", id).purpose(purpose)
                .reason("record.notFound"));
        return Refusals.notFound(new IdType("Group", id));
    }

    /** The longest request URL an export keeps (bulk_export_job.request). */
    static final int MAX_REQUEST = 4000;

    private void kickOff(ExportJob.Level level, RequestDetails details, HttpServletRequest request,
                         HttpServletResponse response) {
        Caller caller = Caller.current();
        ExportParameters asked = parameters(details, request);
        Scoped scoped = caller.scoped(row(level), parts.audit(), asked.typesNeeded());
        refuseOthersThanSystems(caller);
        if (standby.readOnly()) {
            throw refused(standbyRefusal(), "bulk.readOnlyStandby");
        }
        if (parts.jobs().running(caller.userId()) >= parts.properties().maxRunning()) {
            throw refused(new UnclassifiedServerFailureException(429, "実行中のエクスポートが上限に達しています"
                    + " / Too many exports of this client are running: wait for one to finish"), "bulk.tooMany");
        }
        ExportJob job = new ExportJob(UUID.randomUUID(), caller.facilityId(), caller.userId(), level,
                details.getCompleteUrl(), asked.types(), asked.since(), ExportJob.Status.RUNNING, null, null,
                Instant.now(), null, List.of());
        runner.start(job, new ExportRunner.As(caller.reader(), scoped,
                SecurityContextHolder.getContext().getAuthentication()));
        response.setStatus(202);
        response.setHeader("Content-Location", details.getFhirServerBase() + "/" + ExportServlet.PATH + "/" + job.id());
    }

    /** The request's parameters, or 400 (audited) when they are not what the kick-off takes. */
    private ExportParameters parameters(RequestDetails details, HttpServletRequest request) {
        try {
            String url = details.getCompleteUrl();
            if (url != null && url.length() > MAX_REQUEST) {
                // the manifest repeats the request as asked: refused whole rather than cut
                throw new InvalidRequestException("要求の URL が長すぎます（" + MAX_REQUEST + " 文字まで） / The request URL"
                        + " is too long (at most " + MAX_REQUEST + " characters)");
            }
            return ExportParameters.of(details.getParameters(), request.getHeader("Prefer"));
        } catch (InvalidRequestException e) {
            throw refused(e, "bulk.badRequest");
        }
    }

    /**
     * Only a facility's system exports: not a browser session (whoever signed in, a researcher too), not without a
     * facility, never for research (which gets a project's de-identified extraction, never the record).
     */
    private void refuseOthersThanSystems(Caller caller) {
        if (caller.reader().purpose() == Purpose.RESEARCH) {
            throw refused(new ForbiddenOperationException("研究目的での一括エクスポートはできません。研究には承認された"
                    + "研究計画の匿名加工データ抽出を使ってください / Bulk export is never for research: research data"
                    + " leaves only as an approved project's de-identified extraction"), org.musubi.policy.Deny.RESEARCH_NOT_THROUGH_RECORDS);
        }
        if (!caller.system() || caller.facilityId() == null) {
            throw refused(new ForbiddenOperationException("一括エクスポートは施設システムのトークンでのみ使えます"
                    + " / Bulk export is for a facility system's token only"), "bulk.systemsOnly");
        }
    }

    private <E extends BaseServerResponseException> E refused(E error, String reason) {
        return refused(parts.audit(), Purpose.TREATMENT, error, reason);
    }

    /** A refused kick-off: one audit row ({@code ACCESS_DENIED DENY BulkExport}, the reason and the status). */
    static <E extends BaseServerResponseException> E refused(Audit audit, Purpose purpose, E error, String reason) {
        audit.record(AuditEntry.of(AuditAction.ACCESS_DENIED, Outcome.DENY).on(ExportStatus.AUDITED_AS)
                .purpose(purpose).reason(reason + " " + error.getStatusCode()));
        return error;
    }

    /** The standby's refusal of a kick-off (503). */
    static UnclassifiedServerFailureException standbyRefusal() {
        return new UnclassifiedServerFailureException(503, Standby.MESSAGE
                + " / A read-only standby starts no bulk export: ask the primary");
    }
}
