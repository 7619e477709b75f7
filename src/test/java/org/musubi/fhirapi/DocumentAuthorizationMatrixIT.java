package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.DataCategory.ALLERGIES;
import static org.musubi.policy.DataCategory.DEMOGRAPHICS;
import static org.musubi.policy.DataCategory.DIAGNOSES;
import static org.musubi.policy.DataCategory.DOCUMENTS;
import static org.musubi.policy.DataCategory.LAB_RESULTS;
import static org.musubi.policy.DataCategory.MEDICATIONS;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.DataCategory;
import org.musubi.policy.PolicyProperties;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.Containers;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents and Bundles per profession, generated (the sibling of {@link RecordAuthorizationMatrixIT}): a hospital
 * stores containers of one person holding different categories; readers of every profession at a linked clinic,
 * under the person's consent (signed-in users through their session, and the clinic's system), read each container,
 * search each container type and ask for {@code $everything}. The oracle: a container is seen exactly by the
 * professions the matrix allows every category it holds (as configured for the tests); a refused read is the one
 * 404, a search or {@code $everything} leaves it out. Every interaction leaves exactly one audit row for the patient.
 */
@MusubiIntegrationTest
class DocumentAuthorizationMatrixIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    PolicyProperties policy;

    /** A stored container: where it is read, and every category it holds (its own first). */
    record Container(String name, String type, String id, Set<DataCategory> categories) {
    }

    record Fixture(long person, String regionalId, List<Container> containers) {
    }

    @TestFactory
    List<DynamicTest> aContainerIsSeenExactlyByTheProfessionsAllowedEverythingInIt() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Fixture f = fixture(hospital, clinic);
        ProfessionMatrix matrix = policy.professionMatrix();
        Map<Profession, Function<String, HttpResponse<String>>> readers = new LinkedHashMap<>();
        for (Profession profession : Profession.values()) {
            if (profession == Profession.RESIDENT) {
                continue; // a resident belongs to no facility and sees only their own record (PhrAttackIT)
            }
            if (profession == Profession.FACILITY_SYSTEM) {
                String token = clients.token(port, clients.register(clinic, "system/*.read"));
                readers.put(profession, path -> Containers.fhirGet(port, token, path));
            } else {
                WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, profession));
                readers.put(profession, path -> Containers.fhirGet(web, path));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        readers.forEach((profession, reader) -> {
            Set<DataCategory> allowed = matrix.categoriesOf(profession);
            for (Container c : f.containers()) {
                tests.add(DynamicTest.dynamicTest(profession + " read " + c.name(), () -> audited(f, () ->
                        assertThat(reader.apply(c.type() + "/" + c.id()).statusCode()).as(c.name())
                                .isEqualTo(allowed.containsAll(c.categories()) ? 200 : 404))));
            }
            for (String type : List.of("Bundle", "Composition", "DocumentReference")) {
                tests.add(DynamicTest.dynamicTest(profession + " search " + type, () -> audited(f, () ->
                        expectShown(f, allowed, reader.apply(type + "?patient=Patient/" + f.person()), type))));
            }
            tests.add(DynamicTest.dynamicTest(profession + " $everything", () -> audited(f, () ->
                    expectShown(f, allowed, reader.apply("Patient/" + f.person() + "/$everything"), null))));
        });
        return tests;
    }

    private void audited(Fixture f, Runnable interaction) {
        long before = audit.max();
        interaction.run();
        assertThat(audit.forPatient(before, f.regionalId())).as("audit rows").hasSize(1);
    }

    /** The answer holds exactly the containers (of {@code type}, or all) the profession may see. */
    private static void expectShown(Fixture f, Set<DataCategory> allowed, HttpResponse<String> answer, String type) {
        boolean any = f.containers().stream().anyMatch(c -> allowed.containsAll(c.categories()));
        if (type == null && answer.statusCode() == 404) {
            assertThat(any).as("$everything refused: nothing to see").isFalse();
            return;
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        for (Container c : f.containers()) {
            if (type == null || c.type().equals(type)) {
                assertThat(answer.body().contains("\"" + c.id() + "\"")).as(c.name())
                        .isEqualTo(allowed.containsAll(c.categories()));
            }
        }
    }

    private Fixture fixture(Facility hospital, Facility clinic) {
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.write"));
        String localId = FhirRecords.localId();
        Patient patient = FhirRecords.newPatient(hospital, localId, "マトリクス");
        String labBundle = FhirRecords.create(api, Containers.collection(hospital, patient, "検査結果",
                FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-04-01", 6.5)));
        long person = clients.personOf(hospital, localId);
        String labComposition = api.search().forResource(Composition.class)
                .where(Composition.PATIENT.hasId("Patient/" + FhirRecords.patientIdFor(api, hospital, localId)))
                .returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource().getIdElement().getIdPart();
        String diagnosisBundle = FhirRecords.create(api, Containers.collection(hospital, patient, null, condition()));
        String allergyDocument = FhirRecords.create(api, Containers.carrying(hospital, localId,
                Containers.collection(hospital, patient, null, allergy()), "アレルギー"));
        String pdfDocument = FhirRecords.create(api, pdf(hospital, localId));
        String medicationBinary = Containers.uploadBinary(port, token, hospital, localId, "application/fhir+json",
                Containers.json(Containers.collection(hospital, patient, null, prescription()))
                        .getBytes(StandardCharsets.UTF_8));
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        List<Container> containers = List.of(
                new Container("lab Bundle", "Bundle", labBundle, EnumSet.of(DOCUMENTS, DEMOGRAPHICS, LAB_RESULTS)),
                new Container("Composition referring to a lab", "Composition", labComposition, EnumSet.of(DOCUMENTS, LAB_RESULTS)),
                new Container("diagnosis Bundle", "Bundle", diagnosisBundle, EnumSet.of(DOCUMENTS, DEMOGRAPHICS, DIAGNOSES)),
                new Container("allergy document", "DocumentReference", allergyDocument,
                        EnumSet.of(DOCUMENTS, DEMOGRAPHICS, ALLERGIES)),
                new Container("PDF document", "DocumentReference", pdfDocument, EnumSet.of(DOCUMENTS)),
                new Container("prescription Binary", "Binary", medicationBinary, EnumSet.of(DOCUMENTS, DEMOGRAPHICS, MEDICATIONS)));
        return new Fixture(person, identities.person(person).orElseThrow().person().regionalId(), containers);
    }

    private static Condition condition() {
        Condition condition = new Condition().setSubject(new Reference("Patient/x"));
        condition.setCode(new CodeableConcept().setText("高血圧症"));
        return condition;
    }

    private static AllergyIntolerance allergy() {
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(new Reference("Patient/x"));
        allergy.setCode(new CodeableConcept().setText("ペニシリン"));
        return allergy;
    }

    private static MedicationRequest prescription() {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(new Reference("Patient/x"));
        request.setMedication(new CodeableConcept().setText("アムロジピン錠5mg"));
        return request;
    }

    private static DocumentReference pdf(Facility hospital, String localId) {
        DocumentReference reference = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        reference.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        reference.addContent().getAttachment().setContentType("application/pdf")
                .setData("%PDF-1.4 紹介状".getBytes(StandardCharsets.UTF_8));
        return reference;
    }
}
