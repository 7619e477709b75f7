package org.musubi.synth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.record.SearchIndex;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.synth.SyntheticNetworkGenerator;

class ClinicalRecordGeneratorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final LocalDate FROM = LocalDate.of(2019, 4, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);
    private final ClinicalRecordGenerator generator = new ClinicalRecordGenerator();

    @Test
    void theSameSeedGivesTheSameBundle() {
        assertThat(json(bundle(7, 300))).isEqualTo(json(bundle(7, 300)));
        assertThat(json(bundle(8, 300))).isNotEqualTo(json(bundle(7, 300)));
    }

    @Test
    void makesExactlyTheRequestedNumberOfResourcesAfterThePatient() {
        Bundle bundle = bundle(1, 137);

        assertThat(bundle.getEntry()).hasSize(138);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST));
    }

    @Test
    void everyReferencePointsToAnEarlierEntryOfTheBundle() {
        Bundle bundle = bundle(3, 500);
        Set<String> fullUrls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());

        assertThat(fullUrls).hasSize(501).allMatch(u -> u.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].*"));
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Set<String> earlier = bundle.getEntry().subList(0, i).stream().map(Bundle.BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());
            for (Reference reference : references(bundle.getEntry().get(i).getResource())) {
                assertThat(earlier).contains(reference.getReference());
            }
        }
    }

    @Test
    void makesTheUsualMixOfAnOutpatientRecordSpreadOverTheSpan() {
        List<Resource> resources = bundle(5, 2_000).getEntry().stream().skip(1)
                .map(e -> (Resource) e.getResource()).toList();
        Set<String> types = resources.stream().map(Resource::fhirType).collect(Collectors.toSet());
        List<Date> dates = resources.stream().filter(Observation.class::isInstance)
                .map(r -> ((Observation) r).getEffectiveDateTimeType().getValue()).sorted().toList();

        assertThat(types).containsExactlyInAnyOrder("Encounter", "Condition", "MedicationRequest", "MedicationDispense",
                "Observation");
        assertThat(dates.getFirst()).isAfterOrEqualTo(date(FROM)).isBefore(date(FROM.plusMonths(2)));
        assertThat(dates.getLast()).isAfter(date(TO.minusMonths(3))).isBefore(date(TO.plusDays(1)));
    }

    @Test
    void labResultsAreIndexedByTheirJlac10CodeAndDate() {
        FhirIndexer indexer = new FhirIndexer(FHIR);
        List<SearchIndex> labs = bundle(11, 1_000).getEntry().stream().map(e -> (Resource) e.getResource())
                .filter(r -> r instanceof Observation o && o.getCategoryFirstRep().getCodingFirstRep().getCode()
                        .equals("laboratory"))
                .map(r -> indexer.index(r, ResourceKind.of("Observation").orElseThrow())).toList();

        assertThat(labs).isNotEmpty().allSatisfy(index -> {
            assertThat(index.tokens()).anySatisfy(t -> assertThat(t.system()).isEqualTo(FhirSystems.JLAC10_OID));
            assertThat(index.dates()).hasSize(1);
        });
    }

    /** Alendronate is taken once a week: a prescription of 28 days holds 4 tablets, not 28; other drugs daily. */
    @Test
    void prescriptionsHoldTheTabletsOfTheirDaysWeeklyDrugsOncePerWeek() {
        List<MedicationRequest> requests = LongStream.range(1, 40)
                .mapToObj(seed -> bundle(seed, 300).getEntry().stream().map(Bundle.BundleEntryComponent::getResource))
                .flatMap(r -> r).filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).toList();

        assertThat(requests).anySatisfy(r -> assertThat(r.getDosageInstructionFirstRep().getText()).contains("週1回"));
        assertThat(requests).allSatisfy(r -> {
            int days = r.getDispenseRequest().getExpectedSupplyDuration().getValue().intValue();
            int tablets = r.getDispenseRequest().getQuantity().getValue().intValue();
            String dose = r.getDosageInstructionFirstRep().getText();
            int perDay = dose.contains("1日2回") ? 2 : 1;
            assertThat(tablets).as(dose + " for " + days + " days")
                    .isEqualTo(dose.contains("週1回") ? days / 7 : perDay * days);
        });
    }

    private Bundle bundle(long seed, int count) {
        Person person = new SyntheticNetworkGenerator().persons(seed, 1, 34).findFirst().orElseThrow();
        String patientUrl = ClinicalRecordGenerator.urnUuid(new SplittableRandom(seed));
        Patient patient = generator.patient(person, "urn:oid:1.2.392.100495.20.3.51.11310000001", "P" + seed);
        return generator.transaction(patient, patientUrl, generator.record(seed, patientUrl, "P" + seed, count, FROM, TO));
    }

    private static List<Reference> references(IBaseResource resource) {
        return FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class);
    }

    private static String json(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
    }
}
