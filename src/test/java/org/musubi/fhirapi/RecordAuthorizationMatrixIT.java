package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.testing.FhirRecords.HBA1C;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The record store's authorisation matrix, generated: every consent/link state × every reader ×
 * every interaction, each checked against a small oracle of who may see what. Hospitals A and B each
 * hold one Observation of the same person; clinic C is the viewing facility (A, which never linked the person with the
 * card, searches through its own Patient). Zero leaks: a refused
 * read is the same 404 as a read of nothing, a search shows only what the oracle allows (totals and paging
 * included), a facility never changes another's data (and is told only that there is nothing of its own
 * there), and every interaction leaves exactly one audit row for the patient.
 */
@MusubiIntegrationTest
class RecordAuthorizationMatrixIT extends NetworkFixtures {

    enum State { NONE, CONSENT_ONLY, LINK_ONLY, CONSENT_AND_LINK, DISCLOSURE_CARD_A, BLOCKED_C, WITHDRAWN, LINK_ENDED }

    enum Reader { A, C }

    enum Interaction { READ_A, READ_B, VREAD_A, HISTORY_A, SEARCH, SEARCH_PAGED, EVERYTHING, UPDATE_FOREIGN, DELETE_FOREIGN }

    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;

    /** The oracle: own data always; C sees A's and B's data only under consent and a live link. */
    static boolean visible(State state, Reader reader, String source) {
        if (reader.name().equals(source)) {
            return true;
        }
        return reader == Reader.C && (state == State.CONSENT_AND_LINK
                || (state == State.DISCLOSURE_CARD_A && source.equals("A")));
    }

    @TestFactory
    List<DynamicTest> zeroLeaksAndOneAuditRowPerInteraction() {
        List<Facility> hospitals = facilities.search(null, FacilityKind.HOSPITAL, null, new PageRequest(1, 2)).items();
        Map<String, Facility> sites = Map.of("A", hospitals.get(0), "B", hospitals.get(1),
                "C", accounts.facilityOf(FacilityKind.CLINIC));
        Map<String, IGenericClient> apis = Map.of(
                "A", clients.fhirFor(port, sites.get("A"), "system/*.read", "system/*.write"),
                "B", clients.fhirFor(port, sites.get("B"), "system/*.read", "system/*.write"),
                "C", clients.fhirFor(port, sites.get("C"), "system/*.read", "system/*.write"));
        List<DynamicTest> tests = new ArrayList<>();
        for (State state : State.values()) {
            Fixture fixture = fixture(state, sites, apis);
            for (Reader reader : Reader.values()) {
                for (Interaction interaction : EnumSet.allOf(Interaction.class)) {
                    tests.add(DynamicTest.dynamicTest(state + " " + reader + " " + interaction,
                            () -> check(fixture, state, reader, interaction, apis.get(reader.name()))));
                }
            }
        }
        return tests;
    }

    private void check(Fixture f, State state, Reader reader, Interaction interaction, IGenericClient api) {
        long before = audit.max();
        switch (interaction) {
            case READ_A -> expectRead(visible(state, reader, "A"), () -> api.read().resource(Observation.class)
                    .withId(f.observationA()).execute());
            case READ_B -> expectRead(visible(state, reader, "B"), () -> api.read().resource(Observation.class)
                    .withId(f.observationB()).execute());
            case VREAD_A -> expectRead(visible(state, reader, "A"), () -> api.read().resource(Observation.class)
                    .withIdAndVersion(f.observationA(), "1").execute());
            case HISTORY_A -> expectRead(visible(state, reader, "A"), () -> api.history()
                    .onInstance("Observation/" + f.observationA()).returnBundle(Bundle.class).execute());
            case SEARCH, SEARCH_PAGED -> expectSearch(f, state, reader, api, interaction == Interaction.SEARCH_PAGED);
            case EVERYTHING -> expectEverything(f, state, reader, api);
            case UPDATE_FOREIGN, DELETE_FOREIGN -> expectNoForeignChange(f, reader, interaction, api);
        }
        assertThat(audit.forPatient(before, f.regionalId())).as("audit rows of " + interaction).hasSize(1);
    }

    private static void expectRead(boolean allowed, Runnable read) {
        Integer status = statusOf(read);
        assertThat(status).as(allowed ? "permitted read" : "refused read").isEqualTo(allowed ? 200 : 404);
    }

    private static void expectSearch(Fixture f, State state, Reader reader, IGenericClient api, boolean paged) {
        List<String> expected = new ArrayList<>();
        if (visible(state, reader, "A")) {
            expected.add(f.observationA());
        }
        if (visible(state, reader, "B")) {
            expected.add(f.observationB());
        }
        var query = api.search().forResource(Observation.class).where(Observation.PATIENT.hasId(f.patientFor(reader)));
        Bundle bundle = (paged ? query.count(1) : query).returnBundle(Bundle.class).execute();
        assertThat(bundle.getTotal()).isEqualTo(expected.size());
        List<String> ids = bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
        assertThat(expected).containsAll(ids);
        assertThat(ids).hasSize(paged ? Math.min(1, expected.size()) : expected.size());
        assertThat(bundle.getLink(Bundle.LINK_NEXT) != null).isEqualTo(paged && expected.size() > 1);
    }

    private static void expectEverything(Fixture f, State state, Reader reader, IGenericClient api) {
        Bundle bundle;
        try {
            bundle = api.operation().onInstance(f.patientFor(reader)).named("$everything")
                    .withNoParameters(Parameters.class).useHttpGet()
                    .returnResourceType(Bundle.class).execute();
        } catch (BaseServerResponseException e) {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(visible(state, reader, "A") || visible(state, reader, "B")).as("refused everything").isFalse();
            return;
        }
        List<String> observations = bundle.getEntry().stream().filter(e -> e.getResource() instanceof Observation)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
        List<String> expected = new ArrayList<>();
        if (visible(state, reader, "A")) {
            expected.add(f.observationA());
        }
        if (visible(state, reader, "B")) {
            expected.add(f.observationB());
        }
        assertThat(observations).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void expectNoForeignChange(Fixture f, Reader reader, Interaction interaction, IGenericClient api) {
        String foreign = reader == Reader.A ? f.observationB() : f.observationA();
        Integer status = statusOf(() -> {
            if (interaction == Interaction.DELETE_FOREIGN) {
                api.delete().resourceById("Observation", foreign).execute();
            } else {
                Observation tampered = FhirRecords.lab(f.sites().get("A"), "x", HBA1C, "2024-01-01", 99);
                tampered.setId("Observation/" + foreign);
                tampered.setSubject(new Reference("Patient/" + f.personId()));
                api.update().resource(tampered).execute();
            }
        });
        assertThat(status).isIn(404);
    }

    private static Integer statusOf(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (BaseServerResponseException e) {
            return e.getStatusCode();
        }
    }

    private Fixture fixture(State state, Map<String, Facility> sites, Map<String, IGenericClient> apis) {
        String localA = FhirRecords.localId();
        String ownA = FhirRecords.registerPatient(apis.get("A"), sites.get("A"), localA, "マトリクス");
        long person = clients.personOf(sites.get("A"), localA);
        SourcePatient atB = identities.receive(new SourcePatient(0, sites.get("B").id(), FhirRecords.localId(), null, null,
                "マトリクス", "ビー", Sex.FEMALE, LocalDate.of(1931, 7, 1), null, null, null));
        long admin = accounts.networkAdmin().id();
        identities.link(atB.id(), person, LinkMethod.OPERATOR, admin, "matrix fixture");
        String obsA = FhirRecords.create(apis.get("A"), FhirRecords.lab(sites.get("A"), localA, HBA1C, "2024-04-01", 6.5));
        Observation atBObservation = FhirRecords.lab(sites.get("B"), atB.localId(), HBA1C, "2024-04-02", 6.6);
        String obsB = FhirRecords.create(apis.get("B"), atBObservation);
        apply(state, person, sites, admin);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        return new Fixture(person, regionalId, obsA, obsB, sites, ownA);
    }

    private void apply(State state, long person, Map<String, Facility> sites, long admin) {
        long c = sites.get("C").id();
        Function<ConsentScope, Consent> consent = scope -> consents.grant(person, scope,
                scope == ConsentScope.ONE_FACILITY ? sites.get("A").id() : null, Set.of(Purpose.TREATMENT), admin,
                sites.get("A").id());
        switch (state) {
            case NONE -> { }
            case CONSENT_ONLY -> consent.apply(ConsentScope.ALL_FACILITIES);
            case LINK_ONLY -> consents.link(person, c, admin);
            case CONSENT_AND_LINK -> {
                consent.apply(ConsentScope.ALL_FACILITIES);
                consents.link(person, c, admin);
            }
            case DISCLOSURE_CARD_A -> {
                consent.apply(ConsentScope.ONE_FACILITY);
                consents.link(person, c, admin);
            }
            case BLOCKED_C -> {
                consent.apply(ConsentScope.ALL_FACILITIES);
                consents.link(person, c, admin);
                consents.block(person, c, admin);
            }
            case WITHDRAWN -> {
                consents.withdraw(consent.apply(ConsentScope.ALL_FACILITIES).id(), admin);
                consents.link(person, c, admin);
            }
            case LINK_ENDED -> {
                consent.apply(ConsentScope.ALL_FACILITIES);
                consents.link(person, c, admin);
                consents.endLink(person, c, admin);
            }
        }
    }

    /**
     * @param ownPatientA the id of hospital A's own Patient: how A, which has no link made with the card, names its
     *     patient (by the person's id it gets what a facility without their data gets, issue 37)
     */
    record Fixture(long personId, String regionalId, String observationA, String observationB,
                   Map<String, Facility> sites, String ownPatientA) {

        /** The patient a search or {@code $everything} of this reader names: A its own Patient, C the person. */
        String patientFor(Reader reader) {
            return "Patient/" + (reader == Reader.A ? ownPatientA : String.valueOf(personId));
        }
    }
}
