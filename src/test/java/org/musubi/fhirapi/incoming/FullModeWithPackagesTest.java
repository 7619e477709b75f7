package org.musubi.fhirapi.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.record.fhir.StructureRules;
import org.musubi.testing.ClinsPackages;
import org.springframework.util.unit.DataSize;

/**
 * Mode {@code full} with the official JP-CLINS and JP Core packages (../shared/fhir-packages; skipped with a message
 * when absent, CI has them) on every official JP-CLINS example as a request body arrives: each is accepted, except the
 * deliberate error examples, refused with an OperationOutcome whose every issue names the profile broken.
 */
class FullModeWithPackagesTest {

    static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");
    static final FhirContext FHIR = FhirContext.forR4Cached();
    /** Refused: the element and the profile the outcome must name. */
    static final Map<String, List<String>> REFUSED = Map.of(
            "MedicationRequest-ErrorExample-JP-MedReq-ExtEye-Total1.json",
            List.of("MedicationRequest", "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"),
            // A rule of JP-CLINS's the profile does not carry (a local lab code), Musubi's ClinsRules: named all the same.
            "Observation-ErrorExample-ObsLabo-eGFR.json",
            List.of("Observation.code.coding", "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_LabResult_eCS"));

    @Test
    void everyExampleIsAcceptedAndTheErrorExamplesAreRefusedNamingTheirProfile() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "JP-CLINS examples not present: " + EXAMPLES.toAbsolutePath());
        IncomingValidation validation = new IncomingValidation(ClinsPackages.validation(), new StructureRules(FHIR),
                new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10)));
        List<Path> files;
        try (Stream<Path> listed = Files.list(EXAMPLES)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String json = Files.readString(file, StandardCharsets.UTF_8);
            IBaseResource parsed = FHIR.newJsonParser().parseResource(json);
            validation.attach(parsed, json, List.of());
            if (REFUSED.containsKey(name)) {
                assertThatThrownBy(() -> validation.check(parsed)).as(name)
                        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                            List<OperationOutcome.OperationOutcomeIssueComponent> issues =
                                    ((OperationOutcome) e.getOperationOutcome()).getIssue();
                            assertThat(issues).as(name).isNotEmpty().allSatisfy(i -> assertThat(i.getDiagnostics())
                                    .contains("プロファイル " + REFUSED.get(name).get(1))
                                    .contains("profile " + REFUSED.get(name).get(1)));
                            assertThat(issues).extracting(i -> i.getExpression().getFirst().getValue())
                                    .contains(REFUSED.get(name).get(0));
                        });
            } else {
                validation.check(parsed);
            }
        }
    }
}
