package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musubi.identity.Person;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.fhir.ClinicalEntry;
import org.musubi.synth.fhir.ClinicalRecordGenerator;
import org.musubi.testing.Validators;

class StructureRulesTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private final StructureRules rules = new StructureRules(R4);

    @Test
    void findsNothingInTheSyntheticRecordsHapisValidatorAlsoPasses() {
        ClinicalRecordGenerator generator = new ClinicalRecordGenerator();
        List<Person> persons = new SyntheticNetworkGenerator().persons(7, 3, 34).toList();
        List<String> bodies = new ArrayList<>();
        for (int p = 0; p < persons.size(); p++) {
            String patientUrl = ClinicalRecordGenerator.urnUuid(new SplittableRandom(p));
            Patient patient = generator.patient(persons.get(p), "urn:oid:1.2.392.100495.20.3.51.11310000001", "P" + p);
            List<ClinicalEntry> entries = generator.record(p, patientUrl, "P" + p, 60, LocalDate.of(2020, 4, 1), LocalDate.of(2025, 3, 31));
            Bundle transaction = generator.transaction(patient, patientUrl, entries);
            bodies.add(R4.newJsonParser().encodeResourceToString(transaction));
        }
        for (String body : bodies) {
            assertThat(Validators.shared().checkJson(body)).isEmpty();
            assertThat(rules.check(body)).isEmpty();
        }
    }

    /** Each body breaks one rule; both checkers refuse it, and this one names the element given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing status           | {"resourceType":"Observation","code":{"text":"HbA1c"}}                                                      | Observation.status                  | required
            status not in value set  | {"resourceType":"Observation","status":"bogus","code":{"text":"HbA1c"}}                                     | Observation.status                  | code-invalid
            unknown element          | {"resourceType":"Observation","status":"final","code":{"coding":[{"code":"x","colour":"red"}]}}              | Observation.code.coding[0].colour   | structure
            array for a single value | {"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":[{"reference":"Patient/1"}]}    | Observation.subject                 | structure
            single for an array      | {"resourceType":"Observation","status":"final","code":{"text":"x"},"category":{"text":"lab"}}               | Observation.category                | structure
            bad dateTime             | {"resourceType":"Observation","status":"final","code":{"text":"x"},"effectiveDateTime":"2024-13-45"}        | Observation.effectiveDateTime       | value
            number as string         | {"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":"6.1"}}        | Observation.valueQuantity.value     | structure
            empty string             | {"resourceType":"Observation","status":"final","code":{"text":""}}                                          | Observation.code.text               | value
            boolean as a string      | {"resourceType":"Observation","status":"final","code":{"text":"x"},"component":[{"code":{"text":"y"},"valueBoolean":"yes"}]} | Observation.component[0].valueBoolean | structure
            missing in a component   | {"resourceType":"Observation","status":"final","code":{"text":"x"},"component":[{"valueString":"y"}]}      | Observation.component[0].code       | required
            bad gender in a Bundle   | {"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient","gender":"f"}}]} | Bundle.entry[0].resource.gender | code-invalid
            unknown resource type    | {"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Foo"},"resource":{"resourceType":"Foo"}}]} | Bundle.entry[0].resource.resourceType | structure
            bad extension value      | {"resourceType":"Patient","extension":[{"url":"http://example.org/x","valueDate":"2024-13-01"}]}           | Patient.extension[0].valueDate      | value
            clinicalStatus not in VS | {"resourceType":"Condition","subject":{"reference":"Patient/1"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"bogus"}]}} | Condition.clinicalStatus | code-invalid
            clinicalStatus text only | {"resourceType":"Condition","subject":{"reference":"Patient/1"},"clinicalStatus":{"text":"active"}}  | Condition.clinicalStatus            | code-invalid
            unknown element in _     | {"resourceType":"Patient","_birthDate":{"colour":"red"},"birthDate":"2000-01-01"}                            | Patient._birthDate.colour           | structure
            """)
    void refusesWhatHapisValidatorRefusesNamingTheElement(String what, String body, String element, String issueType) {
        List<Fault> mine = rules.check(body);

        assertThat(Validators.shared().checkJson(body)).as("HAPI's validator refuses it too").isNotEmpty();
        assertThat(mine).as(what).anySatisfy(f -> {
            assertThat(f.element()).isEqualTo(element);
            assertThat(f.issueType()).isEqualTo(issueType);
        });
    }

    @Test
    void aPrimitiveWithOnlyAnExtensionIsPresentAndAChoiceElementByAnyOfItsNames() {
        assertThat(rules.check("""
                {"resourceType":"Observation","_status":{"extension":[{"url":"http://example.org/x","valueString":"y"}]},
                 "code":{"text":"x"},"valueCodeableConcept":{"text":"z"},"subject":{"reference":"http://example.org/fhir/Patient/1/_history/2"}}"""))
                .extracting(Fault::element).doesNotContain("Observation.status");
        assertThat(rules.check("""
                {"resourceType":"Observation","status":"final","code":{"text":"x"},
                 "subject":{"reference":"Patient?identifier=urn:oid:1.2.392.100495.20.3.51.11310000001|123"},
                 "contained":[{"resourceType":"Patient","id":"p"}],"performer":[{"reference":"#p"}]}""")).isEmpty();
    }

    @Test
    void aCodeOfARequiredValueSetPassesInACodeableConceptAmongOtherCodings() {
        assertThat(rules.check("""
                {"resourceType":"Condition","subject":{"reference":"Patient/1"},"clinicalStatus":{"coding":[
                 {"system":"http://example.org/local","code":"A"},
                 {"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]}}"""))
                .isEmpty();
    }

    @Test
    void aLanguageOutsideHl7sCommonLanguagesIsFoundAsHapisValidatorWordsItSoKnownDeviationsTellsWhichItIs() {
        String vietnamese = """
                {"resourceType":"Patient","communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"vi"}]}}]}""";
        String iso = vietnamese.replace("urn:ietf:bcp:47", "urn:iso:std:iso:639-1");

        assertThat(rules.check(vietnamese)).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("Patient.communication[0].language");
            assertThat(KnownDeviations.of(f)).map(KnownDeviations.Deviation::name).contains("language-outside-common-languages");
        });
        assertThat(rules.check(iso)).singleElement().satisfies(f ->
                assertThat(KnownDeviations.of(f)).map(KnownDeviations.Deviation::name).contains("language-iso-639-system"));
        assertThat(rules.check(vietnamese.replace("\"vi\"", "\"en-US\""))).isEmpty();
    }

    @Test
    void theMessagesNameTheRuleInJapaneseAndEnglish() {
        assertThat(rules.check("""
                {"resourceType":"Observation","code":{"text":"HbA1c"},"priority":"high"}"""))
                .extracting(Fault::diagnostics).containsExactlyInAnyOrder(
                        "Observation.priority: R4 に定義されていない要素です / Unrecognized property 'priority'",
                        "Observation.status: 必須の要素がありません / Observation.status: minimum required = 1, but only found 0");
    }

    @Test
    void refusesAReferenceToATypeTheElementDoesNotAllowWhichHapisValidatorOnlyChecksWhenItCanResolveIt() {
        String body = """
                {"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Medication/1"}}""";

        assertThat(rules.check(body)).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("Observation.subject.reference");
            assertThat(f.english()).contains("Medication").contains("Patient");
        });
        assertThat(rules.check(body.replace("Medication/1", "Group/1"))).isEmpty();
    }

    @Test
    void theTypeOfAReferenceIsReadFromRelativeAbsoluteAndConditionalForms() {
        assertThat(StructureRules.referencedType("Patient/1")).isEqualTo("Patient");
        assertThat(StructureRules.referencedType("https://example.org/fhir/Patient/1/_history/3")).isEqualTo("Patient");
        assertThat(StructureRules.referencedType("Location?identifier=https://github.com/synthetichealth/synthea|abc")).isEqualTo("Location");
        assertThat(StructureRules.referencedType("1")).isNull();
    }
}
