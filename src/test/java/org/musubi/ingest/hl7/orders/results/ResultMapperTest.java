package org.musubi.ingest.hl7.orders.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.ingest.hl7.orders.Messages.map;
import static org.musubi.ingest.hl7.orders.Messages.message;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.Messages;
import org.musubi.ingest.hl7.orders.NhoSamples;
import org.musubi.record.fhir.FhirSystems;

class ResultMapperTest {

    static final String RESULTS = message("OUL^R22^OUL_R22",
            "SPM|1|S001||023^血清^JC10|||||||||||||201112191500",
            "OBR|1|000000011000354|L0001|E001^生化学^99O03|||20111219|||||||||||||||20111220103059|||F",
            "ORC|SC|000000011000354|L0001||CM||||20111220103059",
            "OBX|1|NM|3D010000001926101^グルコース^JC10||132|mg/dL^mg/dL^ISO+|70-109|H|||F",
            "OBX|2|NM|3H015000002327101^カリウム^JC10||3.1|mmol/L^mmol/L^ISO+|3.5～5.0|L|||F",
            "OBX|3|NM|5C070000002306101^CRP^JC10||<0.1|mg/dL^mg/dL^ISO+|<=0.3|N|||F",
            "OBX|4|NM|3B035000002327201^AST^JC10||溶血|U/L^U/L^99XYZ|>=10||||P",
            "NTE|||溶血のため再検",
            "OBX|5|ST|1A990000000192053^尿蛋白定性^JC10||(2+)||(-)|A|||F");

    @Test
    void mapsTheNhoLabResults() throws Exception {
        List<MappedResource> mapped = map("OML-11", NhoSamples.text("OML-11"));

        assertThat(mapped).extracting(MappedResource::sourceKey).containsExactly("ssmix2:OML-11:1/spm/1",
                "ssmix2:OML-11:1/obs/1/3A016000002327102", "ssmix2:OML-11:1/obs/1/3A010000002327101",
                "ssmix2:OML-11:1/obs/1/3A015000002327101", "ssmix2:OML-11:1/report/1");
        List<Observation> results = of(mapped, Observation.class);
        assertThat(results.getFirst().getCode().getText()).isEqualTo("A/G比");
        assertThat(results.getFirst().getValueQuantity().getValue()).isEqualByComparingTo("1.7");
        assertThat(results.getFirst().getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("1.2");
        assertThat(results.getFirst().getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("2.0");
        Observation protein = results.get(1);
        assertThat(protein.getValueQuantity().getValue()).isEqualByComparingTo("7.2");
        assertThat(protein.getValueQuantity().getUnit()).isEqualTo("g/dl");
        assertThat(protein.getReferenceRangeFirstRep().getText()).isEqualTo("6.70-8.3");
        assertThat(protein.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("6.70");
        Observation albumin = results.get(2);
        assertThat(albumin.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.JLAC10);
        assertThat(albumin.getCode().getCodingFirstRep().getCode()).isEqualTo("3A015000002327101");
        assertThat(albumin.getValueQuantity().getValue()).isEqualByComparingTo("4.9");
        assertThat(albumin.getReferenceRangeFirstRep().getText()).isEqualTo("3.7-5.5");
        assertThat(albumin.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2011-12-19T15:00:00+09:00");
        assertThat(albumin.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
        assertThat(of(mapped, Specimen.class).getFirst().getType().getText()).isEqualTo("血清");
    }

    @Test
    void reportsTheNhoResultsWithReferencesAndTheirOrderByNumber() throws Exception {
        List<MappedResource> mapped = map("OML-11", NhoSamples.text("OML-11"));

        DiagnosticReport report = of(mapped, DiagnosticReport.class).getFirst();
        assertThat(report.getResult()).extracting(r -> r.getReference()).containsExactly(
                SourceRefs.PREFIX + "Observation/" + mapped.get(1).sourceKey(),
                SourceRefs.PREFIX + "Observation/" + mapped.get(2).sourceKey(),
                SourceRefs.PREFIX + "Observation/" + mapped.get(3).sourceKey());
        // The sample names its orderer (ORC-12): the order is contained, and still named by its number (issue 38).
        assertThat(report.getBasedOnFirstRep().getReference()).isEqualTo("#order");
        assertThat(((ServiceRequest) report.getContained().getFirst()).getRequester().getDisplay())
                .isEqualTo("医師一郎");
        assertThat(report.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("000000011000354");
        assertThat(report.getBasedOnFirstRep().getIdentifier().getSystem()).isEqualTo("urn:musubi:placer-order-number:3412345678");
        assertThat(report.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("LP29693-6");
        assertThat(report.getCode().getCoding()).extracting(c -> c.getCode()).contains("E001", "11502-2");
        assertThat(report.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2011-12-19T15:00:00+09:00");
        assertThat(report.getSpecimenFirstRep().getReference()).endsWith("/spm/1");
    }

    @Test
    void readsFlagsRangesComparatorsAndText() throws Exception {
        var input = Messages.input("OML-11", RESULTS);
        List<Observation> results = of(Messages.map(input, "OML-11"), Observation.class);

        assertThat(results.get(0).getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
        assertThat(results.get(0).getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(results.get(1).getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("L");
        assertThat(results.get(1).getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("5.0");
        assertThat(results.get(2).getValueQuantity().getComparator()).isEqualTo(QuantityComparator.LESS_THAN);
        assertThat(results.get(2).getReferenceRangeFirstRep().hasLow()).isFalse();
        assertThat(results.get(2).getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("0.3");
        assertThat(results.get(3).getValueStringType().getValue()).isEqualTo("溶血");
        assertThat(results.get(3).getStatus()).isEqualTo(Observation.ObservationStatus.PRELIMINARY);
        // The unit sent with the text value is kept as a note before the NTE's comment (issue 38).
        assertThat(results.get(3).getNote()).extracting(n -> n.getText()).containsExactly("単位: U/L", "溶血のため再検");
        assertThat(results.get(4).getValueStringType().getValue()).isEqualTo("(2+)");
        assertThat(input.warnings()).extracting(w -> w.code() + " " + w.where().line() + " " + w.where().field())
                .containsExactly("result.notNumeric 9 OBX-5", "lab.unit.onText 9 OBX-6");
        DiagnosticReport report = of(Messages.map("OML-11", RESULTS), DiagnosticReport.class).getFirst();
        assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
        assertThat(report.getIssuedElement().getValueAsString()).startsWith("2011-12-20T10:30:59");
        assertThat(report.getIdentifier()).extracting(i -> i.getValue()).containsExactly("000000011000354", "L0001");
    }

    @Test
    void rejectsAnObxBeforeAnyObr() {
        String text = message("OUL^R22^OUL_R22", "OBX|1|NM|3A010000002327101^総蛋白^JC10||7.2");

        assertThatThrownBy(() -> map("OML-11", text)).isInstanceOf(MessageRejected.class)
                .satisfies(e -> assertThat(((MessageRejected) e).problem().code()).isEqualTo("obx.noReport"));
    }

    @Test
    void rejectsAnUnreadableCollectionTimeNamingSpm17() {
        String text = RESULTS.replace("201112191500", "20111219 15:00");

        assertThatThrownBy(() -> map("OML-11", text)).isInstanceOf(MessageRejected.class)
                .satisfies(e -> assertThat(((MessageRejected) e).problem().where().field()).isEqualTo("SPM-17"));
    }

    @Test
    void mapsTheNhoEcgWithItsMeasurementsAndFinding() throws Exception {
        List<MappedResource> mapped = map("OMG-13", NhoSamples.text("OMG-13"));

        List<Observation> results = of(mapped, Observation.class);
        assertThat(results).hasSize(12);
        assertThat(results.getFirst().getValueStringType().getValue()).isEqualTo("心筋虚血疑い");
        Observation rate = results.get(1);
        assertThat(rate.getValueQuantity().getValue()).isEqualByComparingTo("67");
        assertThat(rate.getValueQuantity().getUnit()).isEqualTo("bpm");
        assertThat(rate.getValueQuantity().hasSystem()).isFalse();
        assertThat(rate.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("procedure");
        Observation amplitude = results.get(10);
        assertThat(amplitude.getValueQuantity().getValue()).isEqualByComparingTo("2.505");
        assertThat(amplitude.getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(results.get(9).getValueQuantity().getValue()).isEqualByComparingTo("-14");
        DiagnosticReport ecg = of(mapped, DiagnosticReport.class).getFirst();
        assertThat(ecg.getConclusion()).isEqualTo("心筋虚血疑い");
        assertThat(ecg.getCode().getText()).isEqualTo("標準１２誘導心電図");
        assertThat(ecg.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2011-12-20");
        assertThat(of(mapped, Specimen.class)).isEmpty();
    }
}
