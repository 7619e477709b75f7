package org.musubi.imaging.reading.remote;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Set;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Studies and reading centres for the remote reading tests: a hospital's patient (linked with the card and consenting
 * to share for treatment), an ImagingStudy the hospital wrote through its FHIR API and the study's row in the index —
 * without pixels (the doors read the record and the index, never the archive); and a facility registered as a reading
 * centre for some kinds (the operators' {@code reading_service} rows).
 */
public final class ReadingFixtures {

    private ReadingFixtures() {
    }

    /** A study of a hospital's patient. */
    public record Study(String uid, String resourceId, long sourcePatientId, long personId, String localId) {
    }

    /** Registers {@code centre} as a reading centre of these kinds. */
    public static void centre(JdbcClient jdbc, Facility centre, String... modalities) {
        for (String modality : modalities) {
            jdbc.sql("INSERT INTO reading_service (facility_id, modality) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(centre.id(), modality).update();
        }
    }

    /** A study of kind {@code modality} of a new patient of {@code hospital}, linked and consenting. */
    public static Study study(FhirClients clients, int port, IdentityStore identities, StudyIndex index,
                              Consents consents, long admin, Facility hospital, String modality) {
        String localId = FhirRecords.localId();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String patient = FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        String uid = DicomStudies.uid();
        ImagingStudy study = new ImagingStudy().setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE)
                .setSubject(new Reference("Patient/" + patient));
        study.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + uid);
        study.setNumberOfSeries(1).setNumberOfInstances(1);
        String id = FhirRecords.create(fhir, study);
        long source = identities.sourcePatient(hospital.id(), localId).orElseThrow().id();
        index.put(new IndexedStudy(uid, id, source, hospital.id(), modality, null, null, 1, 1));
        long person = clients.personOf(hospital, localId);
        consents.link(person, hospital.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        return new Study(uid, id, source, person, localId);
    }
}
