package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.LIST_LIMIT;
import static org.musubi.imaging.reading.programme.Programmes.TYPE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ReaderPool;
import org.musubi.imaging.reading.programme.Programmes.Line;
import org.musubi.imaging.reading.programme.Programmes.Role;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.read.PersonResource;

/**
 * A screening facility's doctor submits a study to a programme (decided as opening the study is, through the
 * record's write door; two readers assigned) and lists the facility's submitted studies with their final readings.
 */
public final class SubmitForDoubleReading {

    private final ProgrammeEntries entries;

    SubmitForDoubleReading(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /** The programmes a doctor may submit {@code study} to (its kind; never the doctor's own centre). Not audited. */
    public List<Programme> programmesFor(Reader reader, IndexedStudy study) {
        if (study.modality() == null || reader.facilityId() == null || !entries.context().directory().doctor(reader.userId())) {
            return List.of();
        }
        return entries.rows().forModality(study.modality()).stream().filter(p -> !reader.actsFor(p.centreFacility())).toList();
    }

    /**
     * Submits the study {@code studyUid} to programme {@code programmeId}: decided as opening the study is (the policy
     * on its patient, category IMAGING); the facility must hold its own patient of the person; two readers assigned
     * ({@link ReaderPool}, never the submitter). Empty, after one audit row, for a study the doctor may not see or
     * nobody has.
     *
     * @throws ProgrammeFault a programme that does not read the study's kind, a patient not linked, already submitted
     */
    public Optional<ProgrammeStudy> submit(Reader submitter, String studyUid, long programmeId) {
        entries.requireWritable();
        IndexedStudy study = IndexedStudy.isUid(studyUid) ? entries.context().studies().find(studyUid).orElse(null) : null;
        if (study == null || submitter.facilityId() == null || !entries.context().directory().doctor(submitter.userId())) {
            entries.reads().missed(submitter, AuditAction.CREATE, TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-");
            return Optional.empty();
        }
        Programme programme = programmesFor(submitter, study).stream().filter(p -> p.id() == programmeId)
                .findFirst().orElse(null);
        Optional<Long> person = entries.context().directory().personOf(study.sourcePatientId());
        if (person.isEmpty()) {
            Interaction<PersonResource> read = entries.reads().readOfPerson(submitter, TYPE, study.resourceId());
            if (!read.permitted()) {
                return Optional.empty();
            }
            throw new ProgrammeFault(programme == null ? ProgrammeFault.PROGRAMME : ProgrammeFault.NOT_LINKED);
        }
        String[] fault = new String[1];
        Instant now = entries.context().clock().instant();
        Interaction<ProgrammeStudy> done = entries.writes().enter(submitter, person.get(), AuditAction.CREATE, TYPE,
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
                    DoubleReading assigned = ReaderPool.assign(programme.readers(), entries.rows().openLoad(programme.id()),
                            submitter.userId());
                    Optional<ProgrammeStudy> stored = entries.rows().insert(new ProgrammeStudy(0, programme.id(),
                            study.studyUid(), person.get(), own.id(), own.facilityId(), submitter.userId(), assigned,
                            null, null, null, now, null, null, null, null));
                    if (stored.isEmpty()) {
                        fault[0] = ProgrammeFault.ALREADY;
                        return null;
                    }
                    entries.context().disclose(ReadingContext.entrySource(stored.get().id()), person.get(), own.id(),
                            own.facilityId(), programme.centreFacility(), programme.kind().name());
                    return stored.get();
                });
        if (fault[0] != null) {
            throw new ProgrammeFault(fault[0]);
        }
        return Optional.ofNullable(done.value());
    }

    /** The facility's submitted studies with their final readings, newest first: one audit row naming the studies. */
    public List<Line> submitted(Reader reader) {
        if (reader.facilityId() == null || !entries.context().directory().doctor(reader.userId())) {
            entries.listed(AuditAction.SEARCH, List.of(), false);
            return List.of();
        }
        List<Line> lines = entries.rows().submittedBy(reader.facilityId(), LIST_LIMIT).stream()
                .map(e -> new Line(e, entries.rows().programme(e.programmeId()).orElseThrow(), Role.SUBMITTER, entries.studyOf(e)))
                .toList();
        entries.listed(AuditAction.SEARCH, lines, true);
        return lines;
    }
}
