package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;
import static org.musubi.ingest.jahis.JahisRoundTripTest.resources;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.medication.notebook.JahisWriter;

class JahisWriterTest {

    private final List<ParseResult> notebook = read("x.txt", Notebooks.notebook(Notebooks.ointmentBlock(), Notebooks.amlodipineBlock()));
    private final Patient patient = parsed(notebook).getFirst().patientResource();

    @Test
    void writesVersion08ForThePatientWithCrlfAndTheNewestDispensingFirst() {
        String text = new String(new JahisWriter(StandardCharsets.UTF_8).write(patient, resources(notebook),
                JahisRoundTripTest.directory(notebook)), StandardCharsets.UTF_8);

        assertThat(text).startsWith("JAHISTC08,1\r\n1,山田 花子,2,19580303,105-0004,東京都港区新橋1-2-3,03-1234-5678,,,,ヤマダ ハナコ\r\n"
                + "2,1,ペニシリン系,1\r\n5,20260310,1\r\n11,みなと薬局,13,4,1234567,105-0001,東京都港区虎ノ門1-1-1,03-0000-0000,1\r\n");
        assertThat(text.indexOf("5,20260310")).isLessThan(text.indexOf("5,20260201"));
        assertThat(text).contains("201,1,アムロジピン錠５ｍｇ「サワイ」,1,錠,4,2171022F1039,1,【般】アムロジピン錠５ｍｇ,2,2171022F1ZZZ\r\n"
                + "301,1,１日１回朝食後服用,14,日分,1,2,1013041400000000,1\r\n"
                + "201,2,カロナール錠２００,2,錠,6,110626901,1\r\n281,2,発熱時，１回２錠,1\r\n301,2,発熱時,5,回分,3,1,,1\r\n"
                + "391,2,６時間以上あけてください,1\r\n401,他の薬と一緒に飲むときは相談してください,1\r\n");
        assertThat(text).endsWith("301,1,１日２回患部に塗布,1,調剤,5,1,,1\r\n");
    }

    @Test
    void writesShiftJisWithAMarkForCharactersShiftJisLacks() {
        MedicationDispense dispense = dispense().setMedication(new CodeableConcept().setText("𠮷野家錠"));

        byte[] written = new JahisWriter(JahisFiles.SHIFT_JIS).write(patient, List.of(dispense));

        assertThat(new String(written, JahisFiles.SHIFT_JIS)).contains("201,1,■野家錠,");
    }

    @Test
    void writesTheJisX0208FormsOfTheWaveDashAndItsKinToTheirShiftJisBytes() {
        MedicationDispense dispense = dispense();
        dispense.getDosageInstructionFirstRep().setText("１回１\u301C２錠\u2212\u2016\u2014、１\uFF5E２");

        byte[] written = new JahisWriter(JahisFiles.SHIFT_JIS).write(patient, List.of(dispense));

        String text = new String(written, JahisFiles.SHIFT_JIS);
        assertThat(text).contains("301,1,１回１\uFF5E２錠\uFF0D\u2225\u2015、１\uFF5E２,").doesNotContain("■");
        assertThat(JahisRoundTripTest.resources(read("again.txt", written)).stream()
                .filter(MedicationDispense.class::isInstance).map(r -> ((MedicationDispense) r).getDosageInstructionFirstRep().getText()))
                .containsExactly("１回１\u301C２錠\u2212\u2016\u2014、１\u301C２");
    }

    @Test
    void writesADispenseFromAnotherSourceAsADrugWithItsCodeQuantityAndNotes() {
        MedicationDispense dispense = dispense();

        byte[] written = new JahisWriter(StandardCharsets.UTF_8).write(patient, List.of(dispense));

        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).contains("5,20260301,1\r\n201,1,ロキソプロフェンNa錠60mg,21,錠,4,1149019F1560,1\r\n"
                + "281,1,胃薬と一緒に,1\r\n301,1,毎食後,7,日分,,1,,1\r\n");
        assertThat(rejected(read("again.txt", written))).isEmpty();
    }

    @Test
    void leavesTheResourcesItWritesAsTheyWere() {
        List<Resource> history = resources(notebook);
        List<Resource> before = history.stream().map(Resource::copy).toList();

        new JahisWriter(StandardCharsets.UTF_8).write(patient, history, JahisRoundTripTest.directory(notebook));

        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).equalsDeep(before.get(i))).isTrue();
        }
    }

    @Test
    void writesNoPharmacyWhenTheStoredPharmacyIsNotGiven() {
        String text = new String(new JahisWriter(StandardCharsets.UTF_8).write(patient, resources(notebook)), StandardCharsets.UTF_8);

        assertThat(text).as("the dispensings still, without a pharmacy the caller may not see").contains("5,20260310,1\r\n201,")
                .doesNotContain("11,みなと薬局");
    }

    @Test
    void leavesOutADispenseWithoutDate() {
        MedicationDispense undated = dispense().setWhenHandedOverElement(null);

        String text = new String(new JahisWriter(StandardCharsets.UTF_8).write(patient, List.of(undated)), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("201,");
    }

    private static MedicationDispense dispense() {
        MedicationDispense dispense = new MedicationDispense().setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setMedication(new CodeableConcept(new Coding("urn:oid:1.2.392.100495.20.2.73", "1149019F1560", null))
                        .setText("ロキソプロフェンNa錠60mg"))
                .setQuantity(new Quantity(21).setUnit("錠"))
                .setDaysSupply(new Quantity(7).setUnit("日"))
                .setWhenHandedOverElement(new DateTimeType("2026-03-01T10:00:00+09:00"));
        dispense.addDosageInstruction().setText("毎食後");
        dispense.addNote(new Annotation().setText("胃薬と一緒に"));
        return dispense;
    }
}
