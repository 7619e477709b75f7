package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Containers;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 7 (containers were judged by their own category): a hospital stores a JP-CLINS-like collection Bundle
 * (its patient, a Composition whose section refers to a lab result, the lab result), a DocumentReference carrying
 * a FHIR document with a lab result, a Binary of FHIR content with a lab result and a DocumentReference pointing at
 * it. A physical therapist of a linked clinic, under the patient's consent, may see documents but not lab results:
 * every way to the lab result through a container (read, vread, history, search, {@code $everything} and the
 * portal's timeline and document pages) must find nothing, while a doctor of the same clinic finds everything.
 * Each attempt leaves exactly one audit row. Before the fix the therapist read every container.
 */
@MusubiIntegrationTest
class ContainerContentsAttackIT extends NetworkFixtures {

    private static final String LAB_SECTION = "検査結果 HbA1c 6.5%";

    @Autowired
    IdentityStore identities;

    /** One way to a container: a request, and what shows the container is in the answer. */
    record Probe(String name, Function<Fixture, String> path, boolean portal, Function<Fixture, List<String>> shows) {
    }

    record Fixture(long person, String regionalId, String bundle, String composition, String observation,
                   String inlineDocument, String binary, String urlDocument) {
    }

    @TestFactory
    List<DynamicTest> aReaderWhoMayNotSeeLabResultsGetsNoContainerHoldingOne() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Fixture f = fixture(hospital, clinic);
        WebSession therapist = loggedIn(accounts.memberOf(clinic, Profession.PHYSICAL_THERAPIST));
        WebSession doctor = loggedIn(accounts.memberOf(clinic, Profession.DOCTOR));
        List<DynamicTest> tests = new ArrayList<>();
        for (Probe probe : probes()) {
            tests.add(DynamicTest.dynamicTest("therapist " + probe.name(), () -> expect(probe, f, therapist, false)));
            tests.add(DynamicTest.dynamicTest("doctor " + probe.name(), () -> expect(probe, f, doctor, true)));
        }
        return tests;
    }

    @Test
    void fhirContentThatCannotBeReadIsRefused() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.write"));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "ヨメナイ");
        long before = audit.max();

        HttpResponse<String> binary = Containers.upload(port, token, hospital, localId, "application/fhir+json",
                "{\"resourceType\": \"Bundle\", \"entry\": [".getBytes(StandardCharsets.UTF_8));
        DocumentReference document = Containers.carrying(hospital, localId, new Patient(), "壊れた文書");
        document.getContentFirstRep().getAttachment().setData("<Bundle xmlns=".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> inline = new RawApi(port, token).post("DocumentReference", Containers.json(document));

        assertThat(binary.statusCode()).isEqualTo(422);
        assertThat(binary.body()).contains("Binary: FHIR の内容を読めません").contains("Binary: the FHIR content cannot be read");
        assertThat(inline.statusCode()).isEqualTo(422);
        assertThat(inline.body()).contains("DocumentReference: FHIR の内容を読めません");
        assertThat(audit.reasons(before, "CREATE", "Binary")).containsExactly("record.invalid 422");
        assertThat(audit.reasons(before, "CREATE", "DocumentReference")).containsExactly("record.invalid 422");
    }

    private static List<Probe> probes() {
        Function<Fixture, List<String>> none = f -> List.of();
        return List.of(
                new Probe("read Bundle", f -> "Bundle/" + f.bundle(), false, none),
                new Probe("vread Bundle", f -> "Bundle/" + f.bundle() + "/_history/1", false, none),
                new Probe("history Bundle", f -> "Bundle/" + f.bundle() + "/_history", false, none),
                new Probe("read Composition", f -> "Composition/" + f.composition(), false, none),
                new Probe("read DocumentReference (inline)", f -> "DocumentReference/" + f.inlineDocument(), false, none),
                new Probe("read DocumentReference (url)", f -> "DocumentReference/" + f.urlDocument(), false, none),
                new Probe("read Binary", f -> "Binary/" + f.binary(), false, none),
                new Probe("search Bundle", f -> "Bundle?patient=Patient/" + f.person(), false, f -> List.of(f.bundle())),
                new Probe("search Composition", f -> "Composition?patient=Patient/" + f.person(), false,
                        f -> List.of(f.composition())),
                new Probe("search DocumentReference", f -> "DocumentReference?patient=Patient/" + f.person(), false,
                        f -> List.of(f.inlineDocument(), f.urlDocument())),
                new Probe("$everything", f -> "Patient/" + f.person() + "/$everything", false,
                        f -> List.of(f.bundle(), f.composition(), f.observation(), f.inlineDocument(), f.binary(),
                                f.urlDocument())),
                new Probe("portal timeline", f -> "/portal/patients/" + f.person(), true,
                        f -> List.of("/documents/" + f.inlineDocument(), "/documents/" + f.urlDocument())),
                new Probe("portal document (inline)", f -> "/portal/patients/" + f.person() + "/documents/"
                        + f.inlineDocument(), true, none),
                new Probe("portal document (url)", f -> "/portal/patients/" + f.person() + "/documents/"
                        + f.urlDocument(), true, none),
                new Probe("portal document content (Binary)", f -> "/portal/patients/" + f.person() + "/documents/"
                        + f.urlDocument() + "/content?binary=" + f.binary(), true, none));
    }

    /** A read is answered 200 or refused; a search or page always answers and shows the containers or not. */
    private void expect(Probe probe, Fixture f, WebSession reader, boolean allowed) {
        long before = audit.max();
        HttpResponse<String> answer = probe.portal() ? reader.get(probe.path().apply(f))
                : Containers.fhirGet(reader, probe.path().apply(f));
        List<String> shown = probe.shows().apply(f);
        if (shown.isEmpty()) {
            assertThat(answer.statusCode()).as(probe.name() + ": one answer for what may not be seen, page or API")
                    .isEqualTo(allowed ? 200 : 404);
            if (!allowed) {
                assertThat(answer.body()).as(probe.name()).doesNotContain("HbA1c").doesNotContain(FhirRecords.HBA1C);
            }
        } else {
            assertThat(answer.statusCode()).as(probe.name()).isEqualTo(200);
            for (String container : shown) {
                assertThat(answer.body().contains(container)).as(probe.name() + " shows " + container).isEqualTo(allowed);
            }
        }
        assertThat(audit.forPatient(before, f.regionalId())).as("audit rows of " + probe.name()).hasSize(1);
        if (!allowed && shown.isEmpty()) {
            assertThat(audit.forPatient(before, f.regionalId())).as("the reason is audited")
                    .containsExactly("READ DENY policy.deny.categoryNotAllowedForProfession");
        }
    }

    private Fixture fixture(Facility hospital, Facility clinic) {
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        Patient patient = FhirRecords.newPatient(hospital, localId, "コンテナ");
        Bundle sent = Containers.collection(hospital, patient, LAB_SECTION,
                FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-04-01", 6.5));
        String bundle = FhirRecords.create(api, sent);
        long person = clients.personOf(hospital, localId);
        String own = FhirRecords.patientIdFor(api, hospital, localId);
        Bundle stored = api.search().forResource(Composition.class).where(Composition.PATIENT.hasId("Patient/" + own))
                .returnBundle(Bundle.class).execute();
        String composition = stored.getEntryFirstRep().getResource().getIdElement().getIdPart();
        String observation = api.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + own)).returnBundle(Bundle.class)
                .execute().getEntryFirstRep().getResource().getIdElement().getIdPart();
        Bundle document = Containers.collection(hospital, patient, LAB_SECTION,
                FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-03-01", 6.4));
        String inline = FhirRecords.create(api, Containers.carrying(hospital, localId, document, "紹介状（FHIR）"));
        String binary = Containers.uploadBinary(port, token, hospital, localId, "application/fhir+json",
                Containers.json(document).getBytes(StandardCharsets.UTF_8));
        String url = FhirRecords.create(api, Containers.pointingAt(hospital, localId, "Binary/" + binary, "紹介状（添付）"));
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        return new Fixture(person, regionalId, bundle, composition, observation, inline, binary, url);
    }

    private WebSession loggedIn(User user) {
        return accounts.signedIn(port, user);
    }
}
