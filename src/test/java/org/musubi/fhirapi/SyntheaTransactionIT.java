package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.systems.DeclareIdentifierSystem;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.SyntheaBundles;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Synthea's Bundles go in as Synthea writes them (issue 24, "done when"): the hospital and practitioner information
 * Bundles (batches), then each patient's transaction, unmodified; only Synthea's MRN system is declared as the
 * facility's patient IDs. Every entry is stored, the Vietnamese speaker's language is answered with a warning, and
 * {@code $everything} of each patient returns every resource of its Bundle with its references intact.
 */
@MusubiIntegrationTest
class SyntheaTransactionIT extends NetworkFixtures {

    static final String SYNTHEA_MRN = "https://github.com/synthetichealth/synthea";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeclareIdentifierSystem declare;

    @Test
    void generatedBundlesGoInUnmodifiedAndEverythingGivesBackEveryResourceWithItsReferences() throws IOException {
        List<Path> files = SyntheaBundles.generate(SyntheaBundles.HONOLULU, SyntheaPatientIT.GENERATED);
        Facility hospital = accounts.newHospital();
        declarePatientIds(hospital, SYNTHEA_MRN);
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        boolean warned = false;

        for (Path file : files) {
            String sent = Files.readString(file);
            JsonNode bundle = JSON.readTree(sent);
            long before = audit.max();

            Bundle response = clients.context().newJsonParser().parseResource(Bundle.class,
                    fhir.transaction().withBundle(sent).execute());

            assertThat(response.getEntry()).as(file.getFileName() + ": one answer per entry")
                    .hasSize(bundle.path("entry").size());
            assertThat(response.getEntry()).as(file.getFileName() + ": every entry stored")
                    .allSatisfy(e -> assertThat(e.getResponse().getStatus()).matches("20[01] .*"));
            Set<String> stored = locations(response);
            assertThat(audit.rows(before, client.client().clientId()).stream()
                    .flatMap(row -> row.resourceIds().stream().map(id -> id.contains("/") ? id : row.resourceType() + "/" + id))
                    .map(id -> id.replaceAll("/_history/.*", "")).toList())
                    .as(file.getFileName() + ": every stored resource is named by the write's audit rows")
                    .containsAll(stored);
            for (Bundle.BundleEntryComponent e : response.getEntry()) {
                if (e.getResponse().getOutcome() instanceof OperationOutcome outcome) {
                    assertThat(outcome.getIssue()).allSatisfy(i -> assertThat(i.getSeverity())
                            .isEqualTo(OperationOutcome.IssueSeverity.WARNING));
                    warned |= outcome.getIssue().stream().anyMatch(i -> i.getDiagnostics()
                            .contains("language-outside-common-languages"));
                }
            }
            if (!"transaction".equals(bundle.path("type").asString())) {
                continue; // the hospital and practitioner information Bundles are batches of directory resources
            }
            String patient = response.getEntry().stream().map(e -> e.getResponse().getLocation())
                    .filter(l -> l.startsWith("Patient/")).findFirst().orElseThrow().replaceAll("/_history/.*", "");
            // the hospital never linked the person with the card: PIXm answers its own Patient, and its record is read
            // through it (an automatic match tells it nothing of the person, issue 37) ...
            if (heldForReview(hospital, patient)) {
                // ... unless 名寄せ held the patient for an operator: Synthea's names are Latin, which it does not
                // compare, so a person another test of this JVM made with the same birth date and sex is a possible
                // match (seen once in a full run). Such a patient belongs to no person yet: PIXm finds no one.
                assertThatThrownBy(() -> ownPatientByPixm(fhir, patient)).as(file.getFileName() + ": PIXm of a patient"
                        + " held for review").isInstanceOfSatisfying(BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(404));
            } else {
                assertThat(ownPatientByPixm(fhir, patient)).as(file.getFileName() + ": PIXm answers the hospital's own Patient")
                        .isEqualTo(patient);
            }
            List<Resource> everything = everything(fhir, patient.substring("Patient/".length()));
            Set<String> returned = new HashSet<>();
            everything.forEach(r -> returned.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));

            assertThat(returned).as(file.getFileName() + ": $everything returns every resource of the Bundle")
                    .containsAll(stored);
            assertThat(references(everything)).as(file.getFileName() + ": references intact")
                    .allSatisfy(ref -> {
                        assertThat(ref).doesNotStartWith("urn:uuid:").doesNotContain("?");
                        if (!returned.contains(ref)) {
                            assertThat(fhir.read().resource(ref.substring(0, ref.indexOf('/')))
                                    .withId(ref.substring(ref.indexOf('/') + 1)).execute()).isNotNull();
                        }
                    });
        }
        assertThat(warned).as("the Vietnamese speaker's language was answered with a warning").isTrue();
    }

    /** As an operator would: {@code system} declared one of the facility's patient-ID systems. */
    private void declarePatientIds(Facility facility, String system) {
        declare.declare(Administrator.of(accounts.networkAdmin()), facility.id(), system);
    }

    private static Set<String> locations(Bundle response) {
        Set<String> ids = new LinkedHashSet<>();
        response.getEntry().forEach(e -> ids.add(e.getResponse().getLocation().replaceAll("/_history/.*", "")));
        return ids;
    }

    /**
     * Whether 名寄せ held the hospital's patient for an operator's review, on a possible match with a person of another
     * facility only (a look-alike another test made), below the automatic link's score.
     */
    private boolean heldForReview(Facility hospital, String patient) {
        return jdbc.sql("""
                SELECT count(*) FROM match_review r JOIN source_patient s ON s.id = r.source_patient_id
                JOIN resource p ON p.patient_key = s.id AND p.type = 'Patient' AND p.id = ?
                WHERE s.facility_id = ? AND r.status = 'OPEN' AND r.reasons = ARRAY['SCORE_BELOW_AUTO_LINK']
                AND NOT EXISTS (SELECT 1 FROM match_review_candidate c JOIN person_link l ON l.person_id = c.person_id
                    JOIN source_patient o ON o.id = l.source_patient_id WHERE c.review_id = r.id AND o.facility_id = ?)""")
                .params(patient.substring("Patient/".length()), hospital.id(), hospital.id()).query(Long.class).single() > 0;
    }

    /** The Patient PIXm answers for the facility's Patient, asked by its Synthea MRN (the facility's declared system). */
    private static String ownPatientByPixm(IGenericClient fhir, String patient) {
        Patient source = fhir.read().resource(Patient.class)
                .withId(patient.substring("Patient/".length())).execute();
        String mrn = source.getIdentifier().stream().filter(i -> SYNTHEA_MRN.equals(i.getSystem())).findFirst()
                .orElseThrow().getValue();
        Parameters answer = fhir.operation().onType("Patient").named("$ihe-pix")
                .withSearchParameter(Parameters.class, "sourceIdentifier",
                        new TokenParam(SYNTHEA_MRN, mrn))
                .useHttpGet().execute();
        return ((Reference) answer.getParameter("targetId").getValue()).getReference();
    }

    /** Every resource of the person's {@code $everything}, page after page. */
    private static List<Resource> everything(IGenericClient fhir, String patient) {
        List<Resource> all = new ArrayList<>();
        Bundle page = fhir.operation().onInstance(new IdType("Patient", patient)).named("$everything")
                .withNoParameters(Parameters.class).useHttpGet().returnResourceType(Bundle.class).execute();
        while (page != null) {
            page.getEntry().forEach(e -> all.add(e.getResource()));
            page = page.getLink(Bundle.LINK_NEXT) == null ? null : fhir.loadPage().next(page).execute();
        }
        return all;
    }

    /** Every reference the resources hold, as written. */
    private List<String> references(List<Resource> resources) {
        FhirTerser terser = clients.context().newTerser();
        List<String> refs = new ArrayList<>();
        for (Resource r : resources) {
            terser.getAllPopulatedChildElementsOfType(r, Reference.class).stream().map(Reference::getReference)
                    .filter(ref -> ref != null && !ref.startsWith("#")).forEach(refs::add);
        }
        return refs;
    }
}
