package org.musubi.imaging.reading.remote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.reading.ReadingItem;
import org.musubi.imaging.reading.ReadingStatus;
import org.musubi.imaging.reading.ReadingStep;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.read.PersonResource;
import org.musubi.record.write.Answered;

/**
 * Remote reading's doors: request, the centre's worklist and item, its steps (claim, release, decline, report), the
 * requester's list, report and steps (acknowledge, cancel). Each is one interaction with the person's record, decided by
 * the access policy and audited once: the requester's through {@link WriteRecords#enter} / {@link ReadRecords#readPerson}
 * (the same decision as opening the study), the centre's through the consultation door ({@link
 * ReadRecords#readDisclosed}, {@link WriteRecords#answerDisclosed}: the study's ImagingStudy and the request's own
 * report, nothing else of the record). A request the caller takes no part in, a step its state or the caller does not
 * allow, and an id nobody has all answer {@link Optional#empty()} after one audit row ({@code record.notFound}).
 * Readers and requesters are doctors (or dentists); anyone else meets requests that do not exist.
 */
public final class RemoteReadings {

    /** The type the audit rows of requests and their steps name (the study's ImagingStudy). */
    public static final String TYPE = "ImagingStudy";
    /** The type the audit rows of reports name. */
    public static final String REPORT = "DiagnosticReport";
    /** The most requests a list shows. */
    public static final int LIST_LIMIT = 200;
    /** The longest clinical question, decline reason, findings or impression taken. */
    public static final int TEXT_LIMIT = 4000;

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final ReadingRows rows;
    private final ReadingReports reports;
    private final ReadingContext context;

    public RemoteReadings(ReadRecords reads, WriteRecords writes, ReadingRows rows, ReadingReports reports,
                          ReadingContext context) {
        this.reads = reads;
        this.writes = writes;
        this.rows = rows;
        this.reports = reports;
        this.context = context;
    }

    /** A reading centre offered on the request form. */
    public record Centre(long facilityId, String name) {
    }

    /** A request of a list with its study as the index holds it (null when the index no longer has it). */
    public record Listed(ReadingRequest request, IndexedStudy study) {
    }

    /** A request with its study, as a page shows it (the report once there and readable). */
    public record Shown(ReadingRequest request, IndexedStudy study, Optional<ReadingReports.Shown> report) {
    }

    /**
     * The centres the reader may ask to read {@code study}: those reading its kind, never the reader's own facility;
     * none for a reader who is no doctor. No patient data (the study's kind), not audited.
     */
    public List<Centre> centresFor(Reader reader, IndexedStudy study) {
        if (study.modality() == null || reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            return List.of();
        }
        return rows.centresFor(study.modality()).stream().filter(f -> !reader.actsFor(f))
                .map(f -> new Centre(f, context.directory().facilityName(f))).toList();
    }

    /**
     * Asks centre {@code centre} to read the study {@code studyUid}: decided as opening the study is (the policy on the
     * study's patient, category IMAGING), and the requester's facility must hold its own patient of the person. Empty
     * (after one audit row) for a study the requester may not see or nobody has.
     *
     * @throws ReadingFault a question to fix: no question, a past due date, a centre that does not read the study's
     *                      kind, a patient not linked to a regional person, a read-only standby (the faults that
     *                      depend on the study only once the requester may see it: a study the requester may not see
     *                      answers empty whatever the centre named)
     */
    public Optional<ReadingRequest> request(Reader requester, String studyUid, long centre, String question,
                                            LocalDate due) {
        requireWritable();
        String asked = trimmed(question, TEXT_LIMIT);
        if (asked == null) {
            throw new ReadingFault(ReadingFault.QUESTION);
        }
        Instant now = context.clock().instant();
        if (due != null && due.isBefore(LocalDate.ofInstant(now, FhirJson.JAPAN))) {
            throw new ReadingFault(ReadingFault.DUE);
        }
        IndexedStudy study = IndexedStudy.isUid(studyUid) ? context.studies().find(studyUid).orElse(null) : null;
        if (study == null || !context.directory().doctor(requester.userId()) || requester.facilityId() == null) {
            reads.missed(requester, AuditAction.CREATE, TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-");
            return Optional.empty();
        }
        boolean offered = centresFor(requester, study).stream().anyMatch(c -> c.facilityId() == centre);
        Optional<Long> person = context.directory().personOf(study.sourcePatientId());
        if (person.isEmpty()) {
            Interaction<PersonResource> read = reads.readOfPerson(requester, TYPE, study.resourceId());
            if (!read.permitted()) {
                return Optional.empty();
            }
            throw new ReadingFault(offered ? ReadingFault.NOT_LINKED : ReadingFault.CENTRE);
        }
        String[] fault = new String[1];
        Interaction<ReadingRequest> done = writes.enter(requester, person.get(), AuditAction.CREATE, TYPE,
                PersonView::decision, entry -> {
                    List<StoredResource> seen = entry.contents(List.of(study.resourceId()));
                    if (seen.isEmpty() || seen.getFirst().deleted()
                            || seen.getFirst().patientKey() != study.sourcePatientId()) {
                        return null;
                    }
                    if (!offered) {
                        fault[0] = ReadingFault.CENTRE;
                        return null;
                    }
                    SourcePatient own = entry.view().sources().stream()
                            .filter(s -> requester.actsFor(s.facilityId())).findFirst().orElse(null);
                    if (own == null) {
                        fault[0] = ReadingFault.NOT_OUR_PATIENT;
                        return null;
                    }
                    ReadingRequest made = rows.insert(new ReadingRequest(0, study.studyUid(), person.get(), own.id(),
                            own.facilityId(), requester.userId(), centre, null, ReadingStatus.REQUESTED, asked, due,
                            null, null, now, null, now));
                    context.disclose(ReadingContext.requestSource(made.id()), person.get(), own.id(),
                            own.facilityId(), centre, null);
                    return made;
                });
        if (fault[0] != null) {
            throw new ReadingFault(fault[0]);
        }
        return Optional.ofNullable(done.value());
    }

    /**
     * The centre's worklist: its open requests (due first) with their studies, or empty for a user who is no doctor of
     * a reading centre (one audit row either way, naming the studies listed).
     */
    public Optional<List<Listed>> worklist(Reader reader) {
        Long facility = reader.facilityId();
        if (facility == null || !rows.isCentre(facility) || !context.directory().doctor(reader.userId())) {
            context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(TYPE)
                    .purpose(Purpose.TREATMENT).reason(ReadRecords.NOT_FOUND));
            return Optional.empty();
        }
        return Optional.of(listed(rows.ofCentre(facility,
                List.of(ReadingStatus.REQUESTED, ReadingStatus.CLAIMED), LIST_LIMIT)));
    }

    /**
     * The requesting facility's requests, newest first, with their studies: one audit row naming the studies. Empty for
     * a user who is no doctor.
     */
    public List<Listed> requested(Reader reader) {
        if (reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(TYPE)
                    .purpose(Purpose.TREATMENT).reason(ReadRecords.NOT_FOUND));
            return List.of();
        }
        return listed(rows.ofRequester(reader.facilityId(), LIST_LIMIT));
    }

    /**
     * A request as its centre's doctor sees it — while open, and once reported the reader's own with its report —
     * through the consultation door; empty for anyone else.
     */
    public Optional<Shown> atCentre(Reader reader, long id) {
        ReadingRequest request = taking(reader, id, AuditAction.READ, ReadingStep.Side.CENTRE);
        if (request == null) {
            return Optional.empty();
        }
        boolean own = request.reader() != null && request.reader() == reader.userId();
        boolean shown = request.status().isOpen() || own && request.reportId() != null
                && (request.status() == ReadingStatus.REPORTED || request.status() == ReadingStatus.RETURNED);
        IndexedStudy study = context.studies().find(request.studyUid()).orElse(null);
        if (!shown || study == null) {
            reads.missed(reader, AuditAction.READ, TYPE, Long.toString(id));
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(List.of(study.resourceId()));
        if (request.reportId() != null) {
            ids.add(request.reportId());
        }
        Interaction<List<StoredResource>> read = reads.readDisclosed(reader, disclosureOf(request), ids,
                AuditAction.READ, TYPE);
        if (!read.permitted() || read.value().stream().noneMatch(r -> r.id().equals(study.resourceId()))) {
            return Optional.empty();
        }
        return Optional.of(new Shown(request, study, read.value().stream()
                .filter(r -> r.type().equals(REPORT) && r.id().equals(request.reportId())).findFirst()
                .map(reports::shown)));
    }

    /**
     * A request as its requesting facility's doctor sees it, with the report once there (reading it is the one audited
     * read of the report); empty for anyone else.
     */
    public Optional<Shown> atRequester(Reader reader, long id) {
        ReadingRequest request = taking(reader, id, AuditAction.READ, ReadingStep.Side.REQUESTER);
        if (request == null) {
            return Optional.empty();
        }
        IndexedStudy study = context.studies().find(request.studyUid()).orElse(null);
        if (study == null) {
            reads.missed(reader, AuditAction.READ, TYPE, Long.toString(id));
            return Optional.empty();
        }
        List<String> ids = request.reportId() == null ? List.of(study.resourceId())
                : List.of(study.resourceId(), request.reportId());
        Interaction<List<StoredResource>> read = reads.readPerson(reader, PatientRef.person(request.personId()),
                AuditAction.READ, request.reportId() == null ? TYPE : REPORT, record -> record.contents(ids));
        if (!read.permitted()) {
            return Optional.empty();
        }
        return Optional.of(new Shown(request, study, read.value().stream()
                .filter(r -> r.type().equals(REPORT) && r.id().equals(request.reportId()) && !r.deleted())
                .findFirst().map(reports::shown)));
    }

    /**
     * A step of the centre's doctor or of the requester's: CLAIM, RELEASE, DECLINE ({@code reason} needed) of the
     * centre; CANCEL, ACKNOWLEDGE of the requester. Empty, after one audit row, when the state or the caller does not
     * allow it.
     *
     * @throws ReadingFault no reason for a decline, a read-only standby
     */
    public Optional<ReadingRequest> step(Reader reader, long id, ReadingStep step, String reason) {
        if (step == ReadingStep.REPORT) {
            throw new IllegalArgumentException("a report is entered by report()");
        }
        requireWritable();
        String why = step == ReadingStep.DECLINE ? trimmed(reason, TEXT_LIMIT) : null;
        if (step == ReadingStep.DECLINE && why == null) {
            throw new ReadingFault(ReadingFault.REASON);
        }
        return stepped(reader, id, step, why, null);
    }

    /**
     * The claiming reader's report: a DiagnosticReport entered under the requester's patient, and the request
     * REPORTED, in one interaction. Empty, after one audit row, when the state or the caller does not allow it.
     *
     * @throws ReadingFault no impression, a read-only standby
     */
    public Optional<ReadingRequest> report(Reader reader, long id, ReadingReports.Report report) {
        requireWritable();
        String impression = trimmed(report.impression(), TEXT_LIMIT);
        if (impression == null) {
            throw new ReadingFault(ReadingFault.IMPRESSION);
        }
        String findings = trimmed(report.findings(), TEXT_LIMIT);
        return stepped(reader, id, ReadingStep.REPORT, null, new ReadingReports.Report(findings, impression));
    }

    /** How many reported readings wait for the requester to read and acknowledge (the home page; not audited). */
    public int reportedFor(Reader reader) {
        return reader.facilityId() == null || !context.directory().doctor(reader.userId()) ? 0
                : rows.reportedFor(reader.facilityId(), reader.userId());
    }

    /** The centre's open requests and how many are past due (the home page; not audited). */
    public int[] openAtCentre(Reader reader, Instant now) {
        Long facility = reader.facilityId();
        return facility == null || !rows.isCentre(facility) || !context.directory().doctor(reader.userId())
                ? new int[] {0, 0} : rows.openAt(facility, now);
    }

    private Optional<ReadingRequest> stepped(Reader reader, long id, ReadingStep step, String reason,
                                             ReadingReports.Report report) {
        AuditAction action = step == ReadingStep.REPORT ? AuditAction.CREATE : AuditAction.UPDATE;
        ReadingRequest request = taking(reader, id, action, step.side());
        if (request == null) {
            return Optional.empty();
        }
        String reportId = step == ReadingStep.REPORT ? UUID.randomUUID().toString() : null;
        ReadingItem next;
        IndexedStudy study = context.studies().find(request.studyUid()).orElse(null);
        try {
            next = request.item().step(step, reader.facilityId(), reader.userId(), reportId);
        } catch (ReadingItem.StepRefused refused) {
            next = null;
        }
        if (next == null || study == null) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return Optional.empty();
        }
        Instant now = context.clock().instant();
        ReadingRequest after = request.after(next, reason, now);
        ReadingRequest[] stored = new ReadingRequest[1];
        if (step.side() == ReadingStep.Side.REQUESTER) {
            Interaction<ReadingRequest> done = writes.enter(reader, request.personId(), action, TYPE,
                    PersonView::decision, entry -> {
                        if (entry.contents(List.of(study.resourceId())).isEmpty()) {
                            return null;
                        }
                        return rows.step(after, request.status(), now) ? after : null;
                    });
            return Optional.ofNullable(done.value());
        }
        Interaction<Answered> done = writes.answerDisclosed(reader, disclosureOf(request),
                List.of(study.resourceId()), action, TYPE, read -> {
                    if (!rows.step(after, request.status(), now)) {
                        return List.of();
                    }
                    stored[0] = after;
                    if (step != ReadingStep.REPORT) {
                        return List.of();
                    }
                    String performer = context.directory().userName(reader.userId()) + "（"
                            + context.directory().facilityName(request.centreFacility()) + "）";
                    ResourceWrite written = reports.report(reportId, request, study, report, performer, now);
                    return List.of(written);
                });
        return done.permitted() ? Optional.ofNullable(stored[0]) : Optional.empty();
    }

    /** The id of the disclosure the request was sent to its centre with, which the centre reads and answers it by. */
    private long disclosureOf(ReadingRequest request) {
        return context.disclose().idOf(ReadingContext.requestSource(request.id()));
    }

    /**
     * The request when the reader is a doctor of the side {@code side} of it; otherwise null, after the one audit row
     * of a request not there.
     */
    private ReadingRequest taking(Reader reader, long id, AuditAction action, ReadingStep.Side side) {
        ReadingRequest request = rows.find(id).orElse(null);
        if (request == null || reader.facilityId() == null || !context.directory().doctor(reader.userId())
                || request.item().sideOf(reader.facilityId()).filter(s -> s == side).isEmpty()) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return null;
        }
        return request;
    }

    /**
     * The requests with their studies (the index's kind, date and counts the list names a study by), after the one
     * audit row naming the studies listed.
     */
    private List<Listed> listed(List<ReadingRequest> requests) {
        List<Listed> listed = requests.stream()
                .map(r -> new Listed(r, context.studies().find(r.studyUid()).orElse(null))).toList();
        List<String> ids = listed.stream().map(Listed::study).filter(Objects::nonNull)
                .map(IndexedStudy::resourceId).distinct().toList();
        context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT).on(TYPE, ids.toArray())
                .purpose(Purpose.TREATMENT));
        return listed;
    }

    private void requireWritable() {
        if (context.readOnly().getAsBoolean()) {
            throw new ReadingFault(ReadingFault.STANDBY);
        }
    }

    private static String trimmed(String text, int limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > limit) {
            throw new ReadingFault(ReadingFault.TOO_LONG);
        }
        return stripped;
    }
}
