package org.musubi.fhirapi.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.fhirapi.bundle.EntryRefusals;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.Fault;
import org.musubi.record.fhir.StructureRules;
import org.musubi.testing.Validators;
import org.springframework.util.unit.DataSize;

class IncomingValidationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final StructureRules RULES = new StructureRules(FHIR);

    @Test
    void fullModeRefusesWithAnOutcomeNamingTheElementInJapaneseThenEnglish() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));

        assertThatThrownBy(() -> validation.check(observation(null)))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome.OperationOutcomeIssueComponent issue =
                            ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
                    assertThat(issue.getExpression()).extracting(s -> s.getValue()).containsExactly("Observation.status");
                    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.REQUIRED);
                    assertThat(issue.getDiagnostics()).startsWith("Observation.status: 必須の要素がありません / ");
                });
    }

    @Test
    void rulesModeSkipsTheBaseValidatorButKeepsMusubisRules() {
        BaseValidation base = new BaseValidation(FHIR);
        IncomingValidation validation = new IncomingValidation(base, RULES, mode("rules"));
        Observation clinsLab = observation(Observation.ObservationStatus.FINAL);
        clinsLab.getMeta().addProfile("http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_LabResult_eCS");

        validation.check(observation(null));
        assertThatThrownBy(() -> validation.check(clinsLab)).isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Observation.code.coding");
        assertThat(base.ready()).as("the HAPI validator was never built").isFalse();
    }

    @Test
    void standardModeRefusesWhatBreaksBaseR4sStructureWithoutBuildingHapisValidator() {
        BaseValidation base = new BaseValidation(FHIR);
        IncomingValidation validation = new IncomingValidation(base, RULES, mode("standard"));
        String json = """
                {"resourceType":"Bundle","type":"batch","entry":[
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000001","request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","status":"final","code":{"text":"HbA1c"}}},
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000002","request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","code":{"text":"LDL","colour":"red"}}}]}""";
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);

        validation.attach(bundle, json, List.of());

        validation.checkBundle(bundle);
        validation.check(bundle.getEntry().get(0).getResource());
        assertThatThrownBy(() -> validation.check(bundle.getEntry().get(1).getResource()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssue()).extracting(i -> i.getExpression().getFirst().getValue())
                        .containsExactlyInAnyOrder("Observation.code.colour", "Observation.status"));
        assertThatThrownBy(() -> validation.check(observation(null))).as("a resource that came without a body")
                .hasMessageContaining("Observation.status: 必須の要素がありません");
        assertThat(base.ready()).as("the HAPI validator was never built").isFalse();
    }

    @Test
    void fullModeFallsBackToTheStructureRulesWhereHapisValidatorFailsItself() {
        String json = """
                {"resourceType":"Observation","status":"final","code":{"text":"HbA1c"},
                 "subject":{"reference":"Patient?identifier=http://hospital.smarthealthit.org|123"}}""";
        String broken = json.replace("\"status\":\"final\",", "");
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        Assertions.assertThatRuntimeException().as("HAPI's validator throws on this reference")
                .isThrownBy(() -> Validators.shared().checkJson(json));

        Observation parsed = FHIR.newJsonParser().parseResource(Observation.class, json);
        validation.attach(parsed, json, List.of());
        validation.check(parsed);
        Observation refused = FHIR.newJsonParser().parseResource(Observation.class, broken);
        validation.attach(refused, broken, List.of());
        assertThatThrownBy(() -> validation.check(refused)).isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Observation.status");
    }

    @Test
    void aBodyIsValidatedOnceAndEachEntryKeepsItsOwnFaults() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        String json = """
                {"resourceType":"Bundle","type":"batch","entry":[
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000001","request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","status":"final","code":{"text":"HbA1c"}}},
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000002","request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","status":"final","code":{"text":"LDL","colour":"red"}}}]}""";
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);

        validation.attach(bundle, json, List.of());

        validation.checkBundle(bundle);
        validation.check(bundle.getEntry().get(0).getResource());
        assertThatThrownBy(() -> validation.check(bundle.getEntry().get(1).getResource()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression())
                        .extracting(s -> s.getValue()).containsExactly("Observation.code.colour"));
        Bundle copied = BodyFaults.copyOf(bundle);
        assertThatThrownBy(() -> validation.check(copied.getEntry().get(1).getResource()))
                .as("a copy keeps what the body's validation found").hasMessageContaining("Observation.code.colour");
    }

    @Test
    void aPostEntryWithoutFullUrlMayHoldReferencesAsR4AllowsButAPutMayNot() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        String json = """
                {"resourceType":"Bundle","type":"batch","entry":[
                 {"request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","status":"final","code":{"text":"HbA1c"},
                   "subject":{"reference":"Patient/p1"}}},
                 {"request":{"method":"PUT","url":"Observation/a1"},
                  "resource":{"resourceType":"Observation","id":"a1","status":"final","code":{"text":"LDL"},
                   "subject":{"reference":"Patient/p1"}}}]}""";
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);

        validation.attach(bundle, json, List.of());

        validation.check(bundle.getEntry().get(0).getResource());
        assertThatThrownBy(() -> validation.checkBundle(bundle)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue())
                        .extracting(i -> i.getExpression().getFirst().getValue()).containsExactly("Bundle.entry[1]"));
    }

    @Test
    void anEntrysRefusalNamesTheEntryAndTheElementFromTheBundle() {
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
                .setFullUrl("urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000003").setResource(observation(null));
        UnprocessableEntityException refusal = IncomingValidation.refusal(List.of(new Fault(
                "Observation.status", "required", "必須の要素がありません", "minimum required = 1")));

        var named = EntryRefusals.named(3, entry, refusal);

        OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) named.getOperationOutcome()).getIssueFirstRep();
        assertThat(named.getStatusCode()).isEqualTo(422);
        assertThat(issue.getExpression()).extracting(s -> s.getValue()).containsExactly("Bundle.entry[3].resource.status");
        assertThat(issue.getDiagnostics()).isEqualTo("Bundle.entry[3] (Observation, urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000003): "
                + "Observation.status: 必須の要素がありません / minimum required = 1");
    }

    @Test
    void aLanguageInIso639IsStoredWithAWarningNamingTheElement() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        Patient patient = patientSpeaking("urn:iso:std:iso:639-1", "en");

        validation.check(patient);

        assertThat(ValidationWarnings.of(patient)).singleElement().satisfies(w -> {
            assertThat(w.element()).isEqualTo("Patient.communication[0].language");
            assertThat(w.diagnostics()).startsWith("Patient.communication[0].language: 既知の差異 language-iso-639-system：");
        });
        OperationOutcome.OperationOutcomeIssueComponent issue = ValidationWarnings.outcome(patient, e -> e, d -> d)
                .getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.CODEINVALID);
        assertThat(issue.getExpression()).extracting(s -> s.getValue()).containsExactly("Patient.communication[0].language");
    }

    @Test
    void withTheDeviationDisabledByPropertyTheSameLanguageIsRefused() {
        IncomingValidation none = new IncomingValidation(Validators.shared(), RULES, deviations("none"));
        IncomingValidation other = new IncomingValidation(Validators.shared(), RULES, deviations("language-outside-common-languages"));

        for (IncomingValidation validation : List.of(none, other)) {
            assertThatThrownBy(() -> validation.check(patientSpeaking("urn:iso:std:iso:639-1", "en")))
                    .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                        OperationOutcome.OperationOutcomeIssueComponent issue =
                                ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
                        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
                        assertThat(issue.getExpression()).extracting(s -> s.getValue())
                                .containsExactly("Patient.communication[0].language");
                    });
        }
        Patient vietnamese = patientSpeaking("urn:ietf:bcp:47", "vi");
        other.check(vietnamese);
        assertThat(ValidationWarnings.of(vietnamese)).hasSize(1);
    }

    @Test
    void aRealErrorStillRefusesBesideATolerantDeviationAndOnlyTheErrorIsNamed() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        String json = """
                {"resourceType":"Patient","gender":"M","communication":[
                 {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"vi"}]}}]}""";
        Patient patient = FHIR.newJsonParser().parseResource(Patient.class, json.replace("\"M\"", "\"male\""));
        validation.attach(patient, json, List.of());

        assertThatThrownBy(() -> validation.check(patient)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue())
                        .allSatisfy(i -> assertThat(i.getExpression().getFirst().getValue()).isEqualTo("Patient.gender")));
        assertThat(ValidationWarnings.of(patient)).isEmpty();
    }

    @Test
    void aBundlesEntriesKeepTheirOwnWarnings() {
        IncomingValidation validation = new IncomingValidation(Validators.shared(), RULES, mode("full"));
        String json = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000011","request":{"method":"POST","url":"Patient"},
                  "resource":{"resourceType":"Patient","language":"ja-JP"}},
                 {"fullUrl":"urn:uuid:0b6d1a56-8a43-4c8b-9c1e-000000000012","request":{"method":"POST","url":"Observation"},
                  "resource":{"resourceType":"Observation","status":"final","code":{"text":"HbA1c"}}}]}""";
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        validation.attach(bundle, json, List.of());

        validation.checkBundle(bundle);
        bundle.getEntry().forEach(e -> validation.check(e.getResource()));

        assertThat(ValidationWarnings.of(bundle.getEntry().get(0).getResource())).extracting(f -> f.element())
                .containsExactly("Patient.language");
        assertThat(ValidationWarnings.of(bundle.getEntry().get(1).getResource())).isEmpty();
    }

    private static Patient patientSpeaking(String system, String code) {
        Patient patient = new Patient();
        patient.addCommunication().getLanguage().addCoding().setSystem(system).setCode(code);
        return patient;
    }

    private static Observation observation(Observation.ObservationStatus status) {
        Observation observation = new Observation().setStatus(status);
        observation.getCode().setText("HbA1c");
        return observation;
    }

    private static FhirApiProperties mode(String validation) {
        return new FhirApiProperties("urn:musubi:regional-id", 20, validation, DataSize.ofMegabytes(10));
    }

    private static FhirApiProperties deviations(String... tolerated) {
        return new FhirApiProperties("urn:musubi:regional-id", 20, "full", DataSize.ofMegabytes(10), List.of(tolerated));
    }
}
