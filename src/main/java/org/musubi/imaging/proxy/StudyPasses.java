package org.musubi.imaging.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.musubi.audit.AuditAction;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.identity.SourcePatient;
import org.musubi.record.read.PersonResource;

/**
 * Opening a study for viewing: the one audited read of its ImagingStudy (by the record's door, so the policy decides on
 * the study's patient and category IMAGING and leaves exactly one audit row), giving a {@link StudyPass}; and the check
 * of a pass on each later request (same user, at most {@link #PASS} old, the policy still permitting the person's
 * imaging from that facility), which writes no audit row. The policy and the index are asked again when a write
 * narrowed anyone's access since this pass was last found valid ({@code ChangeVersions.ACCESS_NARROWED}, which every
 * request learns with its one read of its user: a withdrawn consent, an ended link or block, an ended care-team
 * membership stop the frames at the next request, on every node), and otherwise at most every {@link #RECHECK} per
 * pass and reader (remembered in this node's memory for the last {@value #CHECKS_KEPT} passes): what ends by time or
 * elsewhere (a grant closed, an emergency access expired, a source patient unlinked) stops the frames within that
 * interval.
 */
public class StudyPasses {

    /** How long a viewer may fetch a study's frames with the pass its opening gave. */
    public static final Duration PASS = Duration.ofMinutes(30);
    /** How long a pass found valid is trusted without asking the index and the policy again. */
    public static final Duration RECHECK = Duration.ofSeconds(5);
    static final int CHECKS_KEPT = 4096;
    static final String TYPE = "ImagingStudy";

    private final StudyIndex index;
    private final ReadRecords records;
    private final PersonAccess access;
    private final List<StudyGrants> grants;
    private final Clock clock;
    /** The version of the writes that narrow access now ({@code ChangeVersions.ACCESS_NARROWED}). */
    private final LongSupplier narrowed;
    /** When each pass was last found valid for a reader acting for a facility (bounded, least recently used out). */
    private final Map<Checked, Valid> checked = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Checked, Valid> eldest) {
                    return size() > CHECKS_KEPT;
                }
            });

    private record Checked(StudyPass pass, Long facilityId, Long onlyPerson) {
    }

    /** A pass found valid at {@code at}, when the narrowing writes' version was {@code narrowed}. */
    private record Valid(Instant at, long narrowed) {
    }

    public StudyPasses(StudyIndex index, ReadRecords records, PersonAccess access, List<StudyGrants> grants,
                       LongSupplier narrowed) {
        this(index, records, access, grants, narrowed, Clock.systemUTC());
    }

    StudyPasses(StudyIndex index, ReadRecords records, PersonAccess access, List<StudyGrants> grants,
                LongSupplier narrowed, Clock clock) {
        this.index = index;
        this.records = records;
        this.access = access;
        this.grants = List.copyOf(grants);
        this.narrowed = narrowed;
        this.clock = clock;
    }

    /** A study opened: its pass, the study, and the patient's other studies the reader may see (newest first). */
    public record Opened(StudyPass pass, IndexedStudy study, List<IndexedStudy> studies) {
    }

    /**
     * Opens a study: one audit row, a permit naming the study's ImagingStudy, or a refusal — also for an ill-formed
     * or unknown UID, so that a miss and a refusal leave the same trace and answer alike (empty).
     */
    public Optional<Opened> open(Reader reader, String studyUid) {
        Optional<IndexedStudy> found = IndexedStudy.isUid(studyUid) ? index.find(studyUid) : Optional.empty();
        if (found.isEmpty()) {
            records.missed(reader, AuditAction.READ, TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-");
            return Optional.empty();
        }
        IndexedStudy study = found.get();
        Optional<StudyGrants.StudyGrant> grant = grantOf(reader, study);
        if (grant.isPresent()) {
            return openGranted(reader, study, grant.get());
        }
        Interaction<PersonResource> read = records.readOfPerson(reader, TYPE, study.resourceId());
        if (!read.permitted() || read.value() == null || read.value().resource().deleted()
                || read.value().resource().patientKey() != study.sourcePatientId()) {
            return Optional.empty();
        }
        PersonView view = read.value().view();
        Long person = view == null ? null : view.opened().map(p -> p.id()).orElse(null);
        List<IndexedStudy> studies = view == null ? List.of(study)
                : index.ofSourcePatients(view.sources().stream().map(SourcePatient::id).toList()).stream()
                        .filter(s -> view.sees(new DataItem(s.facilityId(), DataCategory.IMAGING))).toList();
        return Optional.of(new Opened(new StudyPass(study.studyUid(), reader.userId(), person, study.facilityId(),
                clock.instant(), false), study, studies));
    }

    /**
     * Opens a study the reader's facility was asked about: one audit row by the consultation door, which shows the
     * study's ImagingStudy and nothing else of the record; the pass then holds only while the grant stays open.
     */
    private Optional<Opened> openGranted(Reader reader, IndexedStudy study, StudyGrants.StudyGrant grant) {
        Interaction<List<StoredResource>> read = records.readDisclosed(reader, grant.disclosureId(),
                List.of(study.resourceId()), AuditAction.READ, TYPE);
        if (!read.permitted() || read.value() == null || read.value().isEmpty()
                || read.value().getFirst().patientKey() != study.sourcePatientId()) {
            return Optional.empty();
        }
        return Optional.of(new Opened(new StudyPass(study.studyUid(), reader.userId(), grant.personId(),
                study.facilityId(), clock.instant(), true), study, List.of(study)));
    }

    private Optional<StudyGrants.StudyGrant> grantOf(Reader reader, IndexedStudy study) {
        return grants.stream().map(g -> g.granted(reader, study)).flatMap(Optional::stream).findFirst();
    }

    /**
     * Whether {@code pass} still lets {@code reader} read its study now (no audit row: its opening was audited). The
     * index and the policy are asked when a write narrowed access since this reader's pass was last found valid, or
     * when that was more than {@link #RECHECK} ago.
     */
    public boolean valid(Reader reader, StudyPass pass) {
        Instant now = clock.instant();
        if (pass == null || pass.user() != reader.userId() || pass.at().plus(PASS).isBefore(now)) {
            return false;
        }
        Checked key = new Checked(pass, reader.facilityId(), reader.onlyPerson());
        long version = narrowed.getAsLong(); // before deciding: a narrowing committed meanwhile is seen next time
        Valid last = checked.get(key);
        if (last != null && last.narrowed() == version && !last.at().plus(RECHECK).isBefore(now)
                && !now.isBefore(last.at())) {
            return true;
        }
        if (!validNow(reader, pass)) {
            checked.remove(key);
            return false;
        }
        checked.put(key, new Valid(now, version));
        return true;
    }

    private boolean validNow(Reader reader, StudyPass pass) {
        Optional<IndexedStudy> study = index.find(pass.studyUid()).filter(s -> s.facilityId() == pass.facilityId());
        if (study.isEmpty()) {
            return false;
        }
        if (pass.granted()) {
            return grantOf(reader, study.get())
                    .filter(g -> g.personId() == pass.personId() && reader.actsFor(g.addresseeFacilityId()))
                    .isPresent();
        }
        if (pass.personId() == null) {
            return reader.actsFor(pass.facilityId());
        }
        PersonView now = access.glance(reader.userId(), pass.personId());
        long patient = study.get().sourcePatientId();
        return now.permitted() && now.sees(new DataItem(pass.facilityId(), DataCategory.IMAGING))
                && now.sources().stream().anyMatch(source -> source.id() == patient); // still this person's study
    }
}
