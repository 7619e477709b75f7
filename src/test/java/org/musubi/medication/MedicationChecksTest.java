package org.musubi.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.musubi.medication.MedicationEntry.Kind;
import org.musubi.record.fhir.FhirSystems;

/** Duplicate-medication alerts over a patient's prescriptions and dispensings. */
class MedicationChecksTest {

    private static final String YJ = FhirSystems.YJ;
    private static final String SYNTH_YJ = "urn:oid:1.2.392.100495.20.1.73";
    private static final String HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    private static final Source HOSPITAL_A = new Source("1310000001", "A病院", "結 一郎");
    private static final Source CLINIC_B = new Source("1310000002", "B医院", "結 二郎");
    private static final Source PHARMACY_C = new Source("1340000001", "C薬局", "薬 花子");
    private static final Source PHARMACY_D = Source.named("D薬局");

    private final InMemoryDrugMaster master = InMemoryDrugMaster.sample();
    private final MedicationChecks checks = new MedicationChecks(master);

    @Test
    void alertsTheSameIngredientFromTwoInstitutionsOverOverlappingPeriods() {
        CheckResult result = checks.check(List.of(
                prescription("rx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-01", 30, HOSPITAL_A),
                prescription("rx2", SYNTH_YJ, "2171022F2027", "アムロジピン錠10mg", "2026-04-20", 28, CLINIC_B)));

        assertThat(result.alerts()).singleElement().isEqualTo(new SameIngredient("2171022", "アムロジピンベシル酸塩",
                List.of("rx1", "rx2"), List.of("A病院", "B医院"), date("2026-04-20"), date("2026-04-30")));
        MedicationAlert alert = result.alerts().getFirst();
        assertThat(MedicationTexts.japanese(alert.messageKey(), alert.messageArgs().toArray()))
                .isEqualTo("同一成分の重複: アムロジピンベシル酸塩（A病院・B医院）2026-04-20〜2026-04-30");
        assertThat(MedicationTexts.english(alert.messageKey(), alert.messageArgs().toArray()))
                .isEqualTo("Same ingredient twice: アムロジピンベシル酸塩 (A病院・B医院) 2026-04-20 to 2026-04-30");
        assertThat(result.unknown()).isEmpty();
        assertThat(result.resolved().get("rx2").productName()).isEqualTo("アムロジピン錠10mg");
    }

    @Test
    void periodsThatOnlyTouchDoNotOverlapButOneSharedDayDoes() {
        MedicationEntry april = prescription("rx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-01", 30, HOSPITAL_A);

        assertThat(checks.check(List.of(april,
                prescription("rx2", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-05-01", 30, CLINIC_B))).alerts()).isEmpty();
        assertThat(checks.check(List.of(april,
                prescription("rx3", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-30", 30, CLINIC_B))).alerts())
                .singleElement().satisfies(a -> {
                    assertThat(a.overlapStart()).isEqualTo(date("2026-04-30"));
                    assertThat(a.overlapEnd()).isEqualTo(date("2026-04-30"));
                });
    }

    @Test
    void theSamePrescriberTwiceIsNoDuplicate() {
        CheckResult result = checks.check(List.of(
                prescription("rx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-01", 30, HOSPITAL_A),
                prescription("rx2", YJ, "2171022F2027", "アムロジピン錠10mg", "2026-04-10", 30,
                        new Source("1310000001", "Ａ病院（本院）", "別の医師"))));

        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void aPrescriptionAndItsOwnDispensingDoNotAlertAgainstEachOther() {
        CheckResult result = checks.check(List.of(
                prescription("rx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-01", 30, HOSPITAL_A),
                dispensing("dx1", YJ, "2171022F1038", "アムロジピン錠5mg「ユイ」", "2026-04-01", 30, HOSPITAL_A, PHARMACY_C)));

        assertThat(result.alerts()).isEmpty();
        assertThat(result.resolved()).containsOnlyKeys("rx1", "dx1");
    }

    @Test
    void theSamePrescriptionDispensedAtTwoPharmaciesAlerts() {
        CheckResult result = checks.check(List.of(
                dispensing("dx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-01", 30, HOSPITAL_A, PHARMACY_C),
                dispensing("dx2", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-15", 30, HOSPITAL_A, PHARMACY_D)));

        assertThat(result.alerts()).singleElement().isInstanceOf(SameIngredient.class)
                .extracting(MedicationAlert::sources).isEqualTo(List.of("A病院", "C薬局", "D薬局"));
    }

    @Test
    void differentIngredientsOfOneClassAlertWhateverTheirSource() {
        CheckResult result = checks.check(List.of(
                prescription("rx1", YJ, "2149039F1028", "テルミサルタン錠40mg", "2026-04-01", 30, HOSPITAL_A),
                prescription("rx2", YJ, "2149040F2020", "カンデサルタン錠8mg", "2026-04-01", 14, HOSPITAL_A),
                prescription("rx3", YJ, "2189015F1024", "アトルバスタチン錠10mg", "2026-04-01", 30, HOSPITAL_A)));

        assertThat(result.alerts()).singleElement().isEqualTo(new SameClass("2149", List.of("テルミサルタン", "カンデサルタン　シレキセチル"),
                List.of("rx1", "rx2"), List.of("A病院"), date("2026-04-01"), date("2026-04-14")));
        MedicationAlert alert = result.alerts().getFirst();
        assertThat(MedicationTexts.japanese(alert.messageKey(), alert.messageArgs().toArray()))
                .isEqualTo("同じ薬効分類（2149）の重複: テルミサルタン・カンデサルタン　シレキセチル（A病院）2026-04-01〜2026-04-14");
    }

    @Test
    void drugsCodedOtherwiseAreFoundByNameAndUnknownOnesAreReportedNotChecked() {
        MedicationEntry byHot = dispensing("dx1", HOT9, "123456701", "アムロジピンOD錠5mg「ユイ」", "2026-04-01", 30, CLINIC_B,
                PHARMACY_C);
        MedicationEntry unknown = prescription("rx9", HOT9, "999999901", "ムスビ架空錠1mg", "2026-04-01", 30, HOSPITAL_A);
        MedicationEntry unknownCode = prescription("rx8", YJ, "9999999F9999", null, "2026-04-01", 30, HOSPITAL_A);

        CheckResult result = checks.check(List.of(byHot, unknown, unknownCode,
                prescription("rx1", YJ, "2171022F1020", "アムロジピン錠5mg", "2026-04-10", 30, HOSPITAL_A)));

        assertThat(result.resolved().get("dx1").yjCode()).isEqualTo("2171022F3023");
        assertThat(result.unknown()).containsExactly(unknown, unknownCode);
        assertThat(result.alerts()).singleElement().isInstanceOf(SameIngredient.class);
        assertThat(MedicationTexts.japanese(CheckResult.UNKNOWN, "ムスビ架空錠1mg"))
                .isEqualTo("医薬品マスタにない薬剤のため重複を確認していません: ムスビ架空錠1mg");
    }

    @Test
    void monthlyRefillsFromTwoInstitutionsGiveOneAlertOverTheWholeOverlap() {
        List<MedicationEntry> entries = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            entries.add(prescription("a" + month, YJ, "2171022F1020", "アムロジピン錠5mg",
                    date("2026-01-01").plusDays(28L * month).toString(), 28, HOSPITAL_A));
            entries.add(prescription("b" + month, YJ, "2171022F1020", "アムロジピン錠5mg",
                    date("2026-01-10").plusDays(28L * month).toString(), 28, CLINIC_B));
        }

        CheckResult result = checks.check(entries);

        assertThat(result.alerts()).singleElement().satisfies(a -> {
            assertThat(a.entryIds()).hasSize(12).startsWith("a0", "b0", "a1");
            assertThat(a.overlapStart()).isEqualTo(date("2026-01-10"));
            assertThat(a.overlapEnd()).isEqualTo(date("2026-01-10").plusDays(28L * 5 - 1 + 28 - 9));
        });
    }

    @Test
    void thousandsOfEntriesAreCheckedWithTwoLookups() {
        List<MedicationEntry> entries = new ArrayList<>();
        String[][] drugs = {{"2171022F1020", "アムロジピン錠5mg"}, {"2189015F1024", "アトルバスタチン錠10mg"},
            {"3962002F1010", "メトホルミン塩酸塩錠250mg"}, {"2329028F1029", "ランソプラゾール口腔内崩壊錠15mg"}};
        for (int i = 0; i < 20_000; i++) {
            String[] drug = drugs[i % drugs.length];
            entries.add(prescription("rx" + i, YJ, drug[0], drug[1], date("2000-01-01").plusDays(7L * (i / drugs.length))
                    .toString(), 7, HOSPITAL_A));
        }
        entries.add(prescription("other", YJ, "2329022H1020", "オメプラゾール腸溶錠20mg", "2010-01-01", 14, CLINIC_B));

        long started = System.nanoTime();
        CheckResult result = checks.check(entries);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.alerts()).singleElement().isInstanceOf(SameClass.class)
                .extracting(MedicationAlert::entryIds).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("other").hasSize(4);
        assertThat(master.lookups).hasValue(2);
        assertThat(millis).as("20,000 entries in %d ms", millis).isLessThan(5_000);
    }

    private static MedicationEntry prescription(String id, String system, String code, String name, String start, int days,
                                                Source prescriber) {
        return MedicationEntry.forDays(id, system, code, name, date(start), days, prescriber, null, Kind.PRESCRIPTION);
    }

    private static MedicationEntry dispensing(String id, String system, String code, String name, String start, int days,
                                              Source prescriber, Source pharmacy) {
        return MedicationEntry.forDays(id, system, code, name, date(start), days, prescriber, pharmacy, Kind.DISPENSING);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
