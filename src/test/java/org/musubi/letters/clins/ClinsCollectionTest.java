package org.musubi.letters.clins;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.profiles.ProfilePackages;
import org.musubi.testing.ClinsPackages;

/**
 * The 6-item collection made of stored resources (here the official examples, as a facility's EHR sends them, and a
 * lab result written the way Musubi's lab import writes one) validates against the official packages, one JP-CLINS
 * collection Bundle per item, 感染症 told apart from the other labs by JP-CLINS's infection code system.
 */
class ClinsCollectionTest {

    static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");
    static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    static Resource example(String name) {
        try {
            return (Resource) JSON.parseResource(Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HBs antigen result as an EHR sends it without JP-CLINS's own markings: JLAC10 by OID, HL7's category, the
     * visit and department, no profile, no resource identifier, no institution number (Musubi adds those three).
     */
    static Observation hbsAntigen() {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        o.setId("Observation/901");
        org.hl7.fhir.r4.model.Encounter visit = new org.hl7.fhir.r4.model.Encounter();
        visit.setId("visit");
        visit.getMeta().addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter");
        visit.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding(FhirSystems.ACT_CODE, "AMB", "外来"));
        o.addContained(visit);
        o.setEncounter(new org.hl7.fhir.r4.model.Reference("#visit"));
        org.hl7.fhir.r4.model.Specimen serum = new org.hl7.fhir.r4.model.Specimen();
        serum.setId("serum");
        serum.getMeta().addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Specimen");
        serum.setType(new CodeableConcept().setText("血清"));
        o.addContained(serum);
        o.setSpecimen(new org.hl7.fhir.r4.model.Reference("#serum"));
        o.addExtension(FhirSystems.JP_ECS_DEPARTMENT, new CodeableConcept(new Coding(FhirSystems.DEPARTMENT, "01", "内科")));
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "laboratory", "Laboratory")));
        o.setCode(new CodeableConcept(new Coding(FhirSystems.JLAC10_OID, "5F016141002305151", "HBs抗原")).setText("HBs抗原"));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-01T09:00:00+09:00"));
        o.setValue(new Quantity().setValue(0.02).setUnit("S/CO"));
        return o;
    }

    @Test
    void theSixItemsOfTheOfficialExamplesAndAnImportedLabValidateOneBundlePerItem() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "JP-CLINS examples not present: " + EXAMPLES.toAbsolutePath());
        List<Resource> stored = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.map(p -> p.getFileName().toString()).sorted()
                    .filter(n -> !n.contains("ErrorExample") && !n.contains("Contained")
                            && (n.startsWith("Condition-") || n.startsWith("AllergyIntolerance-")
                            || n.startsWith("Observation-") || n.startsWith("MedicationRequest-")))
                    .forEach(n -> stored.add(example(n)));
        }
        stored.add(hbsAntigen());
        Patient patient = (Patient) example("Patient-Example-JP-Patient-eCS-MAKINO.json");
        Bundle collection = ClinsCollection.collection(patient, "000999739", "1318814790", stored,
                Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(collection.getEntry()).extracting(e -> ((Bundle) e.getResource()).getIdentifier().getValue())
                .containsExactly("1318814790^2026^6-DX-000999739", "1318814790^2026^6-AL-000999739",
                        "1318814790^2026^6-CI-000999739", "1318814790^2026^6-IN-000999739", "1318814790^2026^6-LB-000999739",
                        "1318814790^2026^6-RX-000999739");
        Bundle infections = (Bundle) collection.getEntry().get(3).getResource();
        assertThat(infections.getEntry()).as("the patient, then the HBs antigen only").hasSize(2);
        assertThat(((Observation) infections.getEntry().get(1).getResource()).getCode().getText()).isEqualTo("HBs抗原");
        Bundle labs = (Bundle) collection.getEntry().get(4).getResource();
        assertThat(labs.getEntry()).as("the patient, then the examples' labs that name their visit and department")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(labs.getEntry().stream().skip(1).map(e -> (Observation) e.getResource()))
                .noneMatch(InfectionLabs::infection);
        assertThat(infections.getMeta().getTag()).extracting(Coding::getCode).containsExactly("Observation");
        for (Bundle.BundleEntryComponent entry : collection.getEntry()) {
            Bundle item = (Bundle) entry.getResource();
            assertThat(ClinsPackages.validation().checkJson(JSON.encodeResourceToString(item)))
                    .as(item.getIdentifier().getValue()).isEmpty();
        }
    }

    /**
     * 疑い as JP-CLINS writes it: a sender's {@code provisional} (a kind of {@code unconfirmed}, as a receipt imported
     * before 2026-11-28 or a FHIR sender may have stored it) is served as {@code unconfirmed}; other statuses as sent.
     */
    @Test
    void aSuspectedDiagnosisIsServedUnconfirmed() {
        org.hl7.fhir.r4.model.Condition provisional = new org.hl7.fhir.r4.model.Condition();
        provisional.setId("Condition/7");
        provisional.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION, "provisional", null)));
        org.hl7.fhir.r4.model.Condition confirmed = provisional.copy();
        confirmed.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION, "confirmed", null)));

        var servedSuspected = (org.hl7.fhir.r4.model.Condition) ClinsCollection.served(provisional, "1318814790",
                "urn:uuid:p", Instant.parse("2026-11-20T01:00:00Z"));
        var servedConfirmed = (org.hl7.fhir.r4.model.Condition) ClinsCollection.served(confirmed, "1318814790",
                "urn:uuid:p", Instant.parse("2026-11-20T01:00:00Z"));

        assertThat(servedSuspected.getVerificationStatus().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FhirSystems.CONDITION_VERIFICATION, "unconfirmed"));
        assertThat(provisional.getVerificationStatus().getCodingFirstRep().getCode()).as("the stored one unchanged")
                .isEqualTo("provisional");
        assertThat(servedConfirmed.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
    }

    @Test
    void theInfectionTableMatchesJpClinsInfectionCodeSystem() {
        ClinsPackages.assumePresent();
        ProfilePackages packages = ProfilePackages.load(FhirContext.forR4Cached(), ClinsPackages.FILES);
        CodeSystem infection = packages.codeSystem(InfectionLabs.INFECTION_SYSTEM);
        CodeSystem core = packages.codeSystem("http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS");
        List<String> infectionCodes = jlac10(infection.getConcept());
        List<String> coreCodes = jlac10(core.getConcept());
        assertThat(infectionCodes).hasSizeGreaterThan(200).allMatch(c -> InfectionLabs.infection(new Coding(FhirSystems.JLAC10, c, null)));
        assertThat(coreCodes).hasSizeGreaterThan(50).noneMatch(c -> InfectionLabs.infection(new Coding(FhirSystems.JLAC10, c, null)));
    }

    private static List<String> jlac10(List<CodeSystem.ConceptDefinitionComponent> concepts) {
        List<String> codes = new ArrayList<>();
        for (CodeSystem.ConceptDefinitionComponent c : concepts) {
            if (c.getCode().matches("[0-9][0-9A-Z]{16}")) {
                codes.add(c.getCode());
            }
            codes.addAll(jlac10(c.getConcept()));
        }
        return codes;
    }
}
