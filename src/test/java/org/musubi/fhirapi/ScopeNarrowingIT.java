package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.musubi.registry.Facility;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.EveryKindOfRecord;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 21, finding 2: a token's scopes narrow every operation, for each type it returns. A clinic linked to a
 * consenting person, whose systems may see the whole record by policy, gets only the types its token's scopes
 * allow: "system/Patient.read" (PIXm and PDQm only) reads no clinical resource by any route, and each call leaves
 * exactly one audit row naming only what was returned.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeNarrowingIT extends NetworkFixtures {

    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";

    @Autowired
    EveryKindOfRecord records;
    EveryKindOfRecord.Record record;

    @BeforeAll
    void aRecordOfEveryKind() {
        record = records.create(port);
    }

    @Test
    void aPatientReadTokenGetsOnlyPatientsFromEverythingAndNoClinicalResourceByAnyRoute() {
        Client client = client(record.clinic(), "system/Patient.read");

        for (String format : List.of(JSON, XML)) {
            long before = audit.max();
            Bundle everything = bundle(client.http().get("Patient/" + record.personId() + "/$everything", format), format);
            assertThat(types(everything)).as(format).isNotEmpty().containsOnly("Patient");
            assertThat(everything.getTotal()).isEqualTo(everything.getEntry().size());
            assertOneRowNaming(before, client, ids(everything));
        }
        for (String path : List.of("Patient/" + record.personId() + "/$medication-notebook",
                "Observation?patient=Patient/" + record.personId() + "&_include=Observation:performer",
                "Observation/" + record.observation(), "Bundle/" + record.bundle(), "Binary/" + record.binary())) {
            long before = audit.max();
            assertThat(client.http().get(path, JSON).statusCode()).as(path).isEqualTo(403);
            assertThat(audit.since(before, client.id())).as(path).containsExactly(
                    "ACCESS_DENIED DENY scope [system/Patient.read] does not allow read");
        }
    }

    @Test
    void patientAndObservationReadGetPatientsAndObservationsOnlyWithTotalsAndPagesCountingOnlyThem() {
        Client client = client(record.clinic(), "system/Observation.read", "system/Patient.read");

        for (String format : List.of(JSON, XML)) {
            long before = audit.max();
            Bundle everything = bundle(client.http().get("Patient/" + record.personId() + "/$everything", format), format);
            assertThat(types(everything)).as(format).containsOnly("Patient", "Observation").contains("Observation");
            assertThat(everything.getTotal()).isEqualTo(everything.getEntry().size());
            assertOneRowNaming(before, client, ids(everything));
            Bundle paged = bundle(client.http().get("Patient/" + record.personId() + "/$everything?_count=2", format),
                    format);
            assertThat(paged.getTotal()).isEqualTo(everything.getTotal());
            assertThat(paged.getEntry()).hasSize(2);
        }
        long before = audit.max();
        Bundle search = bundle(client.http().get("Observation?patient=Patient/" + record.personId()
                + "&_include=Observation:encounter&_include=Observation:performer", JSON), JSON);
        assertThat(types(search)).as("the Encounter and the Organization it refers to are left out")
                .containsExactly("Observation", "Observation");
        assertOneRowNaming(before, client, ids(search));
        assertThat(client.http().get("Observation/" + record.observation(), JSON).statusCode()).isEqualTo(200);
        assertThat(client.http().get("Patient/" + record.personId() + "/$medication-notebook", JSON).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBundleHoldsAnyTypeSoOnlyAScopeForEveryTypeReadsIt() {
        Client bundles = client(record.clinic(), "system/Bundle.read", "system/Patient.read");
        Client everything = client(record.clinic(), "system/*.read");

        long before = audit.max();
        assertThat(bundles.http().get("Bundle/" + record.bundle(), JSON).statusCode()).isEqualTo(403);
        assertThat(audit.since(before, bundles.id())).hasSize(1);
        assertThat(types(bundle(bundles.http().get("Patient/" + record.personId() + "/$everything", JSON), JSON)))
                .containsOnly("Patient");
        assertThat(everything.http().get("Bundle/" + record.bundle(), JSON).statusCode()).isEqualTo(200);
        assertThat(types(bundle(everything.http().get("Patient/" + record.personId() + "/$everything", JSON), JSON)))
                .containsAll(EveryKindOfRecord.TYPES);
    }

    @Test
    void theMedicationNotebookLeavesOutTheTypesTheScopesDoNotAllow() {
        Client dispensings = client(record.clinic(), "system/Patient.read", "system/MedicationDispense.read");
        Client all = client(record.clinic(), "system/*.read");
        String path = "Patient/" + record.personId() + "/$medication-notebook?charset=UTF-8";

        long before = audit.max();
        HttpResponse<String> narrow = dispensings.http().get(path, "text/plain");
        List<List<String>> narrowRow = audit.resourceIds(before, dispensings.id());
        before = audit.max();
        HttpResponse<String> whole = all.http().get(path, "text/plain");
        List<List<String>> wholeRow = audit.resourceIds(before, all.id());

        assertThat(narrow.statusCode()).isEqualTo(200);
        assertThat(whole.body()).contains("卵", "市販のかぜ薬", "スコープ薬局");
        assertThat(narrow.body()).contains("アムロジピン").doesNotContain("卵", "市販のかぜ薬");
        assertThat(narrowRow).hasSize(1);
        assertThat(wholeRow).hasSize(1);
        assertThat(narrowRow.getFirst()).as("one dispensing, no allergy, OTC drug, pharmacy or pharmacist").hasSize(1);
        assertThat(wholeRow.getFirst()).hasSizeGreaterThan(3).containsAll(narrowRow.getFirst());
    }

    @Test
    void aWriteNeedsTheWriteOfEveryTypeItStores() {
        Client bundleWriter = client(record.hospital(), "system/Bundle.write");
        Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
        collection.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        String patient = "urn:uuid:" + UUID.randomUUID();
        String localId = FhirRecords.localId();
        collection.addEntry().setFullUrl(patient).setResource(FhirRecords.newPatient(record.hospital(), localId, "カキコミ"));
        Observation lab = FhirRecords.lab(record.hospital(), localId, FhirRecords.HBA1C, "2024-05-01", 7.0);
        collection.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(lab.setSubject(
                new Reference(patient)));

        long before = audit.max();
        HttpResponse<String> refused = bundleWriter.http().send("POST", "Bundle", JSON, JSON,
                clients.context().newJsonParser().encodeResourceToString(collection));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Patient");
        assertThat(audit.since(before, bundleWriter.id())).containsExactly(
                "ACCESS_DENIED DENY scope [system/Bundle.write] does not allow write");
    }

    private void assertOneRowNaming(long before, Client client, Set<String> returned) {
        List<List<String>> rows = audit.resourceIds(before, client.id());
        assertThat(rows).as("one audit row").hasSize(1);
        assertThat(returned).as("every resource the audit row names was returned").containsAll(rows.getFirst());
    }

    private Client client(Facility facility, String... scopes) {
        ApiClientAdministration.NewApiClient registered = clients.register(facility, scopes);
        return new Client(registered.client().clientId(), new FhirHttp(port, clients.token(port, registered)));
    }

    private Bundle bundle(HttpResponse<String> response, String format) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var parser = format.equals(XML) ? clients.context().newXmlParser() : clients.context().newJsonParser();
        return parser.parseResource(Bundle.class, response.body());
    }

    private static List<String> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
    }

    private static Set<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart())
                .collect(Collectors.toSet());
    }

    record Client(String id, FhirHttp http) {
    }
}
