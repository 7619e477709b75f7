package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.testing.Validators;

class BaseValidationTest {

    static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    private final BaseValidation validation = Validators.shared();

    @Test
    void acceptsAnObservationWithAJpCoreProfileAndAJlac10Code() {
        assertThat(validation.check(hba1c())).isEmpty();
    }

    @Test
    void acceptsUnknownExtensionsAndCodesOfJapaneseCodeSystems() {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(new Reference("Patient/1"))
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2149039F1020", "アムロジピン錠5mg")));
        request.getMeta().addProfile("http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS");
        request.addExtension("http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationRequest_DispenseRequest_InstructionForDispense",
                new StringType("一包化"));

        assertThat(validation.check(request)).isEmpty();
    }

    @Test
    void refusesAnObservationWithoutStatusNamingObservationStatus() {
        Observation observation = hba1c().setStatus(null);

        assertThat(validation.check(observation)).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("Observation.status");
            assertThat(f.issueType()).isEqualTo("required");
            assertThat(f.diagnostics()).startsWith("Observation.status: 必須の要素がありません / Observation.status: minimum required = 1");
        });
    }

    @Test
    void refusesAStatusOutsideItsRequiredValueSet() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Observation","status":"bogus","code":{"text":"HbA1c"}}""");

        assertThat(faults).isNotEmpty().allSatisfy(f -> {
            assertThat(f.element()).isEqualTo("Observation.status");
            assertThat(f.issueType()).isEqualTo("code-invalid");
        });
    }

    @Test
    void refusesAnArrayWhereR4AllowsOneValueAndAValueOfTheWrongType() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Observation","status":"final","code":{"text":"HbA1c"},
                 "subject":[{"reference":"Patient/1"},{"reference":"Patient/2"}],"effectiveDateTime":"2024-13-45"}""");

        assertThat(faults).extracting(Fault::element)
                .contains("Observation.subject", "Observation.effective.ofType(dateTime)");
    }

    @Test
    void namesTheMissingChildOfARepeatingElement() {
        Observation observation = hba1c();
        observation.addComponent().setValue(new Quantity(1));

        assertThat(validation.check(observation)).extracting(Fault::element).containsExactly("Observation.component[0].code");
    }

    @Test
    void namesAnUnknownElementOfARawBody() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"%s","code":"3D046","colour":"red"}]}}"""
                .formatted(JLAC10));

        assertThat(faults).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("Observation.code.coding[0].colour");
            assertThat(f.diagnostics()).contains("R4 に定義されていない要素です / Unrecognized property 'colour'");
        });
    }

    static Observation hba1c() {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setSubject(new Reference("Patient/1")).setEffective(new DateTimeType("2024-06-01"))
                .setValue(new Quantity().setValue(6.1).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
        observation.getMeta().addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult");
        observation.getCode().addCoding().setSystem(JLAC10).setCode("3D046000001920402").setDisplay("HbA1c");
        return observation;
    }
}
