package org.musubi.ingest.hl7.orders.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.message;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.Messages;
import org.musubi.ingest.hl7.orders.NhoSamples;
import org.musubi.record.fhir.FhirSystems;

class PrescriptionMapperTest {

    @Test
    void mapsTheNhoPrescriptionToThreeRequests() throws Exception {
        List<MappedResource> mapped = map("OMP-01", NhoSamples.text("OMP-01"));

        assertThat(mapped).extracting(MappedResource::sourceKey).containsExactly(
                "ssmix2:OMP-01:1/rx/1/1/108665201", "ssmix2:OMP-01:1/rx/1/2/110626901", "ssmix2:OMP-01:1/rx/2/1/100607002");
        List<MedicationRequest> requests = of(mapped, MedicationRequest.class);
        MedicationRequest darzen = requests.getFirst();
        assertThat(darzen.getMedicationCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.HOT9);
        assertThat(darzen.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("108665201");
        assertThat(darzen.getMedicationCodeableConcept().getText()).isEqualTo("ダーゼン錠（５mg)");
        var dosage = darzen.getDosageInstructionFirstRep();
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("1");
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("TAB");
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getSystem()).isEqualTo(FhirSystems.MERIT9_UNIT);
        assertThat(dosage.getTiming().getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.JAMI_USAGE);
        assertThat(dosage.getTiming().getCode().getCodingFirstRep().getCode()).isEqualTo("1013044400000000");
        assertThat(dosage.getText()).contains("１日３回朝昼夕食後");
        assertThat(dosage.getRoute().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.ROUTE);
        assertThat(((Period) dosage.getExtensionByUrl(Dosages.PERIOD_OF_USE).getValue()).getStartElement().getValueAsString())
                .isEqualTo("2011-07-01T00:00:00+09:00");
        Duration days = darzen.getDispenseRequest().getExpectedSupplyDuration();
        assertThat(days.getValue()).isEqualByComparingTo("5");
        assertThat(days.getCode()).isEqualTo("d");
        assertThat(darzen.getDispenseRequest().getQuantity().getValue()).isEqualByComparingTo("15");
        assertThat(darzen.getAuthoredOnElement().getValueAsString()).isEqualTo("2011-07-01T10:30:45+09:00");
        assertThat(darzen.getRequester().getDisplay()).isEqualTo("医師 一郎");
    }

    @Test
    void groupsTheNhoPrescriptionByRp() throws Exception {
        List<MedicationRequest> requests = of(map("OMP-01", NhoSamples.text("OMP-01")), MedicationRequest.class);

        assertThat(requests).extracting(r -> r.getGroupIdentifier().getValue())
                .containsExactly("000000011000185.1", "000000011000185.1", "000000011000185.2");
        assertThat(requests).extracting(r -> identifier(r, FhirSystems.ORDER_IN_RP)).containsExactly("1", "2", "1");
        assertThat(requests.get(1).getMedicationCodeableConcept().getText()).startsWith("パンスポリンＴ錠");
        MedicationRequest aleviatin = requests.get(2);
        assertThat(aleviatin.getMedicationCodeableConcept().getText()).isEqualTo("アレピアチン１０倍散");
        assertThat(aleviatin.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo("50");
        assertThat(aleviatin.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("MG");
        assertThat(aleviatin.getDispenseRequest().getExpectedSupplyDuration().getValue()).isEqualByComparingTo("14");
        assertThat(aleviatin.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).containsExactly("O", "OHP", "OHI", "01");
        assertThat(aleviatin.getCategory().get(1).getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.MEDICATION_CATEGORY_MERIT9);
    }

    @Test
    void mapsTheNhoInjectionsWithTheirMixedDrugsAsAContainedMedication() throws Exception {
        List<MedicationRequest> requests = of(map("OMP-02", NhoSamples.text("OMP-02")), MedicationRequest.class);

        assertThat(requests).hasSize(3);
        MedicationRequest first = requests.getFirst();
        assertThat(first.getMeta().getProfile().getFirst().getValue()).endsWith("JP_MedicationRequest_Injection");
        assertThat(first.getMedicationReference().getReference()).isEqualTo("#medication");
        Medication mixed = (Medication) first.getContained().getFirst();
        assertThat(mixed.getIngredient()).extracting(i -> i.getItemCodeableConcept().getCodingFirstRep().getCode())
                .containsExactly("620007329", "620002559");
        assertThat(mixed.getIngredient().get(1).getStrength().getNumerator().getCode()).isEqualTo("AMP");
        assertThat(mixed.getForm().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.MEDICATION_FORM_MERIT9);
        var dosage = first.getDosageInstructionFirstRep();
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("510");
        assertThat(dosage.getDoseAndRateFirstRep().getRateQuantity().getValue()).isEqualByComparingTo("102");
        assertThat(dosage.getTiming().getRepeat().getBoundsPeriod().getEndElement().getValueAsString())
                .isEqualTo("2011-07-01T13:00:00+09:00");
        assertThat(dosage.getAdditionalInstructionFirstRep().getText()).isEqualTo("５時間一定速度で");
        assertThat(first.getCategory()).anySatisfy(c -> assertThat(c.getText()).isEqualTo("一般"));
    }

    @Test
    void rejectsADrugWithoutCodeOrNameNamingRxe2() {
        String text = message("RDE^O11^RDE_O11", "ORC|NW|1||1|||||20110701103045", "RXE||^^HOT9|1||TAB^錠^MR9P");

        assertThatThrownBy(() -> map("OMP-01", text)).isInstanceOf(MessageRejected.class).satisfies(e -> {
            var problem = ((MessageRejected) e).problem();
            assertThat(problem.where().field()).isEqualTo("RXE-2");
            assertThat(problem.where().line()).isEqualTo(4);
            assertThat(problem.japanese()).contains("薬剤");
        });
    }

    @Test
    void rejectsAnUnreadableOrderTimeNamingOrc9() {
        String text = message("RDE^O11^RDE_O11", "ORC|NW|1||1|||||2011-07-01", "RXE||108665201^ダーゼン錠^HOT9|1||TAB^錠^MR9P");

        assertThatThrownBy(() -> map("OMP-01", text)).isInstanceOf(MessageRejected.class)
                .satisfies(e -> assertThat(((MessageRejected) e).problem().where().field()).isEqualTo("ORC-9"));
    }

    @Test
    void warnsAboutADoseThatIsNoNumberAndMapsTheRest() throws Exception {
        var input = Messages.input("OMP-01", message("RDE^O11^RDE_O11", "ORC|NW|1||1|||||20110701103045",
                "RXE||108665201^ダーゼン錠^HOT9|一錠||TAB^錠^MR9P", "TQ1|1||1013044400000000&内服&JAMISDP01|||5^d"));

        List<MedicationRequest> requests = of(Messages.map(input, "OMP-01"), MedicationRequest.class);

        assertThat(requests.getFirst().getDosageInstructionFirstRep().hasDoseAndRate()).isFalse();
        assertThat(requests.getFirst().getDosageInstructionFirstRep().getText()).as("what the prescriber wrote, kept")
                .isEqualTo("内服（1回量：一錠）");
        assertThat(requests.getFirst().getDispenseRequest().getExpectedSupplyDuration().getValue()).isEqualByComparingTo("5");
        assertThat(input.warnings()).singleElement().satisfies(w -> {
            assertThat(w.where().field()).isEqualTo("RXE-3");
            assertThat(w.code()).isEqualTo("number.keptAsText");
            assertThat(w.japanese()).contains("一錠", "Dosage.text");
        });
    }

    @Test
    void keepsADoseRangeWrittenAsTextAndADailyTotalThatIsNoNumberInTheDosageText() throws Exception {
        var input = Messages.input("OMP-01", message("RDE^O11^RDE_O11", "ORC|NW|1||1|||||20110701103045",
                "RXE||108665201^ダーゼン錠^HOT9|1~2||TAB^錠^MR9P||||||||||||||適宜^TAB&錠&MR9P",
                "TQ1|1||1013044400000000&１日３回毎食後&JAMISDP01|||5^d"));

        MedicationRequest request = of(Messages.map(input, "OMP-01"), MedicationRequest.class).getFirst();

        assertThat(request.getDosageInstructionFirstRep().getText()).isEqualTo("１日３回毎食後（1回量：1~2 錠）（1日量：適宜 錠）");
        assertThat(request.getDosageInstructionFirstRep().hasDoseAndRate()).isFalse();
        assertThat(input.warnings()).extracting(w -> w.code() + " " + w.where().field())
                .containsExactly("number.keptAsText RXE-3", "number.keptAsText RXE-19");
    }

    @Test
    void rejectsAMessageWithoutRxe() {
        assertThatThrownBy(() -> map("OMP-01", message("RDE^O11^RDE_O11", "ORC|NW|1||1")))
                .isInstanceOf(MessageRejected.class).hasMessageContaining("RXE");
    }

    private static String identifier(MedicationRequest request, String system) {
        return request.getIdentifier().stream().filter(i -> system.equals(i.getSystem())).findFirst().orElseThrow().getValue();
    }
}
