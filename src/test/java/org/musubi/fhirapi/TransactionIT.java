package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.testing.FhirRecords.HBA1C;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows.Row;
import org.musubi.testing.Containers;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** Transaction and batch Bundles as EHR exports send them, and Patient/$everything. */
@MusubiIntegrationTest
class TransactionIT extends NetworkFixtures {

    static final String ORG_NO = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";

    @Autowired
    IdentityStore identities;

    @Test
    void aTransactionResolvesUuidAndConditionalReferencesAndIsIdempotentWithIfNoneExist() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();

        Bundle first = fhir.transaction().withBundle(export(hospital, localId)).execute();
        Bundle again = fhir.transaction().withBundle(export(hospital, localId)).execute();

        assertThat(first.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created", "201 Created", "201 Created", "201 Created");
        assertThat(again.getEntry().get(1).getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(again.getEntry().get(4).getResponse().getStatus()).isEqualTo("200 OK");
        String patientRef = location(first, 0);
        Observation observation = fhir.read().resource(Observation.class).withId(location(first, 3)).execute();
        assertThat(observation.getSubject().getReference()).isEqualTo(patientRef);
        assertThat(observation.getEncounter().getReference()).isEqualTo(location(first, 2));
        assertThat(observation.getPerformerFirstRep().getReference()).isEqualTo(location(first, 1));
        long person = clients.linkedPersonOf(hospital, localId);
        Bundle conditions = fhir.search().forResource(Condition.class).where(Condition.PATIENT.hasId("Patient/" + person))
                .returnBundle(Bundle.class).execute();
        assertThat(conditions.getTotal()).isEqualTo(1);
    }

    @Test
    void aTransactionWithOneBadEntryStoresNothingAndNamesTheEntry() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Bundle bundle = export(hospital, localId, "ORG-" + localId);
        ((Observation) bundle.getEntry().get(3).getResource()).setEncounter(new Reference("urn:uuid:not-in-this-bundle"));

        long before = audit.max();

        assertThatThrownBy(() -> fhir.transaction().withBundle(bundle).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("Bundle.entry[3] (Observation, urn:uuid:11111111-0000-0000-0000-000000000004)");
        // the Patient entry came first and its registration (名寄せ: source patient, person, link) was rolled back too,
        // and the audit claims none of it: one row, the refusal
        assertThat(audit.rowsSince(before).stream().map(r -> r.action() + " " + r.outcome() + " " + r.reason()))
                .as("audit rows of the refused transaction").containsExactly("CREATE DENY record.invalid 422");
        assertThat(clients.registered(hospital, localId)).as("the patient of the failed transaction was not registered")
                .isFalse();
        long beforeRetry = audit.max();
        Bundle fixed = export(hospital, localId, "ORG-" + localId);
        fhir.transaction().withBundle(fixed).execute();
        assertThat(clients.personOf(hospital, localId)).as("the corrected transaction registers the patient")
                .isPositive();
        assertThat(audit.rowsSince(beforeRetry).stream().filter(r -> r.outcome().equals("PERMIT")).map(Row::resourceType))
                .as("every write of the corrected transaction is audited once it commits")
                .contains("Patient", "Organization", "Encounter", "Observation", "Condition");
        Bundle organizationOnly = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        organizationOnly.addEntry(bundle.getEntry().get(1));
        organizationOnly.getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + ORG_NO + "|ORG-" + localId);
        assertThat(fhir.transaction().withBundle(organizationOnly).execute().getEntryFirstRep().getResponse().getStatus())
                .as("the Organization the corrected transaction stored is found again").isEqualTo("200 OK");
    }

    @Test
    void aTransactionEntryWithoutItsOwnFullUrlIsRefusedWith400NamingTheEntry() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Bundle missing = export(hospital, localId, "ORG-" + localId);
        missing.getEntry().get(2).setFullUrl(null);
        missing.getEntry().get(4).setFullUrl(null);
        long before = audit.max();

        assertThatThrownBy(() -> fhir.transaction().withBundle(missing).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Bundle.entry[2] (Encounter): Bundle.entry.fullUrl がありません")
                .hasMessageContaining("every entry of a transaction needs a fullUrl");
        assertThat(audit.rowsSince(before).stream().map(r -> r.action() + " " + r.outcome() + " " + r.reason()))
                .as("one row: the refusal").containsExactly("CREATE DENY record.invalid 400");
        assertThat(clients.registered(hospital, localId)).as("nothing of the refused transaction was stored").isFalse();

        Bundle repeated = export(hospital, localId, "ORG-" + localId);
        repeated.getEntry().get(3).setFullUrl(repeated.getEntry().get(2).getFullUrl());
        assertThatThrownBy(() -> fhir.transaction().withBundle(repeated).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Bundle.entry[3] (Observation, urn:uuid:11111111-0000-0000-0000-000000000003):"
                        + " Bundle.entry.fullUrl が Bundle.entry[2] と同じです");
        assertThat(clients.registered(hospital, localId)).isFalse();

        Bundle batch = export(hospital, localId, "ORG-" + localId).setType(Bundle.BundleType.BATCH);
        batch.getEntry().subList(1, 5).clear();
        batch.getEntryFirstRep().setFullUrl(null);
        assertThat(fhir.transaction().withBundle(batch).execute().getEntryFirstRep().getResponse().getStatus())
                .as("a batch's entries stand alone: no fullUrl needed").isEqualTo("201 Created");
    }

    @Test
    void aDocumentBundleWithOneBadEntryRegistersNoPatientEither() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Observation bad = FhirRecords.lab(hospital, localId, HBA1C, "2024-06-01", 6.0);
        bad.setEncounter(new Reference("urn:uuid:not-in-this-bundle"));
        Bundle document = Containers.collection(hospital, FhirRecords.newPatient(hospital, localId, "文書"),
                null, bad);
        long before = audit.max();

        assertThatThrownBy(() -> fhir.create().resource(document).execute()).isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Bundle.entry[1] (Observation");
        assertThat(audit.rowsSince(before).stream().map(r -> r.action() + " " + r.outcome() + " " + r.reason()))
                .containsExactly("CREATE DENY record.invalid 422");
        assertThat(clients.registered(hospital, localId)).as("the patient of the refused document was not registered")
                .isFalse();
    }

    @Test
    void aBatchReportsEachEntryOnItsOwn() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "バッチ");
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry().setResource(FhirRecords.lab(hospital, localId, HBA1C, "2024-06-01", 6.0))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        batch.addEntry().setResource(FhirRecords.lab(hospital, "nobody", HBA1C, "2024-06-01", 6.0))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

        Bundle result = fhir.transaction().withBundle(batch).execute();

        assertThat(result.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(result.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(result.getEntry().get(1).getResponse().getStatus()).startsWith("422");
        assertThat(result.getEntry().get(1).getResponse().getOutcome()).isNotNull();
    }

    @Test
    void everythingGivesEachReaderExactlyWhatThePolicyAllowsInOneAuditedCall() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        hospitalApi.transaction().withBundle(export(hospital, localId)).execute();
        long person = clients.personOf(hospital, localId);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        // the hospital has no link made with the card: it reads its own data through its own Patient, never by the
        // person's id (issue 37)
        String ownPatient = FhirRecords.patientIdFor(hospitalApi, hospital, localId);
        long before = audit.max();

        Bundle own = everything(hospitalApi, ownPatient);
        assertThatThrownBy(() -> everything(hospitalApi, String.valueOf(person)))
                .as("the person's id is not the hospital's to use").isInstanceOf(
                        ResourceNotFoundException.class);
        assertThatThrownBy(() -> everything(clinicApi, String.valueOf(person)))
                .isInstanceOf(ResourceNotFoundException.class);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        Bundle shared = everything(clinicApi, String.valueOf(person));

        assertThat(types(own)).containsExactlyInAnyOrder("Patient", "Patient", "Encounter", "Observation", "Condition",
                "Organization");
        assertThat(types(shared)).containsExactlyInAnyOrder("Patient", "Patient", "Encounter", "Observation", "Condition",
                "Organization");
        assertThat(own.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .as("the organization the records refer to, included, not a match")
                .extracting(e -> e.getResource().fhirType()).containsExactly("Organization");
        assertThat(own.getTotal()).isEqualTo(5);
        assertThat(own.getEntryFirstRep().getResource().getIdElement().getIdPart()).as("its own Patient, not the person")
                .isEqualTo(ownPatient);
        assertThat(audit.forPatient(before, regionalId).stream().filter(r -> r.startsWith("SEARCH"))).containsExactly(
                "SEARCH PERMIT policy.permit.ownPatient", "SEARCH DENY policy.deny.noConsent",
                "SEARCH DENY policy.deny.noConsent", "SEARCH PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void includeAddsTheReferencedEncounterAndOrganizationWithoutCountingThem() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        fhir.transaction().withBundle(export(hospital, localId, "INC-" + localId)).execute();
        long person = clients.linkedPersonOf(hospital, localId);

        Bundle found = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + person))
                .include(Observation.INCLUDE_ENCOUNTER).include(Observation.INCLUDE_PERFORMER)
                .returnBundle(Bundle.class).execute();

        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntry()).extracting(e -> e.getResource().fhirType() + " " + e.getSearch().getMode().toCode())
                .containsExactlyInAnyOrder("Observation match", "Encounter include", "Organization include");
        assertThatThrownBy(() -> fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + person))
                .include(new Include("Observation:based-on")).returnBundle(Bundle.class).execute())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void everythingInJsonStraightFromTheStoreAgreesWithTheXmlFromHapi() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read"));
        String localId = FhirRecords.localId();
        fhir.transaction().withBundle(export(hospital, localId, "EV-" + localId)).execute();
        long person = clients.linkedPersonOf(hospital, localId);
        var http = HttpClient.newHttpClient();
        String url = "http://localhost:" + port + "/fhir/Patient/" + person + "/$everything?_count=2";

        var json = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").build(),
                HttpResponse.BodyHandlers.ofString());
        var xml = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+xml").build(),
                HttpResponse.BodyHandlers.ofString());
        Bundle fromJson = clients.context().newJsonParser().parseResource(Bundle.class, json.body());
        Bundle fromXml = clients.context().newXmlParser().parseResource(Bundle.class, xml.body());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(fromJson.getTotal()).isEqualTo(fromXml.getTotal()).isEqualTo(5);
        assertThat(ids(fromJson)).isEqualTo(ids(fromXml));
        assertThat(fromJson.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=2");
        Observation observation = fromJson.getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Observation).map(r -> (Observation) r).findFirst().orElse(null);
        if (observation != null) {
            assertThat(observation.getMeta().getVersionId()).isEqualTo("1");
        }
    }

    @Test
    void searchPagesInJsonFromTheStoreAgreeWithTheXmlFromHapi() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read"));
        String localId = FhirRecords.localId();
        fhir.transaction().withBundle(export(hospital, localId, "SJ-" + localId)).execute();
        fhir.transaction().withBundle(export(hospital, localId, "SJ-" + localId)).execute();
        long person = clients.linkedPersonOf(hospital, localId);
        var http = HttpClient.newHttpClient();
        String url = "http://localhost:" + port + "/fhir/Observation?patient=Patient/" + person
                + "&_include=Observation:encounter&_count=1";
        Function<String, HttpResponse<String>> get = accept -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Accept", accept).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        var json = get.apply("application/fhir+json");
        var xml = get.apply("application/fhir+xml");
        Bundle fromJson = clients.context().newJsonParser().parseResource(Bundle.class, json.body());
        Bundle fromXml = clients.context().newXmlParser().parseResource(Bundle.class, xml.body());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        assertThat(fromJson.getTotal()).isEqualTo(fromXml.getTotal()).isEqualTo(2);
        assertThat(fromJson.getEntry()).extracting(e -> e.getSearch().getMode().toCode())
                .containsExactly("match", "include");
        assertThat(fromJson.getLink()).extracting(l -> l.getRelation() + " " + l.getUrl())
                .isEqualTo(fromXml.getLink().stream().map(l -> l.getRelation() + " " + l.getUrl()).toList());
        assertThat(fromJson.getLink(Bundle.LINK_NEXT)).isNotNull();
        var parser = clients.context().newJsonParser();
        assertThat(fromJson.getEntry()).extracting(e -> e.getFullUrl() + " " + parser.encodeResourceToString(e.getResource()))
                .isEqualTo(fromXml.getEntry().stream()
                        .map(e -> e.getFullUrl() + " " + parser.encodeResourceToString(e.getResource())).toList());
        assertThat(((Observation) fromJson.getEntry().get(0).getResource()).getCode().getCodingFirstRep().getCode())
                .isNotBlank();
    }

    @Test
    void aJsonTransactionIsStoredFromItsOwnTextWithReferencesRewrittenAndAnXmlOneThroughHapi() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        var http = HttpClient.newHttpClient();
        BiFunction<String, String, HttpResponse<String>> post = (type, body) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", type)
                        .header("Accept", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String jsonId = FhirRecords.localId();
        String json = clients.context().newJsonParser().encodeResourceToString(export(hospital, jsonId, "RJ-" + jsonId))
                .replace("\"value\":6.8", "\"value\":6.80");
        String xmlId = FhirRecords.localId();
        String xml = clients.context().newXmlParser().encodeResourceToString(export(hospital, xmlId, "RX-" + xmlId));

        assertThat(json).contains("\"value\":6.80");
        assertThat(post.apply("application/fhir+json", json).statusCode()).isEqualTo(200);
        assertThat(post.apply("application/fhir+xml", xml).statusCode()).isEqualTo(200);

        for (String localId : List.of(jsonId, xmlId)) {
            long person = clients.linkedPersonOf(hospital, localId);
            String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/fhir/Observation?patient=Patient/" + person)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString()).body();
            Bundle found = clients.context().newJsonParser().parseResource(Bundle.class, page);
            Observation observation = (Observation) found.getEntryFirstRep().getResource();
            assertThat(page).doesNotContain("urn:uuid:");
            assertThat(observation.getEncounter().getReference()).matches("Encounter/[0-9a-f\\-]{36}");
            assertThat(observation.getPerformerFirstRep().getReference()).matches("Organization/[0-9a-f\\-]{36}");
            assertThat(observation.getSubject().getReference()).startsWith("Patient/");
            Observation read = fhir.read().resource(Observation.class).withId(observation.getIdElement().getIdPart()).execute();
            assertThat(read.getEncounter().getReference()).isEqualTo(observation.getEncounter().getReference());
            if (localId.equals(jsonId)) {
                assertThat(page).containsPattern("\"value\":\\s*6\\.80[,}]");
                assertThat(read.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("6.80");
            } else {
                assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo("6.8");
            }
        }
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static Bundle everything(IGenericClient client, String patient) {
        return client.operation().onInstance("Patient/" + patient).named("$everything").withNoParameters(
                Parameters.class).useHttpGet().returnResourceType(Bundle.class).execute();
    }

    private static List<String> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
    }

    private static String location(Bundle response, int index) {
        String location = response.getEntry().get(index).getResponse().getLocation();
        return location.substring(0, location.indexOf("/_history"));
    }

    /** An EHR-style export: Patient, Organization (conditional create), Encounter, Observation, Condition. */
    static Bundle export(Facility hospital, String localId) {
        return export(hospital, localId, hospital.code().value());
    }

    static Bundle export(Facility hospital, String localId, String orgValue) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = FhirRecords.newPatient(hospital, localId, "トランザクション");
        entry(bundle, "urn:uuid:11111111-0000-0000-0000-000000000001", patient, null);
        Organization organization = new Organization().setName("検査部");
        organization.addIdentifier().setSystem(ORG_NO).setValue(orgValue);
        entry(bundle, "urn:uuid:11111111-0000-0000-0000-000000000002", organization,
                "identifier=" + ORG_NO + "|" + orgValue);
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setSubject(new Reference("urn:uuid:11111111-0000-0000-0000-000000000001"));
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        entry(bundle, "urn:uuid:11111111-0000-0000-0000-000000000003", encounter, null);
        Observation observation = FhirRecords.lab(hospital, localId, HBA1C, "2024-03-01", 6.8);
        observation.setSubject(new Reference("urn:uuid:11111111-0000-0000-0000-000000000001"))
                .setEncounter(new Reference("urn:uuid:11111111-0000-0000-0000-000000000003"))
                .addPerformer(new Reference("Organization?identifier=" + ORG_NO + "|" + orgValue));
        entry(bundle, "urn:uuid:11111111-0000-0000-0000-000000000004", observation, null);
        Condition condition = new Condition().setSubject(new Reference("urn:uuid:11111111-0000-0000-0000-000000000001"));
        condition.addIdentifier().setSystem("http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier")
                .setValue("C-" + localId);
        condition.getCode().addCoding().setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("E11");
        entry(bundle, "urn:uuid:11111111-0000-0000-0000-000000000005", condition,
                "identifier=http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier|C-" + localId);
        return bundle;
    }

    private static void entry(Bundle bundle, String fullUrl, Resource resource, String ifNoneExist) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist(ifNoneExist);
    }
}
