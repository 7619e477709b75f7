package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.systems.DeclareIdentifierSystem;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facility's own identifier systems (issue 24, item 2): an operator declares the MRN system a facility's EHR sends
 * (Synthea's {@code http://hospital.smarthealthit.org}); the facility's Patients carrying only that identifier are
 * registered, PIXm and PDQm find them by it and answer with it, conditional references by it resolve, and removing
 * the declaration keeps the patient and its link but the API no longer speaks that system. Each test works on
 * hospitals of its own, and gives back what it declared (a system names one facility network-wide).
 */
@MusubiIntegrationTest
class DeclaredIdentifierSystemsIT extends NetworkFixtures {

    static final String SYNTHEA_MRN = "http://hospital.smarthealthit.org";
    static final String SYNTHEA_ID = "https://github.com/synthetichealth/synthea";
    static final String JP_HOSPITAL_PATIENT_ID = "http://jpfhir.jp/fhir/eCS/Idsystem/JP_Hospital_PatientID";

    @Autowired
    DeclareIdentifierSystem declare;
    @Autowired
    IdentityStore identities;

    @Test
    void aPatientWithOnlyTheDeclaredMrnIsStoredAndPixmAndPdqmFindAndAnswerWithIt() {
        Facility hospital = accounts.newHospital();
        Administrator operator = operator();
        declare.declare(operator, hospital.id(), SYNTHEA_MRN);
        try {
            IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
            String mrn = UUID.randomUUID().toString();

            Bundle answer = fhir.transaction().withBundle(syntheaLike(hospital, mrn)).execute();
            var byMrn = observation(null);
            byMrn.getSubject().getIdentifier().setSystem(SYNTHEA_MRN).setValue(mrn);
            String observation = FhirRecords.create(fhir, byMrn);
            // the hospital's counter linked the person with the card: PIXm and PDQm may name the person to it
            clients.linkedPersonOf(hospital, SYNTHEA_MRN + "|" + mrn);
            long before = audit.max();
            Parameters pix = PixmIT.pix(fhir, SYNTHEA_MRN, mrn, List.of());
            long person = person(pix);
            Bundle pdqm = fhir.search().forResource(Patient.class)
                    .where(Patient.IDENTIFIER.exactly().systemAndCode(SYNTHEA_MRN, mrn)).returnBundle(Bundle.class).execute();
            Bundle encounters = fhir.search().forResource(Encounter.class)
                    .where(Encounter.PATIENT.hasId("Patient/" + person)).returnBundle(Bundle.class).execute();
            Bundle observations = fhir.search().forResource(Observation.class)
                    .where(Observation.PATIENT.hasId("Patient/" + person))
                    .returnBundle(Bundle.class).execute();

            assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus())
                    .containsExactly("201 Created", "201 Created");
            assertThat(PixmIT.identifiers(pix)).as("no built-in patient ID was sent: only the regional ID besides")
                    .singleElement().asString().startsWith(PixmIT.REGIONAL + "|");
            String regionalId = PixmIT.identifiers(pix).getFirst().substring(PixmIT.REGIONAL.length() + 1);
            assertThat(pdqm.getEntry()).hasSize(1);
            assertThat(identifiers((Patient) pdqm.getEntryFirstRep().getResource()))
                    .containsExactly(PixmIT.REGIONAL + "|" + regionalId, SYNTHEA_MRN + "|" + mrn);
            assertThat(encounters.getTotal()).as("the Encounter referring to Patient?identifier=<MRN> is the patient's")
                    .isEqualTo(1);
            assertThat(observations.getEntry()).as("the Observation referring to the patient by its MRN is the patient's")
                    .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(observation);
            assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT policy.permit.ownFacilityData",
                    "READ PERMIT policy.permit.ownFacilityData", "SEARCH PERMIT policy.permit.ownFacilityData",
                    "SEARCH PERMIT policy.permit.ownFacilityData");
        } finally {
            declare.remove(operator, hospital.id(), SYNTHEA_MRN);
        }
    }

    @Test
    void aPatientWithNoneOfTheFacilitysSystemsIsRefusedNamingTheElementAndTheAcceptedSystems() {
        Facility hospital = accounts.newHospital();
        String own = ownSystem();
        declare.declare(operator(), hospital.id(), own);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        Patient patient = patient(hospital, SYNTHEA_MRN, UUID.randomUUID().toString());

        assertThatThrownBy(() -> fhir.create().resource(patient).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Patient.identifier に自施設の患者番号が必要です")
                .hasMessageContaining("Patient.identifier with your facility's patient ID in one of these systems is required: "
                        + FhirRecords.patientSystem(hospital) + ", " + JP_HOSPITAL_PATIENT_ID + ", " + own);
    }

    @Test
    void theBuiltInAndTheDeclaredIdentifierNameOnePatientAndEitherFindsIt() {
        Facility hospital = accounts.newHospital();
        String mrnSystem = ownSystem();
        declare.declare(operator(), hospital.id(), mrnSystem);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        String mrn = "M" + local;
        Patient both = patient(hospital, FhirRecords.patientSystem(hospital), local);
        both.addIdentifier().setSystem(mrnSystem).setValue(mrn);

        MethodOutcome created = fhir.create().resource(both).execute();
        MethodOutcome byMrnOnly = fhir.create().resource(patient(hospital, mrnSystem, mrn)).execute();
        clients.linkedPersonOf(hospital, local);
        Parameters byMrn = PixmIT.pix(fhir, mrnSystem, mrn, List.of());
        Parameters byLocal = PixmIT.pix(fhir, FhirRecords.patientSystem(hospital), local, List.of());
        Parameters narrowed = PixmIT.pix(fhir, PixmIT.REGIONAL, regionalId(byMrn), List.of(mrnSystem));
        String observation = FhirRecords.create(fhir, observation("Patient?identifier=" + mrnSystem + "|" + mrn));

        assertThat(byMrnOnly.getId().getIdPart()).as("the same Patient, updated").isEqualTo(created.getId().getIdPart());
        assertThat(person(byMrn)).isEqualTo(person(byLocal));
        assertThat(PixmIT.identifiers(byMrn)).contains(FhirRecords.patientSystem(hospital) + "|" + local);
        assertThat(PixmIT.identifiers(byLocal)).contains(mrnSystem + "|" + mrn);
        assertThat(PixmIT.identifiers(narrowed)).containsExactly(mrnSystem + "|" + mrn);
        assertThat(fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + person(byMrn)))
                .returnBundle(Bundle.class).execute().getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(observation);
    }

    @Test
    void identifiersNamingTwoDifferentPatientsAreRefusedNamingTheIdentifier() {
        Facility hospital = accounts.newHospital();
        String mrnSystem = ownSystem();
        declare.declare(operator(), hospital.id(), mrnSystem);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String first = FhirRecords.localId();
        String second = FhirRecords.localId();
        fhir.create().resource(patient(hospital, FhirRecords.patientSystem(hospital), first)).execute();
        fhir.create().resource(patient(hospital, mrnSystem, "M" + second)).execute();
        Patient mixed = patient(hospital, FhirRecords.patientSystem(hospital), first);
        mixed.addIdentifier().setSystem(mrnSystem).setValue("M" + second);

        assertThatThrownBy(() -> fhir.create().resource(mixed).execute())
                .isInstanceOf(ResourceVersionConflictException.class)
                .hasMessageContaining("Patient.identifier[1] (" + mrnSystem + "|M" + second
                        + ") identifies another patient of your facility");
    }

    @Test
    void removingTheDeclarationKeepsThePatientAndItsLinkButTheApiNoLongerSpeaksTheSystem() {
        Facility hospital = accounts.newHospital();
        String mrnSystem = ownSystem();
        Administrator operator = operator();
        declare.declare(operator, hospital.id(), mrnSystem);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String mrn = "M" + FhirRecords.localId();
        fhir.create().resource(patient(hospital, mrnSystem, mrn)).execute();
        clients.linkedPersonOf(hospital, mrnSystem + "|" + mrn);
        long person = person(PixmIT.pix(fhir, mrnSystem, mrn, List.of()));

        declare.remove(operator, hospital.id(), mrnSystem);
        Patient read = fhir.read().resource(Patient.class).withId(String.valueOf(person)).execute();

        assertThat(identities.sourcePatientsOf(person)).extracting(s -> s.facilityId()).containsExactly(hospital.id());
        assertThat(identifiers(read)).singleElement().asString().startsWith(PixmIT.REGIONAL + "|");
        assertThatThrownBy(() -> PixmIT.pix(fhir, mrnSystem, mrn, List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Assigning Authority not found");
        assertThatThrownBy(() -> fhir.create().resource(patient(hospital, mrnSystem, mrn)).execute())
                .isInstanceOf(UnprocessableEntityException.class);

        declare.declare(operator, hospital.id(), mrnSystem);
        assertThat(person(PixmIT.pix(fhir, mrnSystem, mrn, List.of()))).as("declared again, it finds the patient again")
                .isEqualTo(person);
    }

    @Test
    void aSystemNamesOneFacilityAndMusubisOwnSystemsCannotBeDeclared() {
        Facility first = accounts.newHospital();
        Facility second = accounts.newHospital();
        String system = ownSystem();
        Administrator operator = operator();
        declare.declare(operator, first.id(), system);

        assertThat(fault(() -> declare.declare(operator, second.id(), system))).isEqualTo("facility.systems.taken");
        assertThat(fault(() -> declare.declare(operator, first.id(), system))).isEqualTo("facility.systems.already");
        assertThat(fault(() -> declare.declare(operator, second.id(), FhirRecords.patientSystem(first))))
                .isEqualTo("facility.systems.reserved.builtIn");
        assertThat(fault(() -> declare.declare(operator, second.id(), FhirRecords.patientSystem(second))))
                .isEqualTo("facility.systems.ownBuiltIn");
        assertThat(fault(() -> declare.declare(operator, second.id(), PixmIT.REGIONAL)))
                .isEqualTo("facility.systems.reserved.regional");
        assertThat(fault(() -> declare.declare(operator, second.id(), JP_HOSPITAL_PATIENT_ID)))
                .isEqualTo("facility.systems.reserved.generic");
    }

    /**
     * A transaction as Synthea writes one: the Patient with its MRN (type MR), an Encounter referring to it by MRN. The
     * conditional reference's system is percent-encoded: HAPI's validator (8.8.1) fails with an internal error on a
     * reference {@code Type?identifier=http://host|value} whose system URL has no path (it reads the empty text
     * between the two slashes as the type), which is the validation's to deal with (issue 24, item 3).
     */
    private static Bundle syntheaLike(Facility hospital, String mrn) {
        Patient patient = patient(hospital, SYNTHEA_ID, UUID.randomUUID().toString());
        Identifier record = patient.addIdentifier().setSystem(SYNTHEA_MRN).setValue(mrn);
        record.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        encounter.setSubject(new Reference("Patient?identifier="
                + URLEncoder.encode(SYNTHEA_MRN, StandardCharsets.UTF_8) + "|" + mrn));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(encounter)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Encounter");
        return bundle;
    }

    /** A new patient of the facility (a unique name and birth date) with one identifier. */
    private static Patient patient(Facility facility, String system, String value) {
        Patient patient = FhirRecords.newPatient(facility, "unused", "シュウヨウ");
        patient.getIdentifier().clear();
        patient.addIdentifier().setSystem(system).setValue(value);
        return patient;
    }

    private static Observation observation(String subject) {
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem(FhirRecords.JLAC10).setCode(FhirRecords.HBA1C);
        if (subject != null) {
            observation.setSubject(new Reference(subject));
        }
        return observation;
    }

    /** A system of the test's own, so that tests never declare the same one. */
    private static String ownSystem() {
        return "https://ehr.example.org/" + UUID.randomUUID() + "/mrn";
    }

    private Administrator operator() {
        return Administrator.of(accounts.networkAdmin());
    }

    private static String fault(Runnable declaring) {
        try {
            declaring.run();
        } catch (InvalidRegistration e) {
            return e.faults().getFirst().messageKey();
        }
        throw new AssertionError("the declaration was accepted");
    }

    private static long person(Parameters pix) {
        return Long.parseLong(((Reference) pix.getParameter("targetId").getValue()).getReferenceElement().getIdPart());
    }

    private static String regionalId(Parameters pix) {
        return PixmIT.identifiers(pix).stream().filter(i -> i.startsWith(PixmIT.REGIONAL + "|")).findFirst().orElseThrow()
                .substring(PixmIT.REGIONAL.length() + 1);
    }

    private static List<String> identifiers(Patient patient) {
        return patient.getIdentifier().stream().map(i -> i.getSystem() + "|" + i.getValue()).toList();
    }
}
