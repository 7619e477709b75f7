package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SupplyDelivery;
import org.hl7.fhir.r4.model.Contract;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.SyntheaLikeRecords;

/**
 * Every R4 resource a facility sends (issue 24, item 1): a transaction shaped as Synthea writes it (claims, an
 * explanation of benefit, a care team, a device, a supply delivery, a Provenance of it all, conditional references to
 * the directory a first transaction created, conditional creates of it again) is stored entry by entry, and
 * {@code $everything} gives it back with its references intact; what is still refused is refused entry by entry,
 * naming the entry, the element and the reason.
 */
@MusubiIntegrationTest
class EveryResourceTypeIT extends NetworkFixtures {

    @Test
    void aSyntheaShapedTransactionIsStoredWholeAndEverythingGivesItBackWithItsReferencesIntact() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        SyntheaLikeRecords.Directory keys = SyntheaLikeRecords.Directory.fresh();
        Bundle directory = fhir.transaction().withBundle(SyntheaLikeRecords.directory(keys)).execute();
        Bundle directoryAgain = fhir.transaction().withBundle(SyntheaLikeRecords.directory(keys)).execute();
        String localId = FhirRecords.localId();

        Bundle stored = fhir.transaction().withBundle(SyntheaLikeRecords.record(hospital, localId, keys)).execute();

        assertThat(statuses(directory)).containsOnly("201 Created");
        assertThat(statuses(directoryAgain)).as("ifNoneExist on Organization, Location, Practitioner").containsOnly("200 OK");
        assertThat(locations(directoryAgain)).isEqualTo(locations(directory));
        assertThat(statuses(stored)).containsExactly("201 Created", "201 Created", "201 Created", "201 Created",
                "201 Created", "201 Created", "201 Created", "201 Created", "200 OK", "200 OK", "201 Created");
        List<String> ids = locations(stored);
        String location = locations(directory).get(1);
        String practitioner = locations(directory).get(2);
        assertThat(ids.get(8)).as("the Location found by its ifNoneExist").isEqualTo(location);
        assertThat(ids.get(9)).as("the Practitioner found by its ifNoneExist").isEqualTo(practitioner);

        // the hospital sent the patient but never linked them with the card: it reads its record by its own Patient
        Bundle everything = everything(fhir, ids.get(0).substring("Patient/".length()));
        Map<String, Resource> byId = everything.getEntry().stream().map(e -> (Resource) e.getResource())
                .collect(Collectors.toMap(r -> r.fhirType() + "/" + r.getIdElement().getIdPart(), r -> r, (a, b) -> a));
        assertThat(byId.keySet()).as("every resource of the patient, and the directory resources they refer to")
                .containsAll(ids.subList(0, 8)).contains(ids.get(10), location, practitioner, locations(directory).get(0));
        assertThat(types(everything)).contains("Claim", "ExplanationOfBenefit", "CareTeam", "Device", "SupplyDelivery",
                "Provenance", "Medication", "Location", "Practitioner", "Organization");
        Encounter encounter = (Encounter) byId.get(ids.get(1));
        assertThat(encounter.getLocationFirstRep().getLocation().getReference()).isEqualTo(location);
        assertThat(encounter.getParticipantFirstRep().getIndividual().getReference()).isEqualTo(practitioner);
        assertThat(encounter.getSubject().getReference()).isEqualTo(ids.get(0));
        assertThat(((Claim) byId.get(ids.get(2))).getItemFirstRep().getEncounterFirstRep().getReference())
                .isEqualTo(ids.get(1));
        assertThat(((ExplanationOfBenefit) byId.get(ids.get(3))).getClaim().getReference()).isEqualTo(ids.get(2));
        assertThat(((SupplyDelivery) byId.get(ids.get(7))).getSuppliedItem().getItemReference().getReference())
                .as("the Medication, a directory resource, included").isEqualTo(ids.get(6));
        assertThat(((Provenance) byId.get(ids.get(10))).getTarget()).extracting(Reference::getReference)
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4), ids.get(5), ids.get(7));
    }

    @Test
    void theNewTypesAreSearchableAndTheCapabilityStatementListsThem() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/Claim.read", "system/Patient.read",
                "system/*.write");
        SyntheaLikeRecords.Directory keys = SyntheaLikeRecords.Directory.fresh();
        fhir.transaction().withBundle(SyntheaLikeRecords.directory(keys)).execute();
        String localId = FhirRecords.localId();
        fhir.transaction().withBundle(SyntheaLikeRecords.record(hospital, localId, keys)).execute();
        long person = clients.linkedPersonOf(hospital, localId);

        Bundle claims = fhir.search().forResource(Claim.class).where(Claim.PATIENT.hasId("Patient/" + person))
                .and(Claim.STATUS.exactly().code("active")).returnBundle(Bundle.class).execute();
        CapabilityStatement metadata = fhir.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(claims.getTotal()).as("a token scoped to system/Claim.read searches claims by status").isEqualTo(1);
        assertThat(metadata.getRestFirstRep().getResource()).extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                .contains("Claim", "ExplanationOfBenefit", "CareTeam", "Provenance", "Device", "SupplyDelivery", "Location",
                        "Medication", "HealthcareService", "Coverage", "Goal", "Task").doesNotContain("Contract", "Consent");
        // Musubi keeps no Group: it is listed for its bulk $export alone (which answers every id as unknown), with no
        // interaction — nothing to read, search or write
        assertThat(metadata.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("Group"))
                .allSatisfy(group -> {
                    assertThat(group.getInteraction()).isEmpty();
                    assertThat(group.getOperation()).extracting(o -> o.getName().replace("$", "")).containsOnly("export");
                });
    }

    @Test
    void anEntryMusubiDoesNotStoreRefusesTheTransactionNamingTheEntryTheElementAndTheReason() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(bundle, "urn:uuid:22222222-0000-0000-0000-000000000001", FhirRecords.newPatient(hospital, localId, "タスク"));
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-05-01", 6.2);
        lab.setSubject(new Reference("urn:uuid:22222222-0000-0000-0000-000000000001"));
        add(bundle, "urn:uuid:22222222-0000-0000-0000-000000000002", lab);
        add(bundle, "urn:uuid:22222222-0000-0000-0000-000000000003", new Contract().setStatus(Contract.ContractStatus.OFFERED)
                .addSubject(new Reference("urn:uuid:22222222-0000-0000-0000-000000000001")));
        long before = audit.max();

        assertThatThrownBy(() -> fhir.transaction().withBundle(bundle).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Bundle.entry[2] (Contract, urn:uuid:22222222-0000-0000-0000-000000000003)")
                .hasMessageContaining("Contract は保存しません").hasMessageContaining("Musubi does not store Contract")
                .satisfies(e -> assertThat(issue((BaseServerResponseException) e).getExpression())
                        .extracting(Object::toString).containsExactly("Bundle.entry[2].resource"));
        assertThat(audit.reasons(before, "CREATE", "Observation")).as("the Observation was not written").isEmpty();
        assertThat(audit.reasons(before, "CREATE", "Contract")).isEmpty();
        assertThat(clients.registered(hospital, localId))
                .as("nothing of the refused transaction was stored, not even the registration of its Patient").isFalse();
    }

    @Test
    void aBatchRefusesEachEntryMusubiDoesNotStoreOnItsOwnAndStoresTheRest() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "グループ");
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
        group.addMember().setEntity(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        add(batch, "urn:uuid:33333333-0000-0000-0000-000000000001", group);
        add(batch, "urn:uuid:33333333-0000-0000-0000-000000000002", new Bundle().setType(Bundle.BundleType.TRANSACTION));
        add(batch, "urn:uuid:33333333-0000-0000-0000-000000000003",
                FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-05-02", 6.3));

        Bundle result = fhir.transaction().withBundle(batch).execute();

        assertThat(statuses(result)).containsExactly("400 400", "400 400", "201 Created");
        assertThat(diagnostics(result, 0)).contains("Bundle.entry[0] (Group, urn:uuid:33333333-0000-0000-0000-000000000001)")
                .contains("一人の患者の記録ではない").contains("no one patient's record");
        assertThat(diagnostics(result, 1)).contains("Bundle.entry[1] (Bundle")
                .contains("Bundle.type が transaction").contains("send a transaction or batch to POST /fhir");
        assertThat(result.getEntry().get(0).getResponse().getOutcome()).isInstanceOf(OperationOutcome.class)
                .satisfies(o -> assertThat(((OperationOutcome) o).getIssueFirstRep().getExpression())
                        .extracting(Object::toString).containsExactly("Bundle.entry[0].resource"));
    }

    @Test
    void anEntryWhosePatientIsMissingForeignOrTwoPatientsIsRefusedNamingTheElement() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String one = FhirRecords.localId();
        String other = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, one, "ヒトリメ");
        FhirRecords.registerPatient(fhir, hospital, other, "フタリメ");
        Reference first = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + one);
        Reference second = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + other);
        Reference foreign = new Reference("Patient?identifier=" + FhirRecords.patientSystem(clinic) + "|" + one);
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        add(batch, "urn:uuid:44444444-0000-0000-0000-000000000001",
                SyntheaLikeRecords.claim(null, new Reference().setDisplay("病院"), "請求"));
        add(batch, "urn:uuid:44444444-0000-0000-0000-000000000002", new Provenance()
                .setRecordedElement(new InstantType("2024-05-01T09:30:00+09:00"))
                .addTarget(first).addTarget(second).addAgent(new Provenance.ProvenanceAgentComponent()
                        .setWho(new Reference().setDisplay("医師"))));
        add(batch, "urn:uuid:44444444-0000-0000-0000-000000000003", SyntheaLikeRecords.careTeam(foreign, "他院の患者"));
        add(batch, "urn:uuid:44444444-0000-0000-0000-000000000004", new Provenance()
                .setRecordedElement(new InstantType("2024-05-01T09:30:00+09:00"))
                .addTarget(first).addTarget(new Reference("Organization/not-a-patient"))
                .addAgent(new Provenance.ProvenanceAgentComponent().setWho(new Reference().setDisplay("医師"))));

        Bundle result = fhir.transaction().withBundle(batch).execute();

        assertThat(statuses(result)).containsExactly("422 422", "422 422", "422 422", "201 Created");
        assertThat(diagnostics(result, 0)).contains("Bundle.entry[0] (Claim").contains("Claim.patient");
        assertThat(diagnostics(result, 1)).contains("Provenance.target refers to more than one patient");
        assertThat(diagnostics(result, 2)).contains("CareTeam.subject must reference a patient of the writing facility");
    }

    @Test
    void aConditionalReferenceFindsOnlyTheWritersOwnDirectory() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        SyntheaLikeRecords.Directory keys = SyntheaLikeRecords.Directory.fresh();
        clients.fhirFor(port, hospital, "system/*.write").transaction().withBundle(SyntheaLikeRecords.directory(keys))
                .execute();
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");

        assertThatThrownBy(() -> clinicApi.transaction().withBundle(SyntheaLikeRecords.record(clinic,
                FhirRecords.localId(), keys)).execute())
                .as("the hospital's Location, named by its identifier, is not the clinic's to refer to")
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Bundle.entry[1] (Encounter")
                .hasMessageContaining("No resource matches the conditional reference")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(keys.location(), keys.organization()));
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(BaseServerResponseException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
    }

    private static String diagnostics(Bundle result, int index) {
        return ((OperationOutcome) result.getEntry().get(index).getResponse().getOutcome()).getIssueFirstRep()
                .getDiagnostics();
    }

    static List<String> statuses(Bundle response) {
        return response.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
    }

    /** Each entry's {@code Type/id}, without its version. */
    static List<String> locations(Bundle response) {
        return response.getEntry().stream().map(e -> e.getResponse().getLocation())
                .map(l -> l.contains("/_history") ? l.substring(0, l.indexOf("/_history")) : l).toList();
    }

    static Bundle everything(IGenericClient client, long person) {
        return everything(client, String.valueOf(person));
    }

    /** {@code Patient/<id>/$everything}: a person's id, or the id of the caller's own Patient. */
    static Bundle everything(IGenericClient client, String patient) {
        return client.operation().onInstance("Patient/" + patient).named("$everything").withNoParameters(
                Parameters.class).useHttpGet().returnResourceType(Bundle.class).execute();
    }

    static List<String> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
    }
}
