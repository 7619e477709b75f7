package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/**
 * The official JP-CLINS examples (../shared/samples/jp-clins-examples/ExampleJson, skipped when
 * absent) through the FHIR API, as the sending hospital: every example is accepted and reads back
 * with the same content, except the deliberate error examples, refused with an OperationOutcome
 * naming the element, and the cases documented in {@link #EXPECTED_REFUSALS} and {@link #ACCEPTED_ERRORS}.
 *
 * <p>One adaptation: the examples' institution code 1318814790 is a dummy whose check digit does not
 * verify, so it cannot be a registered facility; the test writes the hospital's own code in its place.
 */
@MusubiIntegrationTest
class JpClinsExamplesIT extends NetworkFixtures {

    static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");
    static final String SAMPLE_SYSTEM = "urn:oid:1.2.392.100495.20.3.51.11318814790";

    /** Refused on purpose: the element the OperationOutcome must name. */
    static final Map<String, String> EXPECTED_REFUSALS = Map.of(
            "MedicationRequest-ErrorExample-JP-MedReq-ExtEye-Total1.json", "MedicationRequest.medication.coding",
            "Observation-ErrorExample-ObsLabo-eGFR.json", "Observation.code.coding",
            // An excerpt of a document: its subject is a urn:uuid that only means something inside its
            // Bundle; alone, the reference cannot be resolved, so it is refused rather than stored unattached.
            "CarePlan-Example-JP-CarePlan-eCS-HT.json", "CarePlan.subject");

    /**
     * Error examples Musubi accepts, and why: the generic-name code 2124030F2ZZZ is well formed and
     * only wrong against the MHLW generic-name master, which Musubi does not hold yet (the drug master
     * comes with the medication features).
     */
    static final List<String> ACCEPTED_ERRORS = List.of("MedicationRequest-ErrorExample-JP-MedReq-PO-SID-28days.json");

    @Test
    void everyExampleIsAcceptedAndReadBackUnchangedExceptTheDeliberateErrors() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "JP-CLINS examples not present: " + EXAMPLES.toAbsolutePath());
        // a hospital of its own: the examples name their patient by its insured-person number, which must be one patient
        // of the writing facility (other tests send the same examples as the shared hospital)
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IParser parser = clients.context().newJsonParser();
        List<Path> files;
        try (Stream<Path> listed = Files.list(EXAMPLES)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted(Comparator.comparing(JpClinsExamplesIT::order)
                    .thenComparing(Path::toString)).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        int accepted = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String json = Files.readString(file, StandardCharsets.UTF_8)
                    .replace(SAMPLE_SYSTEM, FhirRecords.patientSystem(hospital));
            Resource sent = (Resource) parser.parseResource(json);
            if (EXPECTED_REFUSALS.containsKey(name)) {
                assertThatThrownBy(() -> write(fhir, sent.copy(), name)).as(name)
                        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                                outcomeText((OperationOutcome) e.getOperationOutcome(), e.getMessage()))
                                .contains(EXPECTED_REFUSALS.get(name)));
                continue;
            }
            assertThat(name.contains("ErrorExample") && !ACCEPTED_ERRORS.contains(name)).as(name).isFalse();
            String id = write(fhir, sent.copy(), name);
            Resource back = (Resource) fhir.read().resource(sent.fhirType()).withId(id).execute();
            assertThat(normalised(back).equalsDeep(normalised(sent))).as(name + " reads back with the same content:\n"
                    + parser.encodeResourceToString(normalised(back))).isTrue();
            accepted++;
        }
        assertThat(accepted).isEqualTo(files.size() - EXPECTED_REFUSALS.size());
        Bundle compositions = fhir.search().forResource(Composition.class)
                .where(Composition.PATIENT.hasId("Patient/" + FhirRecords.patientIdFor(fhir, hospital, "000999739")))
                .returnBundle(Bundle.class).execute();
        assertThat(compositions.getTotal()).as("the documents' Compositions are searchable").isGreaterThanOrEqualTo(2);
    }

    /** Patients first (others refer to them), Bundles last (their Patient entries update the patient). */
    static int order(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("Patient-Example-JP-Patient-eCS-MAKINO")) {
            return 0;
        }
        return name.startsWith("Patient") ? 1 : name.startsWith("Bundle") ? 3 : 2;
    }

    private static String write(IGenericClient fhir, Resource resource, String name) {
        if (name.startsWith("Patient-Example-JP-Patient-eCS-MAKINO")) {
            return fhir.update().resource(resource).execute().getId().getIdPart();
        }
        resource.setId((String) null);
        return fhir.create().resource(resource).execute().getId().getIdPart();
    }

    private static Resource normalised(Resource resource) {
        Resource copy = resource.copy();
        copy.setId((String) null);
        copy.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
        return copy;
    }

    private static String outcomeText(OperationOutcome outcome, String message) {
        StringBuilder text = new StringBuilder(message);
        if (outcome != null) {
            outcome.getIssue().forEach(i -> text.append(' ').append(i.getDiagnostics()).append(' ').append(i.getExpression()));
        }
        return text.toString();
    }
}
