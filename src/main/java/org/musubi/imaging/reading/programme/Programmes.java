package org.musubi.imaging.reading.programme;

import org.musubi.policy.Disclosure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ProgrammeStatistics;
import org.musubi.imaging.reading.ReaderPool;
import org.musubi.imaging.reading.ReadingItem;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;

/**
 * The double reading programmes' doors. Operators (network administrators) set programmes up; a screening facility's
 * doctor submits a study (decided as opening the study is, through the record's write door); the programme's readers
 * and comparers see the study and what they may of the readings through the consultation door ({@link
 * ReadRecords#readDisclosed}, {@link WriteRecords#answerDisclosed}: the study's ImagingStudy, nothing else of the record);
 * the final reading is a DiagnosticReport entered under the submitting facility's patient. Every door leaves one audit
 * row; an entry the caller takes no part in, a step its phase or the caller does not allow and an id nobody has all
 * answer empty after one audit row, alike.
 */
public final class Programmes {

    /** The type the audit rows of submissions and readings name (the study's ImagingStudy). */
    public static final String TYPE = "ImagingStudy";
    /** The type the audit rows of programmes name (no patient data). */
    public static final String PROGRAMME = "ReadingProgramme";
    public static final int LIST_LIMIT = 200;
    public static final int TEXT_LIMIT = 4000;

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final ProgrammeRows rows;
    private final ProgrammeReports reports;
    private final ReadingContext context;
    private final BiPredicate<Long, Long> memberOf;

    /** {@code memberOf}: whether a user (first) is an active member of a facility (second). */
    public Programmes(ReadRecords reads, WriteRecords writes, ProgrammeRows rows, ProgrammeReports reports,
                      ReadingContext context, BiPredicate<Long, Long> memberOf) {
        this.reads = reads;
        this.writes = writes;
        this.rows = rows;
        this.reports = reports;
        this.context = context;
        this.memberOf = memberOf;
    }

    /** An entry as a reader, a comparer or the submitter sees it: only the readings the viewer may see. */
    public record Shown(ProgrammeStudy entry, Programme programme, IndexedStudy study, Role role,
                        ScreeningCategory own, ScreeningCategory other, boolean bothShown) {
    }

    /** Who looks at an entry. */
    public enum Role { READER, COMPARER, SUBMITTER }

    /**
     * A line of a worklist or of a facility's submissions, with the study as the index holds it (its kind, date and
     * counts the list names it by; null when the index no longer has it).
     */
    public record Line(ProgrammeStudy entry, Programme programme, Role role, IndexedStudy study) {
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    /**
     * A new programme (network administrators only; one audit row, refusals too). The chief and at least two readers
     * must be active doctors of the centre.
     *
     * @throws ProgrammeFault a name missing, fewer than two readers, a chief or reader not a doctor of the centre
     */
    public Optional<Programme> create(long admin, boolean networkAdmin, String name, Programme.Kind kind,
                                      String modality, long centre, long chief, List<Long> readers) {
        requireWritable();
        if (!networkAdmin) {
            context.audit().record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on(PROGRAMME)
                    .reason(ReadRecords.NOT_FOUND));
            return Optional.empty();
        }
        String named = trimmed(name, 200);
        if (named == null || kind == null || modality == null || !modality.matches("[A-Z]{1,16}")) {
            throw new ProgrammeFault(ProgrammeFault.NAME);
        }
        if (!context.directory().doctor(chief) || !memberOf(chief, centre)) {
            throw new ProgrammeFault(ProgrammeFault.CHIEF);
        }
        List<Long> pool = List.copyOf(new LinkedHashSet<>(readers));
        if (pool.size() < 2 || pool.stream().anyMatch(r -> !context.directory().doctor(r) || !memberOf(r, centre))) {
            throw new ProgrammeFault(ProgrammeFault.READERS);
        }
        Programme made = rows.insert(new Programme(0, named, kind, modality, centre, chief, pool));
        context.audit().record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(PROGRAMME, made.id())
                .reason(named));
        return Optional.of(made);
    }

    public List<Programme> programmes() {
        return rows.programmes();
    }

    /** The programmes a doctor may submit {@code study} to (its kind; never the doctor's own centre). Not audited. */
    public List<Programme> programmesFor(Reader reader, IndexedStudy study) {
        if (study.modality() == null || reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            return List.of();
        }
        return rows.forModality(study.modality()).stream().filter(p -> !reader.actsFor(p.centreFacility())).toList();
    }

    /**
     * A programme's statistics, for network administrators and the programme's chief; empty (one audit row) for
     * anyone else or an id nobody has.
     */
    public Optional<ProgrammeStatistics> statistics(Reader reader, boolean networkAdmin, long programmeId) {
        Optional<Programme> programme = rows.programme(programmeId)
                .filter(p -> networkAdmin || p.chief() == reader.userId());
        if (programme.isEmpty()) {
            context.audit().record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on(PROGRAMME, programmeId)
                    .reason(ReadRecords.NOT_FOUND));
            return Optional.empty();
        }
        ProgrammeStatistics figures = ProgrammeStatistics.of(rows.ofProgramme(programmeId).stream()
                .map(ProgrammeStudy::timed).toList());
        context.audit().record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(PROGRAMME, programmeId)
                .reason("statistics: " + figures.studies() + " studies"));
        return Optional.of(figures);
    }

    public Optional<Programme> programme(long id) {
        return rows.programme(id);
    }

    // ---- the submitting facility --------------------------------------------------------------------------------

    /**
     * Submits the study {@code studyUid} to programme {@code programmeId}: decided as opening the study is (the policy
     * on its patient, category IMAGING); the facility must hold its own patient of the person; two readers assigned
     * ({@link ReaderPool}, never the submitter). Empty, after one audit row, for a study the doctor may not see or
     * nobody has.
     *
     * @throws ProgrammeFault a programme that does not read the study's kind, a patient not linked, already submitted
     */
    public Optional<ProgrammeStudy> submit(Reader submitter, String studyUid, long programmeId) {
        requireWritable();
        IndexedStudy study = IndexedStudy.isUid(studyUid) ? context.studies().find(studyUid).orElse(null) : null;
        if (study == null || submitter.facilityId() == null || !context.directory().doctor(submitter.userId())) {
            reads.missed(submitter, AuditAction.CREATE, TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-");
            return Optional.empty();
        }
        Programme programme = programmesFor(submitter, study).stream().filter(p -> p.id() == programmeId)
                .findFirst().orElse(null);
        Optional<Long> person = context.directory().personOf(study.sourcePatientId());
        if (person.isEmpty()) {
            Interaction<ReadRecords.PersonResource> read = reads.readOfPerson(submitter, TYPE, study.resourceId());
            if (!read.permitted()) {
                return Optional.empty();
            }
            throw new ProgrammeFault(programme == null ? ProgrammeFault.PROGRAMME : ProgrammeFault.NOT_LINKED);
        }
        String[] fault = new String[1];
        Instant now = context.clock().instant();
        Interaction<ProgrammeStudy> done = writes.enter(submitter, person.get(), AuditAction.CREATE, TYPE,
                PersonView::decision, entry -> {
                    List<StoredResource> seen = entry.contents(List.of(study.resourceId()));
                    if (seen.isEmpty() || seen.getFirst().deleted()
                            || seen.getFirst().patientKey() != study.sourcePatientId()) {
                        return null;
                    }
                    if (programme == null) {
                        fault[0] = ProgrammeFault.PROGRAMME;
                        return null;
                    }
                    SourcePatient own = entry.view().sources().stream()
                            .filter(s -> submitter.actsFor(s.facilityId())).findFirst().orElse(null);
                    if (own == null) {
                        fault[0] = ProgrammeFault.NOT_OUR_PATIENT;
                        return null;
                    }
                    DoubleReading assigned = ReaderPool.assign(programme.readers(), rows.openLoad(programme.id()),
                            submitter.userId());
                    Optional<ProgrammeStudy> stored = rows.insert(new ProgrammeStudy(0, programme.id(),
                            study.studyUid(), person.get(), own.id(), own.facilityId(), submitter.userId(), assigned,
                            null, null, null, now, null, null, null, null));
                    if (stored.isEmpty()) {
                        fault[0] = ProgrammeFault.ALREADY;
                    }
                    return stored.orElse(null);
                });
        if (fault[0] != null) {
            throw new ProgrammeFault(fault[0]);
        }
        return Optional.ofNullable(done.value());
    }

    /** The facility's submitted studies with their final readings, newest first: one audit row naming the studies. */
    public List<Line> submitted(Reader reader) {
        if (reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            listed(AuditAction.SEARCH, List.of(), false);
            return List.of();
        }
        List<Line> lines = rows.submittedBy(reader.facilityId(), LIST_LIMIT).stream()
                .map(e -> new Line(e, rows.programme(e.programmeId()).orElseThrow(), Role.SUBMITTER, studyOf(e)))
                .toList();
        listed(AuditAction.SEARCH, lines, true);
        return lines;
    }

    // ---- readers and comparers ----------------------------------------------------------------------------------

    /**
     * The reader's worklist: studies waiting for the reader's reading, and studies at their comparison step the reader
     * may compare. One audit row naming the studies; empty for a user who reads in no programme.
     */
    public List<Line> worklist(Reader reader) {
        List<Programme> mine = readsIn(reader);
        if (mine.isEmpty()) {
            listed(AuditAction.SEARCH, List.of(), false);
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (ProgrammeStudy entry : rows.open(mine.stream().map(Programme::id).toList(), LIST_LIMIT)) {
            Programme programme = mine.stream().filter(p -> p.id() == entry.programmeId()).findFirst().orElseThrow();
            role(reader, programme, entry).ifPresent(role -> lines.add(new Line(entry, programme, role,
                    studyOf(entry))));
        }
        listed(AuditAction.SEARCH, lines, true);
        return lines;
    }

    /** How many studies wait for the reader (the home page; not audited). */
    public int waitingFor(Reader reader) {
        List<Programme> mine = readsIn(reader);
        if (mine.isEmpty()) {
            return 0;
        }
        return (int) rows.open(mine.stream().map(Programme::id).toList(), LIST_LIMIT).stream()
                .filter(e -> mine.stream().filter(p -> p.id() == e.programmeId()).findFirst()
                        .flatMap(p -> role(reader, p, e)).isPresent()).count();
    }

    /**
     * An entry as its reader (before the comparison: the reader's own reading only — blind) or comparer (both readings)
     * sees it, through the consultation door; empty for anyone else.
     */
    public Optional<Shown> item(Reader reader, long id) {
        Taken taken = taking(reader, id, AuditAction.READ);
        if (taken == null) {
            return Optional.empty();
        }
        Interaction<List<StoredResource>> read = reads.readDisclosed(reader, disclosure(taken),
                List.of(taken.study().resourceId()), AuditAction.READ, TYPE);
        if (!read.permitted() || read.value().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(shown(reader, taken));
    }

    /**
     * The reader's reading, once: before the comparison step, never seeing the other's. Empty, after one audit row,
     * when the reader is not one of the two, has read already, or the study is past reading.
     */
    public Optional<ProgrammeStudy> read(Reader reader, long id, ScreeningCategory category, String comment) {
        requireWritable();
        if (category == null) {
            throw new ProgrammeFault(ProgrammeFault.CATEGORY);
        }
        String said = trimmed(comment, TEXT_LIMIT);
        return stepped(reader, id, taken -> {
            if (taken.role() != Role.READER) {
                return null;
            }
            DoubleReading next = taken.entry().reading().submit(reader.userId(), category);
            Instant now = context.clock().instant();
            boolean first = reader.userId() == next.first();
            ProgrammeStudy e = taken.entry();
            return new ProgrammeStudy(e.id(), e.programmeId(), e.studyUid(), e.personId(), e.submitterPatientId(),
                    e.submitterFacility(), e.submitterUser(), next, first ? said : e.firstComment(),
                    first ? e.secondComment() : said, null, e.submittedAt(), first ? now : e.firstAt(),
                    first ? e.secondAt() : now, null, null);
        }, null);
    }

    /**
     * The comparison: the final reading by the chief or a third reader of the pool, entered as a DiagnosticReport
     * under the submitting facility's patient. Empty, after one audit row, when not at the comparison step or the
     * caller may not compare.
     */
    public Optional<ProgrammeStudy> compare(Reader reader, long id, ScreeningCategory category, String comment) {
        requireWritable();
        if (category == null) {
            throw new ProgrammeFault(ProgrammeFault.CATEGORY);
        }
        String said = trimmed(comment, TEXT_LIMIT);
        String reportId = UUID.randomUUID().toString();
        Instant now = context.clock().instant();
        return stepped(reader, id, taken -> {
            if (taken.role() != Role.COMPARER) {
                return null;
            }
            DoubleReading next = taken.entry().reading().compare(reader.userId(), category);
            ProgrammeStudy e = taken.entry();
            return new ProgrammeStudy(e.id(), e.programmeId(), e.studyUid(), e.personId(), e.submitterPatientId(),
                    e.submitterFacility(), e.submitterUser(), next, e.firstComment(), e.secondComment(), said,
                    e.submittedAt(), e.firstAt(), e.secondAt(), now, reportId);
        }, (taken, after) -> reports.report(reportId, taken.programme(), after, taken.study(), category, said,
                context.directory().userName(reader.userId()) + "（"
                        + context.directory().facilityName(taken.programme().centreFacility()) + "）",
                taken.entry().reading().agree() && category == taken.entry().reading().firstReading(), now));
    }

    // ---- the parts ----------------------------------------------------------------------------------------------

    private record Taken(ProgrammeStudy entry, Programme programme, IndexedStudy study, Role role) {
    }

    private interface Step {
        ProgrammeStudy after(Taken taken);
    }

    private interface Report {
        ResourceWrite of(Taken taken, ProgrammeStudy after);
    }

    private Optional<ProgrammeStudy> stepped(Reader reader, long id, Step step, Report report) {
        AuditAction action = report == null ? AuditAction.UPDATE : AuditAction.CREATE;
        Taken taken = taking(reader, id, action);
        if (taken == null) {
            return Optional.empty();
        }
        ProgrammeStudy after;
        try {
            after = step.after(taken);
        } catch (ReadingItem.StepRefused refused) {
            after = null;
        }
        if (after == null) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return Optional.empty();
        }
        ProgrammeStudy next = after;
        ProgrammeStudy[] stored = new ProgrammeStudy[1];
        Instant now = context.clock().instant();
        Interaction<WriteRecords.Answered> done = writes.answerDisclosed(reader, disclosure(taken),
                List.of(taken.study().resourceId()), action, TYPE, read -> {
                    if (!rows.step(taken.entry(), next, now)) {
                        return List.of();
                    }
                    stored[0] = next;
                    return report == null ? List.of() : List.of(report.of(taken, next));
                });
        return done.permitted() ? Optional.ofNullable(stored[0]) : Optional.empty();
    }

    /** The entry's study as sent to the programme's reading centre. */
    private static Disclosure disclosure(Taken taken) {
        return Disclosure.reading(taken.entry().personId(), taken.entry().submitterPatientId(),
                taken.programme().centreFacility());
    }

    /** The entry when the reader takes part in it now (its role); otherwise null after one audit row. */
    private Taken taking(Reader reader, long id, AuditAction action) {
        ProgrammeStudy entry = rows.find(id).orElse(null);
        Programme programme = entry == null ? null : rows.programme(entry.programmeId()).orElse(null);
        IndexedStudy study = entry == null ? null : context.studies().find(entry.studyUid()).orElse(null);
        Optional<Role> role = programme == null || study == null || !context.directory().doctor(reader.userId())
                || !reader.actsFor(programme.centreFacility()) ? Optional.empty() : role(reader, programme, entry);
        if (role.isEmpty()) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return null;
        }
        return new Taken(entry, programme, study, role.get());
    }

    /** The reader's part in an entry now: a reader who has not read, or a comparer at the comparison step. */
    private static Optional<Role> role(Reader reader, Programme programme, ProgrammeStudy entry) {
        if (entry.waitsFor(reader.userId())) {
            return Optional.of(Role.READER);
        }
        if (entry.reading().phase() == DoubleReading.Phase.COMPARISON && programme.mayCompare(reader.userId(), entry)) {
            return Optional.of(Role.COMPARER);
        }
        return Optional.empty();
    }

    private Shown shown(Reader reader, Taken taken) {
        DoubleReading reading = taken.entry().reading();
        if (taken.role() == Role.COMPARER) {
            return new Shown(taken.entry(), taken.programme(), taken.study(), Role.COMPARER, reading.firstReading(),
                    reading.secondReading(), true);
        }
        ScreeningCategory own = reader.userId() == reading.first() ? reading.firstReading() : reading.secondReading();
        return new Shown(taken.entry(), taken.programme(), taken.study(), Role.READER, own,
                reading.othersReading(reader.userId()).orElse(null), false);
    }

    /** The programmes whose centre the reader acts for and where the reader is in the pool or the chief. */
    private List<Programme> readsIn(Reader reader) {
        if (reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            return List.of();
        }
        return rows.ofCentre(reader.facilityId()).stream()
                .filter(p -> p.chief() == reader.userId() || p.readers().contains(reader.userId())).toList();
    }

    private boolean memberOf(long user, long facility) {
        return memberOf.test(user, facility);
    }

    private IndexedStudy studyOf(ProgrammeStudy entry) {
        return context.studies().find(entry.studyUid()).orElse(null);
    }

    private void listed(AuditAction action, List<Line> lines, boolean permitted) {
        List<String> ids = lines.stream().map(Line::study).filter(Objects::nonNull)
                .map(IndexedStudy::resourceId).distinct().toList();
        context.audit().record(AuditEntry.of(action, permitted ? Outcome.PERMIT : Outcome.DENY)
                .on(TYPE, ids.toArray()).purpose(Purpose.TREATMENT)
                .reason(permitted ? "double reading" : ReadRecords.NOT_FOUND));
    }

    private void requireWritable() {
        if (context.readOnly().getAsBoolean()) {
            throw new ProgrammeFault(ProgrammeFault.STANDBY);
        }
    }

    private static String trimmed(String text, int limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > limit) {
            throw new ProgrammeFault(ProgrammeFault.TOO_LONG);
        }
        return stripped;
    }
}
