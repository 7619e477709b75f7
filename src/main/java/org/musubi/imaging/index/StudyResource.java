package org.musubi.imaging.index;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.record.Located;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceWrite;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.MedicalInstitutionCode;

/**
 * A study as the ImagingStudy Musubi stores for it (JP Core's {@code JP_ImagingStudy_Radiology}, or {@code
 * _Endoscopy} for an endoscopy study): the StudyInstanceUID as {@code urn:dicom:uid} / {@code urn:oid:<UID>} (as JP
 * Core's examples and the HL7 order import write it), the accession number (type ACSN, in the facility's accession
 * system the order import uses), status available, started, the modalities, the counts and each series with its
 * modality, number and instance count; the subject is the facility's own Patient resource of the source patient.
 * Which stored ImagingStudy it becomes ({@link #existing}): the index's, else the facility's own made from its order
 * message for the same patient — found by StudyInstanceUID, then by accession number —, else a new one.
 */
public final class StudyResource {

    static final String DICOM_UID = "urn:dicom:uid";
    /** The source key a study's ImagingStudy is first stored under: a study written twice is one resource. */
    static final String SOURCE_KEY = "imaging-study:";

    private final ResourceEncoder encoder;
    private final ResourceLookup lookup;
    private final Facilities facilities;

    public StudyResource(ResourceEncoder encoder, ResourceLookup lookup, Facilities facilities) {
        this.encoder = encoder;
        this.lookup = lookup;
        this.facilities = facilities;
    }

    /** The id of the facility's live ImagingStudy of this study under this patient, if one is stored. */
    Optional<String> existing(ArchivedStudy study, Matched patient) {
        Optional<Located> byUid = lookup.locateByIdentifier("ImagingStudy", patient.facilityId(), DICOM_UID,
                "urn:oid:" + study.studyUid());
        Optional<Located> found = byUid.isPresent() || study.accession() == null ? byUid
                : accessionSystem(patient.facilityId()).flatMap(system -> lookup.locateByIdentifier("ImagingStudy",
                        patient.facilityId(), system, study.accession()));
        return found.filter(l -> !l.deleted() && l.patientKey() == patient.sourcePatientId()).map(Located::id);
    }

    /** The write of the study's ImagingStudy under id {@code id} (null: new, or the one stored under its source key). */
    ResourceWrite write(ArchivedStudy study, Matched patient, String id) {
        ImagingStudy resource = resource(study, patient);
        return encoder.incoming(resource, null, (type, attachedId) -> Set.of())
                .under(patient.sourcePatientId(), id, id == null ? SOURCE_KEY + study.studyUid() : null, patient.facilityId());
    }

    ImagingStudy resource(ArchivedStudy study, Matched patient) {
        ImagingStudy resource = new ImagingStudy();
        boolean endoscopy = study.series().stream().anyMatch(s -> "ES".equals(s.modality()));
        resource.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE
                + (endoscopy ? "JP_ImagingStudy_Endoscopy" : "JP_ImagingStudy_Radiology"));
        resource.addIdentifier().setSystem(DICOM_UID).setValue("urn:oid:" + study.studyUid());
        if (study.accession() != null) {
            Identifier accession = resource.addIdentifier().setValue(study.accession()).setType(new CodeableConcept()
                    .addCoding(new Coding(FhirSystems.IDENTIFIER_TYPE, "ACSN", "Accession ID")));
            accessionSystem(patient.facilityId()).ifPresent(accession::setSystem);
        }
        resource.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        String patientResource = lookup.patientIds(patient.facilityId(), List.of(patient.sourcePatientId()))
                .get(patient.sourcePatientId());
        Reference subject = patientResource != null ? new Reference("Patient/" + patientResource)
                : new Reference().setIdentifier(new Identifier().setValue(study.patientId()));
        resource.setSubject(subject);
        if (study.started() != null) {
            resource.setStartedElement(new DateTimeType(Date.from(study.started()), TemporalPrecisionEnum.SECOND,
                    TimeZone.getTimeZone(FhirJson.JAPAN)));
        }
        Set<String> modalities = new LinkedHashSet<>();
        for (ArchivedStudy.Series s : study.series()) {
            ImagingStudy.ImagingStudySeriesComponent series = resource.addSeries().setUid(s.uid())
                    .setNumberOfInstances(s.instances());
            if (s.number() != null) {
                series.setNumber(s.number());
            }
            if (s.modality() != null) {
                series.setModality(new Coding(FhirSystems.DICOM, s.modality(), null));
                modalities.add(s.modality());
            }
            if (s.description() != null) {
                series.setDescription(s.description());
            }
        }
        modalities.forEach(m -> resource.addModality(new Coding(FhirSystems.DICOM, m, null)));
        resource.setNumberOfSeries(study.series().size()).setNumberOfInstances(study.instanceCount());
        if (study.description() != null) {
            resource.setDescription(study.description());
        }
        return resource;
    }

    /** The facility's accession-number system, as the HL7 order import writes it; empty without an institution code. */
    private Optional<String> accessionSystem(long facilityId) {
        return facilities.find(facilityId).flatMap(Facility::medicalInstitutionCode).map(MedicalInstitutionCode::value)
                .map(code -> FhirSystems.ACCESSION_NUMBER + code);
    }
}
