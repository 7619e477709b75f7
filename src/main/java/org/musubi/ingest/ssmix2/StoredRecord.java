package org.musubi.ingest.ssmix2;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.ssmix2.naming.ConditionFlag;
import org.musubi.ingest.ssmix2.naming.Ssmix2FileName;
import org.musubi.ingest.ssmix2.naming.Ssmix2Path;
import org.musubi.record.fhir.FhirSystems;

/**
 * The record one stored file is a version of, while it is read: its place and name, the facility, the
 * warnings so far, and how each outcome is written (a record key, the 発生日時 as version).
 */
final class StoredRecord {

    private final Ssmix2Path path;
    private final Location where;
    private final MappingContext facility;
    private final List<Problem> warnings = new ArrayList<>();
    private String fingerprint;

    StoredRecord(Ssmix2Path path, Location where, MappingContext facility) {
        this.path = path;
        this.where = where;
        this.facility = facility;
        path.deviations().forEach(deviation -> warn(Ssmix2Problems.at(where, deviation)));
    }

    Ssmix2Path path() {
        return path;
    }

    Ssmix2FileName name() {
        return path.name();
    }

    Location where() {
        return where;
    }

    MappingContext facility() {
        return facility;
    }

    boolean deleted() {
        return path.name().condition() == ConditionFlag.DELETED;
    }

    void warn(Problem problem) {
        warnings.add(problem);
    }

    /**
     * The fingerprint of an extended-storage content folder as read (its main document and attachments: {@link
     * Attachments}): the record's version is then {@code <発生日時>#<fingerprint>}, so that the folder changed in place
     * under the same 発生日時 is a new version, and read again unchanged is the same ({@code RecordState#supersedes}).
     */
    void fingerprint(String folderFingerprint) {
        this.fingerprint = folderFingerprint;
    }

    /** The 発生日時, with the content folder's fingerprint when there is one. */
    String version() {
        return fingerprint == null ? name().timestamp() : name().timestamp() + "#" + fingerprint;
    }

    ParseResult.Parsed parsed(ParseResult.Action action, PatientIdentity patient, Patient resource, boolean authoritative,
                              List<MappedResource> resources) {
        return new ParseResult.Parsed(where, name().recordKey(), version(), action, patient, resource,
                authoritative, resources, warnings);
    }

    /** {@code parsed}, a result of this record, with {@code more} resources, the warnings given since and its version now. */
    ParseResult.Parsed adding(ParseResult.Parsed parsed, List<MappedResource> more) {
        List<MappedResource> resources = new ArrayList<>(parsed.resources());
        resources.addAll(more);
        return new ParseResult.Parsed(parsed.where(), parsed.recordKey(), version(), parsed.action(), parsed.patient(),
                parsed.patientResource(), parsed.authoritative(), resources, warnings, parsed.directory());
    }

    /** Content that cannot be used: rejected, except in a deleted record, which is deleted by its name alone. */
    ParseResult unusable(Problem problem, String raw) {
        if (!deleted()) {
            return new ParseResult.Rejected(problem, raw);
        }
        warn(problem);
        return deletedByName();
    }

    ParseResult.Parsed deletedByName() {
        return parsed(ParseResult.Action.DELETE, identityByName(), patientByName(), false, List.of());
    }

    /** The patient as the name alone tells: the storage's patient ID. */
    PatientIdentity identityByName() {
        return new PatientIdentity(name().patientId(), null, null, null, null, null, null, null, null, null);
    }

    Patient patientByName() {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(facility.patientIdSystem()).setValue(name().patientId());
        return patient;
    }
}
