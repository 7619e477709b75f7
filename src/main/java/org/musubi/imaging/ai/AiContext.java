package org.musubi.imaging.ai;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.PatientRef;
import org.musubi.record.Reader;
import org.musubi.imaging.studies.StudyIndex;

/**
 * What the AI parts ask besides their rows: the study index, the audit, the directory (who may ask, whose a study is),
 * whether the node is a read-only standby, and the clock.
 */
public record AiContext(StudyIndex studies, Audit audit, Directory directory, BooleanSupplier readOnly, Clock clock) {

    /** Who the audit names for Musubi's own steps of a work item (queued automatically, sent, failed). */
    public static final Actor SYSTEM = Actor.system("ai");
    /** The type the audit rows of work items name (the study's ImagingStudy). */
    public static final String TYPE = "ImagingStudy";

    /** Who the audit names for what a service did (read pixels, posted findings): {@code system:ai:<name>}. */
    public static Actor service(AiService service) {
        return Actor.system("ai:" + service.name());
    }

    /**
     * The patient a reader names to reach a study's patient: its own patient when the reader acts for the study's
     * facility (through which a linked person is reached), otherwise the linked person (none: the facility's own
     * patient, which another facility reaches as nobody).
     */
    public PatientRef patientOf(Reader reader, IndexedStudy study) {
        if (reader.actsFor(study.facilityId())) {
            return PatientRef.ownPatient(study.sourcePatientId());
        }
        return directory.personOf(study.sourcePatientId()).map(PatientRef::person)
                .orElse(PatientRef.ownPatient(study.sourcePatientId()));
    }

    /** One audit row about the study's patient, naming its ImagingStudy, by {@code actor}. */
    public void audit(AuditAction action, Outcome outcome, IndexedStudy study, String reason, Actor actor) {
        audit.record(AuditEntry.of(action, outcome).on(TYPE, study.resourceId())
                .patient(directory.regionalIdOf(study.sourcePatientId())).purpose(Purpose.TREATMENT).reason(reason)
                .by(actor));
    }

    /** Who may ask, and whose a study is. */
    public interface Directory {

        /** Whether the user is an active doctor or dentist (who asks for an analysis). */
        boolean doctor(long userId);

        /** The regional person a source patient is linked to, if linked. */
        Optional<Long> personOf(long sourcePatientId);

        /** The regional ID of the person a source patient is linked to (for the audit), or null. */
        String regionalIdOf(long sourcePatientId);

        /** The id of the facility's Patient resource of its source patient, if it holds one. */
        Optional<String> patientResource(long facilityId, long sourcePatientId);
    }
}
