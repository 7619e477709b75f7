package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.policy.DataCategory;
import org.musubi.record.IdKey;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.SearchIndex;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.testing.TestRegionalIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VitalObservationsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private final VitalObservations observations = new VitalObservations(new ResourceEncoder(FHIR, new FhirIndexer(FHIR)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final PhrPatient patient = new PhrPatient(7, 42, "local-42", new RegisteredPerson(9, new Person(
            TestRegionalIds.next(), "健康", "花子", "ケンコウ", "ハナコ", Sex.FEMALE, LocalDate.of(1960, 4, 1), null, null, null),
            PersonStatus.ACTIVE, null), IdKey.random(IdKey.Scheme.KEYED));

    @Test
    void aWeightIsAFinalVitalSignInLoincAndUcumByTheResidentAsPerformer() {
        ResourceWrite weight = only(entry(Map.of(Vital.WEIGHT, "65.2")), Optional.empty());
        JsonNode r = JSON.readTree(weight.json());

        assertThat(weight.type()).isEqualTo("Observation");
        assertThat(weight.category()).isEqualTo(DataCategory.VITALS);
        assertThat(weight.patientKey()).isEqualTo(42);
        assertThat(weight.sourceFacilityId()).isEqualTo(7);
        assertThat(r.path("status").asString()).isEqualTo("final");
        assertThat(r.path("meta").path("profile").path(0).asString())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_BodyMeasurement");
        assertThat(r.path("category").path(0).path("coding").path(0).path("system").asString())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/observation-category");
        assertThat(r.path("category").path(0).path("coding").path(0).path("code").asString()).isEqualTo("vital-signs");
        assertThat(r.path("code").path("coding").path(0).path("system").asString()).isEqualTo("http://loinc.org");
        assertThat(r.path("code").path("coding").path(0).path("code").asString()).isEqualTo("29463-7");
        assertThat(r.path("code").path("text").asString()).isEqualTo("体重");
        assertThat(r.path("valueQuantity").path("value").decimalValue()).isEqualByComparingTo("65.2");
        assertThat(r.path("valueQuantity").path("system").asString()).isEqualTo("http://unitsofmeasure.org");
        assertThat(r.path("valueQuantity").path("code").asString()).isEqualTo("kg");
        assertThat(r.path("subject").path("reference").asString()).isEqualTo("Patient/" + patient.patientId());
        assertThat(r.path("performer").path(0).path("reference").asString()).isEqualTo("Patient/" + patient.patientId());
        assertThat(r.path("effectiveDateTime").asString()).isEqualTo("2026-11-24T08:30:00+09:00");
        assertThat(r.has("id")).as("ids are the store's to stamp").isFalse();
        assertThat(weight.index().tokens()).contains(new SearchIndex.Token("code", "http://loinc.org", "29463-7"),
                new SearchIndex.Token("category", "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"));
        assertThat(weight.index().dates()).extracting(SearchIndex.DateRange::low)
                .containsExactly(Instant.parse("2026-11-23T23:30:00Z"));
    }

    @Test
    void bloodPressureIsOnePanelWithSystolicAndDiastolicComponentsInMmHg() {
        ResourceWrite pressure = only(entry(Map.of(Vital.SYSTOLIC, "128", Vital.DIASTOLIC, "82")), Optional.empty());
        JsonNode r = JSON.readTree(pressure.json());

        assertThat(r.path("code").path("coding").path(0).path("code").asString()).isEqualTo("85354-9");
        assertThat(r.path("meta").path("profile").path(0).asString())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns");
        assertThat(r.path("component")).hasSize(2);
        assertThat(r.path("component").path(0).path("code").path("coding").path(0).path("code").asString()).isEqualTo("8480-6");
        assertThat(r.path("component").path(0).path("valueQuantity").path("code").asString()).isEqualTo("mm[Hg]");
        assertThat(r.path("component").path(1).path("code").path("coding").path(0).path("code").asString()).isEqualTo("8462-4");
        assertThat(r.path("component").path(1).path("valueQuantity").path("value").intValue()).isEqualTo(82);
        assertThat(VitalReadings.of(stored(pressure))).extracting(VitalReading::vital, VitalReading::value)
                .containsExactly(Tuple.tuple(Vital.SYSTOLIC, new BigDecimal("128")),
                        Tuple.tuple(Vital.DIASTOLIC, new BigDecimal("82")));
    }

    @Test
    void everyMeasureHasItsLoincCodeAndUnitAndReadsBackAsEntered() {
        Map<Vital, String> all = new EnumMap<>(Vital.class);
        all.putAll(Map.of(Vital.HEIGHT, "158.0", Vital.TEMPERATURE, "36.6", Vital.PULSE, "72",
                Vital.GLUCOSE_FASTING, "98", Vital.GLUCOSE_AFTER_MEAL, "142", Vital.SPO2, "97", Vital.STEPS, "8000"));
        List<ResourceWrite> writes = observations.observations(patient, entry(all), Optional.empty());

        assertThat(writes).extracting(w -> JSON.readTree(w.json()).path("code").path("coding").path(0).path("code").asString())
                .containsExactly("8302-2", "8310-5", "8867-4", "1556-0", "41653-7", "59408-5", "41950-7");
        assertThat(writes).extracting(w -> JSON.readTree(w.json()).path("valueQuantity").path("code").asString())
                .containsExactly("cm", "Cel", "/min", "mg/dL", "mg/dL", "%", "/d");
        assertThat(writes).allMatch(w -> w.category() == DataCategory.VITALS);
        assertThat(writes.stream().flatMap(w -> VitalReadings.of(stored(w)).stream()).toList())
                .extracting(VitalReading::vital).containsExactly(Vital.HEIGHT, Vital.TEMPERATURE, Vital.PULSE,
                        Vital.GLUCOSE_FASTING, Vital.GLUCOSE_AFTER_MEAL, Vital.SPO2, Vital.STEPS);
        JsonNode spo2 = JSON.readTree(writes.get(5).json());
        assertThat(spo2.path("code").path("coding").path(1).path("code").asString()).isEqualTo("2708-6");
        JsonNode steps = JSON.readTree(writes.get(6).json());
        assertThat(steps.path("effectivePeriod").path("start").asString()).isEqualTo("2026-11-24T00:00:00+09:00");
        assertThat(steps.path("effectivePeriod").path("end").asString()).isEqualTo("2026-11-24T23:59:59+09:00");
        assertThat(steps.path("meta").path("profile")).as("JP Core has no profile for steps").isEmpty();
    }

    @Test
    void aWeightWithAKnownHeightBringsItsBmiDerivedFromBoth() {
        List<ResourceWrite> writes = observations.observations(patient, entry(Map.of(Vital.WEIGHT, "65.0")),
                Optional.of(new VitalObservations.Height(new BigDecimal("160.0"), "height-1")));

        assertThat(writes).hasSize(2);
        JsonNode bmi = JSON.readTree(writes.get(1).json());
        assertThat(bmi.path("code").path("coding").path(0).path("code").asString()).isEqualTo("39156-5");
        assertThat(bmi.path("valueQuantity").path("value").decimalValue()).isEqualByComparingTo("25.4");
        assertThat(bmi.path("valueQuantity").path("code").asString()).isEqualTo("kg/m2");
        assertThat(bmi.path("derivedFrom").findValuesAsString("reference"))
                .containsExactly("Observation/" + writes.get(0).id(), "Observation/height-1");
        assertThat(observations.observations(patient, entry(Map.of(Vital.WEIGHT, "65.0", Vital.HEIGHT, "170.0")),
                Optional.of(new VitalObservations.Height(new BigDecimal("160.0"), "height-1"))))
                .as("the entry's own height wins").hasSize(3).last()
                .satisfies(w -> assertThat(JSON.readTree(w.json()).path("valueQuantity").path("value").decimalValue())
                        .isEqualByComparingTo("22.5"));
    }

    @Test
    void idsAreTheSameForTheSameMeasureAndMinuteAndDifferOtherwise() {
        String first = only(entry(Map.of(Vital.PULSE, "70")), Optional.empty()).id();

        assertThat(only(entry(Map.of(Vital.PULSE, "75")), Optional.empty()).id()).isEqualTo(first);
        assertThat(observations.observations(patient, new VitalsEntry(LocalDateTime.of(2026, 11, 24, 8, 31),
                Map.of(Vital.PULSE, BigDecimal.TEN)), Optional.empty()).getFirst().id()).isNotEqualTo(first);
        PhrPatient other = new PhrPatient(7, 43, "local-43", patient.person(), patient.key());
        assertThat(observations.observations(other, entry(Map.of(Vital.PULSE, "70")), Optional.empty()).getFirst().id())
                .isNotEqualTo(first);
        assertThat(first).matches("[0-9a-f-]{36}");
    }

    @Test
    void aProvenanceNamesEachVersionWrittenWithTheResidentAsAuthorAndTheTimeRecorded() {
        ResourceWrite provenance = observations.provenance(patient, List.of(new Written("Observation", "a", 1,
                Written.Change.CREATED), new Written("Observation", "b", 2, Written.Change.UPDATED)));
        JsonNode r = JSON.readTree(provenance.json());

        assertThat(r.path("target").findValuesAsString("reference"))
                .containsExactly("Observation/a/_history/1", "Observation/b/_history/2");
        assertThat(r.path("recorded").asString()).startsWith("2026-11-24T03:00:00");
        assertThat(r.path("agent").path(0).path("who").path("reference").asString()).isEqualTo("Patient/" + patient.patientId());
        assertThat(r.path("agent").path(0).path("type").path("coding").path(0).path("code").asString()).isEqualTo("author");
        assertThat(provenance.category()).isEqualTo(DataCategory.DOCUMENTS);
        assertThat(provenance.held()).contains(DataCategory.LAB_RESULTS);
    }

    @Test
    void theResidentsPatientCarriesTheirNameSexAndBirthDate() {
        JsonNode r = JSON.readTree(observations.patient(patient).json());

        assertThat(r.path("name").path(0).path("text").asString()).isEqualTo("健康 花子");
        assertThat(r.path("name").path(1).path("text").asString()).isEqualTo("ケンコウ ハナコ");
        assertThat(r.path("gender").asString()).isEqualTo("female");
        assertThat(r.path("birthDate").asString()).isEqualTo("1960-04-01");
    }

    private ResourceWrite only(VitalsEntry entry, Optional<VitalObservations.Height> height) {
        List<ResourceWrite> writes = observations.observations(patient, entry, height);
        assertThat(writes).hasSize(1);
        return writes.getFirst();
    }

    private static VitalsEntry entry(Map<Vital, String> values) {
        Map<Vital, BigDecimal> numbers = new EnumMap<>(Vital.class);
        values.forEach((k, v) -> numbers.put(k, new BigDecimal(v)));
        return new VitalsEntry(LocalDateTime.of(2026, 11, 24, 8, 30), numbers);
    }

    private static StoredResource stored(ResourceWrite write) {
        return new StoredResource(write.patientKey(), write.id(), write.type(), 1, write.sourceFacilityId(),
                write.category(), NOW, false, write.json());
    }
}
