package org.musubi.imaging.index;

import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.systems.DeclaredSystems;

/**
 * Whose study it is: PatientID + IssuerOfPatientID → the sending facility's source patient, as the FHIR API knows a
 * facility's patient IDs. The issuer names the facility: its built-in patient-ID system ({@code
 * urn:oid:1.2.392.100495.20.3.51.1} + its medical-institution code; also taken as the bare OID DICOM usually carries)
 * — the PatientID is then its local patient ID —, or a system it declared ({@code Facility.identifierSystems}) — the
 * PatientID is an identifier recorded in that system. A study without an issuer belongs to the facility whose sending
 * AE title the operators entered ({@code imaging_sender}), or, sent through STOW-RS, to the calling facility. A study
 * whose own name, sex or birth date contradicts the patient its id points to waits for an operator
 * ({@link StudyDemographics}). A study Musubi indexed before keeps the patient it was indexed under (an operator's
 * assignment stays).
 */
public final class StudyPatients {

    /** Why a study waits (message keys {@code imaging.waiting.reason.*}). */
    public enum Reason { NO_PATIENT_ID, UNKNOWN_ISSUER, UNKNOWN_SENDER, UNKNOWN_PATIENT, CONTRADICTS_PATIENT }

    /** A study's patient, or why none was found (with the facility when that much was known). */
    public record Found(Matched patient, Reason reason, Long facilityId) {

        static Found of(Matched patient) {
            return new Found(patient, null, patient.facilityId());
        }

        static Found not(Reason reason, Long facilityId) {
            return new Found(null, reason, facilityId);
        }
    }

    private final IdentityStore identities;
    private final Facilities facilities;
    private final DeclaredSystems declared;
    private final StudyIndex index;
    private final IndexState state;

    public StudyPatients(IdentityStore identities, Facilities facilities, DeclaredSystems declared, StudyIndex index,
                         IndexState state) {
        this.identities = identities;
        this.facilities = facilities;
        this.declared = declared;
        this.index = index;
        this.state = state;
    }

    /** The study's patient as it came from the archive (C-STORE or Orthanc's own REST). */
    public Found of(ArchivedStudy study) {
        Optional<Matched> before = indexed(study.studyUid());
        if (before.isPresent()) {
            return Found.of(before.get());
        }
        if (study.issuer() == null) {
            Optional<Long> sender = study.remoteAet() == null ? Optional.empty() : state.senderFacility(study.remoteAet());
            if (sender.isEmpty()) {
                return Found.not(Reason.UNKNOWN_SENDER, null);
            }
            return patient(sender.get(), SourceIdentifier.local(study.patientId()), study.patientId(), study.said());
        }
        return byIssuer(study.issuer(), study.patientId(), study.said());
    }

    /** The patient a study was indexed under, if Musubi indexed it. */
    public Optional<Matched> indexed(String studyUid) {
        return index.find(studyUid).map(s -> new Matched(s.sourcePatientId(), s.facilityId()));
    }

    /**
     * The patient of an instance a facility sends through STOW-RS: its issuer must name the calling facility (or be
     * absent: the facility's own patient ID); empty otherwise, exactly as for a patient that is not there.
     */
    public Optional<Matched> ofCaller(long callerFacility, String patientId, String issuer) {
        return Optional.ofNullable(ofCaller(callerFacility, patientId, issuer, StudyDemographics.NONE).patient());
    }

    /**
     * As {@link #ofCaller(long, String, String)}, also saying when the instance's own demographics ({@code said})
     * contradict the caller's patient its id names ({@link Reason#CONTRADICTS_PATIENT}); a patient of another
     * facility is {@link Reason#UNKNOWN_PATIENT}, as one that does not exist.
     */
    public Found ofCaller(long callerFacility, String patientId, String issuer, StudyDemographics said) {
        Found found = issuer == null || issuer.isBlank()
                ? patient(callerFacility, SourceIdentifier.local(patientId == null ? "" : patientId.strip()), patientId,
                said)
                : byIssuer(issuer.strip(), patientId, said);
        if (found.facilityId() == null || found.facilityId() != callerFacility) {
            return Found.not(Reason.UNKNOWN_PATIENT, callerFacility);
        }
        return found;
    }

    private Found byIssuer(String issuer, String patientId, StudyDemographics said) {
        String system = issuer.matches("[0-9]+(\\.[0-9]+)*") ? "urn:oid:" + issuer : issuer;
        String root = FhirSystems.PATIENT_ID_ROOT;
        if (system.startsWith(root) && system.length() == root.length() + 10) {
            Optional<Facility> facility = facilities.findByCode(system.substring(root.length()));
            return facility.map(f -> patient(f.id(), SourceIdentifier.local(patientId), patientId, said))
                    .orElse(Found.not(Reason.UNKNOWN_ISSUER, null));
        }
        for (String candidate : List.of(system, issuer)) {
            Optional<Facility> facility = declared.facilityOf(candidate);
            if (facility.isPresent()) {
                return patient(facility.get().id(), new SourceIdentifier(candidate, patientId == null ? "" : patientId),
                        patientId, said);
            }
        }
        return Found.not(Reason.UNKNOWN_ISSUER, null);
    }

    private Found patient(long facilityId, SourceIdentifier identifier, String patientId, StudyDemographics said) {
        if (patientId == null || patientId.isBlank()) {
            return Found.not(Reason.NO_PATIENT_ID, facilityId);
        }
        SourcePatient patient = identities.named(facilityId, List.of(identifier)).get(identifier);
        if (patient == null) {
            return Found.not(Reason.UNKNOWN_PATIENT, facilityId);
        }
        if (!said.contradictions(patient).isEmpty()) {
            return Found.not(Reason.CONTRADICTS_PATIENT, facilityId);
        }
        return Found.of(new Matched(patient.id(), facilityId));
    }
}
