package org.musubi.ingest.orca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;

/**
 * The connector's pull ({@link OrcaPull} through {@link OrcaClient}, over HTTP) against {@link OrcaStandIn} serving
 * ORCA's documented answer shapes — the fixture patient 00101 (src/test/resources/orca/00101: a patient with
 * contraindicated drugs, a disease list with every 転帰 and both ways of saying 疑い, two visits of one day with
 * prescriptions, an injection, a treatment, an X-ray and comments) — and what {@link OrcaReader} makes of the pulled
 * file, every value asserted as a clinician reads it: the calls made (class=02 per visit, Select_Mode All, test patients
 * left out), the prescriptions (drug, daily dose, usage, days, comment), the procedures, materials and comments, 死亡
 * and 疑い, the contraindications; each API's own "no data" code; a window with too many patients asked in halves;
 * diseases beyond one answer pulled page by page.
 */
class OrcaPullTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final MappingContext CONTEXT = new MappingContext("3410000001", "ORCA診療所");
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private OrcaStandIn orca;
    private OrcaClient client;

    @BeforeEach
    void setUp() throws Exception {
        orca = new OrcaStandIn("ormaster", "pw", TODAY);
        client = new OrcaClient(OrcaStandIn.http(), orca.baseUrl(), "ormaster", "pw");
    }

    @AfterEach
    void tearDown() {
        orca.close();
    }

    @Test
    void aWindowAsksEachApiAsOrcaDocumentsIt() {
        orca.addFixture("00101", TODAY.minusDays(1));
        OrcaStandIn.Patient test = orca.add(new OrcaStandIn.Patient("00102", "試験　患者", "シケン　カンジャ", "1",
                "1990-01-01", TODAY.minusDays(1)));
        test.test = true;

        List<IncomingFile> files = OrcaPull.window(client, TODAY.minusDays(3), TODAY);

        assertThat(files).extracting(f -> f.file().name()).as("the test patient is left out")
                .containsExactly("orca/2026-05-17_2026-05-20/00101.xml");
        assertThat(orca.calls).containsExactly("/api01rv2/patientlst1v2?class=01", "/api01rv2/patientgetv2?id=00101",
                "/api01rv2/diseasegetv2?class=01", "/api01rv2/medicalgetv2?class=01", "/api01rv2/medicalgetv2?class=02",
                "/api01rv2/medicalgetv2?class=02");
        assertThat(orca.bodies.get(0)).contains("<Base_StartDate type=\"string\">2026-05-17</Base_StartDate>",
                "<Base_EndDate type=\"string\">2026-05-20</Base_EndDate>",
                "<Contain_TestPatient_Flag type=\"string\">1</Contain_TestPatient_Flag>");
        assertThat(orca.bodies.get(2)).contains("<Base_Date type=\"string\">2026-05</Base_Date>",
                "<Select_Mode type=\"string\">All</Select_Mode>");
        assertThat(orca.bodies.get(3)).contains("<Perform_Date type=\"string\">2026-05</Perform_Date>",
                "<For_Months type=\"string\">01</For_Months>");
        assertThat(orca.bodies.get(4)).as("the visit billed to two insurance combinations is asked once")
                .contains("<Perform_Date type=\"string\">2026-05-18</Perform_Date>",
                        "<Department_Code type=\"string\">01</Department_Code>",
                        "<Sequential_Number type=\"string\">1</Sequential_Number>");
        assertThat(orca.bodies.get(5)).contains("<Sequential_Number type=\"string\">2</Sequential_Number>");
    }

    @Test
    void prescriptionsArriveAsAClinicianReadsThem() {
        List<ParseResult> results = pullFixture();

        assertThat(records(results)).containsExactly("orca:patient:00101", "orca:diseases:00101",
                "orca:visit:00101:2026-05-18:01", "orca:visit:00101:2026-05-18:01:2");
        List<String> prescriptions = of(results, MedicationRequest.class).stream().map(OrcaPullTest::prescription).toList();
        assertThat(prescriptions).containsExactly(
                "アムロジピン錠５ｍｇ「サンプル」 620000101 | 1日量 1錠 | １日２回朝夕食後に 001000203 | 14日分 計14錠 | 一包化"
                        + " | RP2-1 community Community 212 内服薬剤（院外処方）",
                "ファモチジン錠１０ｍｇ「サンプル」 620000102 | 1日量 2錠 | １日２回朝夕食後に 001000203 | 14日分 計28錠 | 一包化"
                        + " | RP2-2 community Community 212 内服薬剤（院外処方）",
                "ロキソプロフェンＮａ錠６０ｍｇ「サンプル」 620000103 | 頓用 1回 1錠 5回 | 疼痛時 001000801 | 計5錠 | "
                        + " | RP3-1 community Community 222 頓服薬剤（院外処方）",
                "ケトプロフェンテープ２０ｍｇ「サンプル」 620000104 |  | １日１回腰部に貼付 001000601 | 計14枚 回数1 | "
                        + " | RP4-1 community Community 232 外用薬剤（院外処方）");
        MedicationRequest amlodipine = of(results, MedicationRequest.class).getFirst();
        assertThat(amlodipine.getMedicationCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(DrugCodes.RECEIPT);
        assertThat(amlodipine.getAuthoredOnElement().getValueAsString()).isEqualTo("2026-05-18");
        assertThat(amlodipine.getEncounter().getReference()).isEqualTo("urn:source:Encounter/visit:2026-05-18:01");
        assertThat(amlodipine.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getDenominator()
                .getCode()).isEqualTo("d");
    }

    @Test
    void proceduresInjectionsMaterialsAndCommentsArriveEachOnItsVisit() {
        List<ParseResult> results = pullFixture();

        assertThat(of(results, Encounter.class)).extracting(e -> e.getPeriod().getStartElement().getValueAsString() + " "
                        + e.getServiceType().getText() + " " + e.getClass_().getCode())
                .containsExactly("2026-05-18 内科 AMB", "2026-05-18 内科 AMB");
        assertThat(of(results, Procedure.class).stream().map(OrcaPullTest::procedure).toList()).containsExactly(
                "112007410 再診料 | 120 再診 | 量1 回数1 |  | ",
                "120002910 処方箋料（その他） | 820 処方箋料 | 量1 回数1 |  | ",
                "130000510 皮下筋肉内注射 | 311 皮下筋肉内注射 | 量1 回数1 |  | ",
                "140000610 創傷処置（１００平方センチメートル未満） | 400 処置行為 | 量1 回数1 |  | 処置部位：右前腕 | 099999908",
                "170000410 単純撮影（イ）の写真診断 | 700 画像診断 | 量1 回数1 | 胸部 002001000 | ",
                "material 770010000 画像記録用フィルム（半切） | 700 画像診断 | 量2枚 回数1 | 胸部 002001000 | ",
                "160000310 尿一般 | 600 検査 | 量1 回数1 |  | ");
        assertThat(of(results, MedicationAdministration.class).stream().map(a -> a.getMeta().getProfile().getFirst()
                .getValue().replace(FhirSystems.JP_CORE_PROFILE, "") + " " + a.getMedicationCodeableConcept().getText()
                + " " + quantity(a.getDosage().getDose()) + " " + a.getEffectiveDateTimeType().getValueAsString() + " "
                + a.getCategory().getCodingFirstRep().getCode() + " | " + notes(a.getNote()) + " | " + items(a.getExtension())))
                .containsExactly(
                        "JP_MedicationAdministration_Injection インフルエンザＨＡワクチン「サンプル」 0.5ｍＬ 2026-05-18 311 |  | ",
                        "JP_MedicationAdministration ゲンタマイシン硫酸塩軟膏０．１％「サンプル」 2ｇ 2026-05-18 400 | 処置部位：右前腕"
                                + " | 099999908");
        assertThat(of(results, Communication.class)).singleElement().satisfies(c -> {
            assertThat(c.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo("次回空腹時採血");
            assertThat(c.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("990");
            assertThat(c.getSentElement().getValueAsString()).isEqualTo("2026-05-18");
        });
        assertThat(warnings(results)).as("what the fixture's patient page holds that is not stored").containsExactly(
                "ingest.orca.notStored Comment1");
    }

    @Test
    void deathAndSuspicionArriveAsSuch() {
        List<ParseResult> results = pullFixture();

        assertThat(of(results, Condition.class).stream().map(OrcaPullTest::condition).toList()).containsExactly(
                "ＨＣＶ抗体陽性 |  | confirmed |  →  | 感染症（ORCA 患者登録 Infection1）",
                "急性心筋梗塞 4109014 | inactive D 死亡 | confirmed | 2026-05-18 → 2026-05-19",
                "胃炎 8830417 +8002 の疑い | active | unconfirmed | 2026-05-18 → ",
                "急性気管支炎 4660007 -4012 急性 +8002 の疑い | resolved F 治ゆ | unconfirmed SA | 2025-12-08 → 2025-12-22",
                "両変形性膝関節症 7153018 -2057 両 | inactive C 中止 | confirmed | 2022-05-16 → 2024-03-31 | 右膝優位",
                "慢性胃炎 5351013 | inactive S 移行 | confirmed | 2020-10-01 → 2021-03-31",
                "高血圧症 8833421 | active | confirmed | 2019-04-01 →  | 主病名");
        Condition death = of(results, Condition.class).get(1);
        assertThat(ConditionStatus.of(death).clinical()).as("never a plain resolved").isEqualTo("inactive");
        assertThat(death.getClinicalStatus().getText()).isEqualTo("死亡");
        assertThat(ConditionStatus.outcome(new tools.jackson.databind.ObjectMapper().readTree(json(death))))
                .as("JP Core's disease outcome, as the chart reads it").isEqualTo("死亡");
        assertThat(of(results, Condition.class).stream().map(c -> c.getExtensionByUrl(FhirSystems.DISEASE_OUTCOME))
                .map(e -> e == null ? "-" : ((CodeableConcept) e.getValue()).getCoding().stream()
                        .map(x -> x.getSystem().replaceAll(".*[:/]", "") + " " + x.getCode() + " " + x.getDisplay())
                        .collect(Collectors.joining(", ")) + " | " + ((CodeableConcept) e.getValue()).getText()).toList())
                .as("the outcome as ORCA sent it, with HL7's or JHSD's code where one says the same").containsExactly("-",
                        "outcome D 死亡, HL70241 D 死亡 | 死亡", "-", "outcome F 治ゆ, HL70241 F 完全に回復した | 治ゆ",
                        "outcome C 中止, JHSD0006 I 中止 | 中止", "outcome S 移行 | 移行", "-");
        assertThat(ConditionStatus.of(of(results, Condition.class).get(2)).suspected()).isTrue();
        assertThat(of(results, org.hl7.fhir.r4.model.Patient.class)).singleElement()
                .satisfies(p -> assertThat(p.getDeceasedBooleanType().booleanValue()).as("死亡区分 1").isTrue());
    }

    @Test
    void contraindicatedDrugsAndAllergiesArrive() {
        List<ParseResult> results = pullFixture();

        assertThat(of(results, AllergyIntolerance.class).stream().map(a -> a.getCode().getText() + " | "
                + a.getCode().getCoding().stream().map(c -> c.getSystem().equals(DrugCodes.RECEIPT) ? c.getCode() : "?")
                .collect(Collectors.joining()) + " | " + a.getCategory().stream().map(c -> c.getValue().toCode())
                .collect(Collectors.joining()) + " | " + (a.hasCriticality() ? a.getCriticality().toCode() : "") + " | "
                + a.getRecordedDateElement().getValueAsString() + " | " + notes(a.getNote()) + " | "
                + a.getClinicalStatus().getCodingFirstRep().getCode())).containsExactly(
                "ワルファリンＫ錠１ｍｇ「サンプル」 | 620000201 | medication | high | 2021-06-10 | 禁忌薬剤（ORCA 患者禁忌薬剤情報） | active",
                "アスピリン腸溶錠１００ｍｇ「サンプル」 | 620000202 | medication | high | null | 禁忌薬剤（ORCA 患者禁忌薬剤情報） | active",
                "セファレキシンカプセル２５０ｍｇ「サンプル」 | 620000203 | medication | high | 2023-09-01 | 禁忌薬剤（ORCA 患者禁忌薬剤情報）"
                        + " | inactive",
                "ヨード造影剤 |  |  | high | null | 禁忌（ORCA 患者登録 Contraindication1） | active",
                "そば |  |  |  | null | アレルギー（ORCA 患者登録 Allergy1） | active");
    }

    @Test
    void eachApisOwnNoDataCodeMeansNothingAndAnotherApisIsAFailure() {
        assertThat(OrcaPull.window(client, TODAY.minusDays(3), TODAY)).as("patientlst1v2 20: nobody changed").isEmpty();

        orca.add(new OrcaStandIn.Patient("00001", "日医　太郎", "ニチイ　タロウ", "1", "1958-03-04", TODAY.minusDays(1)));
        List<ParseResult> results = read(OrcaPull.window(client, TODAY.minusDays(3), TODAY));
        assertThat(records(results)).as("diseasegetv2 21 (no disease) is an empty list; medicalgetv2 15 no visit")
                .containsExactly("orca:patient:00001", "orca:diseases:00001");
        assertThat(((ParseResult.Parsed) results.get(1)).resources()).isEmpty();

        orca.fail(OrcaPull.MEDICAL, 1, "21");
        assertThatThrownBy(() -> OrcaPull.window(client, TODAY.minusDays(3), TODAY)).isInstanceOf(OrcaFailure.class)
                .hasMessage(OrcaPull.MEDICAL + ": Api_Result 21 エラー（スタンドイン）");
    }

    @Test
    void aWindowWithMorePatientsThanOrcaListsIsAskedInHalves() {
        orca.listCap = 1;
        orca.add(new OrcaStandIn.Patient("00001", "日医　太郎", "ニチイ　タロウ", "1", "1958-03-04", TODAY.minusDays(3)));
        orca.add(new OrcaStandIn.Patient("00002", "日医　花子", "ニチイ　ハナコ", "2", "1962-11-20", TODAY));

        assertThat(OrcaPull.window(client, TODAY.minusDays(3), TODAY)).extracting(f -> f.file().name())
                .containsExactly("orca/2026-05-17_2026-05-20/00001.xml", "orca/2026-05-17_2026-05-20/00002.xml");
        assertThat(orca.bodies.stream().filter(b -> b.contains("patientlst1req")).map(b -> b.replaceAll(
                ".*<Base_StartDate[^>]*>([^<]*)<.*<Base_EndDate[^>]*>([^<]*)<.*", "$1..$2")).toList())
                .containsExactly("2026-05-17..2026-05-20", "2026-05-17..2026-05-18", "2026-05-19..2026-05-20");

        orca.add(new OrcaStandIn.Patient("00003", "日医　次郎", "ニチイ　ジロウ", "1", "1990-01-01", TODAY));
        assertThatThrownBy(() -> OrcaPull.window(client, TODAY.minusDays(3), TODAY)).isInstanceOf(OrcaFailure.class)
                .hasMessageContaining("more than 1,000 patients changed on 2026-05-20");
    }

    @Test
    void diseasesBeyondOneAnswerArePulledPageByPage() {
        orca.diseaseCap = 2;
        OrcaStandIn.Patient taro = orca.add(new OrcaStandIn.Patient("00001", "日医　太郎", "ニチイ　タロウ", "1",
                "1958-03-04", TODAY.minusDays(1)));
        taro.disease("8833421", "高血圧症", "2019-04-01", "", "", "", "01")
                .disease("2500015", "２型糖尿病", "2021-02-10", "", "", "", "01")
                .disease("4660007", "気管支炎", "2023-01-05", "2023-01-20", "F", "", "01")
                .disease("4779004", "アレルギー性鼻炎", "2024-03-01", "", "", "", "01")
                .disease("5319009", "胃潰瘍", "2025-07-07", "2025-09-30", "F", "", "01");

        List<ParseResult> results = read(OrcaPull.window(client, TODAY.minusDays(3), TODAY));

        assertThat(orca.bodies.stream().filter(b -> b.contains("disease_inforeq"))
                .map(b -> b.replaceAll(".*<Base_Date[^>]*>([^<]*)<.*", "$1")).toList())
                .containsExactly("2026-05", "2024-02", "2021-01");
        assertThat(of(results, Condition.class)).extracting(c -> c.getCode().getText()).containsExactly("胃潰瘍",
                "アレルギー性鼻炎", "気管支炎", "２型糖尿病", "高血圧症");
        assertThat(warnings(results)).isEmpty();
    }

    // ---- reading what was pulled -------------------------------------------------------------------------------

    private List<ParseResult> pullFixture() {
        orca.addFixture("00101", TODAY.minusDays(1));
        return read(OrcaPull.window(client, TODAY.minusDays(3), TODAY));
    }

    static List<ParseResult> read(List<IncomingFile> files) {
        List<ParseResult> results = new ArrayList<>();
        for (IncomingFile file : files) {
            new OrcaReader().read(file.file(), CONTEXT, results::add);
        }
        return results;
    }

    private static List<String> records(List<ParseResult> results) {
        return results.stream().map(r -> r instanceof ParseResult.Parsed p ? p.recordKey() : "rejected").toList();
    }

    static <T extends Resource> List<T> of(List<ParseResult> results, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (ParseResult r : results) {
            if (r instanceof ParseResult.Parsed p) {
                if (type.isInstance(p.patientResource()) && p.authoritative()) {
                    found.add(type.cast(p.patientResource()));
                }
                p.resources().stream().map(MappedResource::resource).filter(type::isInstance).map(type::cast)
                        .forEach(found::add);
            }
        }
        return found;
    }

    static List<String> warnings(List<ParseResult> results) {
        List<String> found = new ArrayList<>();
        for (ParseResult r : results) {
            if (r instanceof ParseResult.Parsed p) {
                for (Problem w : p.warnings()) {
                    found.add(w.code() + " " + w.where().field());
                }
            }
        }
        return found;
    }

    private static String prescription(MedicationRequest r) {
        var dosage = r.getDosageInstructionFirstRep();
        var rate = dosage.getDoseAndRateFirstRep();
        String amount = rate.hasRateRatio() ? "1日量 " + quantity(rate.getRateRatio().getNumerator())
                : dosage.hasAsNeededBooleanType() && dosage.getAsNeededBooleanType().booleanValue() ? "頓用 1回 " + quantity(rate.getDoseQuantity()) + " "
                + dosage.getTiming().getRepeat().getCount() + "回" : "";
        String days = r.getDispenseRequest().hasExpectedSupplyDuration()
                ? r.getDispenseRequest().getExpectedSupplyDuration().getValue().toPlainString() + "日分 " : "";
        String classNumber = r.getExtension().stream().filter(e -> e.getUrl().equals(OrcaSystems.CLASS_NUMBER))
                .map(e -> " 回数" + e.getValue().primitiveValue()).collect(Collectors.joining());
        String rp = r.getIdentifier().stream().filter(i -> i.getSystem().equals(FhirSystems.RP_NUMBER))
                .map(i -> i.getValue()).collect(Collectors.joining()) + "-" + r.getIdentifier().stream()
                .filter(i -> i.getSystem().equals(FhirSystems.ORDER_IN_RP)).map(i -> i.getValue()).collect(Collectors.joining());
        return r.getMedicationCodeableConcept().getText() + " " + r.getMedicationCodeableConcept().getCodingFirstRep().getCode()
                + " | " + amount + " | " + dosage.getText() + " " + dosage.getTiming().getCode().getCodingFirstRep().getCode()
                + " | " + days + "計" + quantity(r.getDispenseRequest().getQuantity()) + classNumber + " | "
                + notes(r.getNote()) + " | RP" + rp + " " + r.getCategory().stream().map(c -> c.getCodingFirstRep().getCode()
                + (c.getCodingFirstRep().hasDisplay() ? " " + c.getCodingFirstRep().getDisplay() : ""))
                .collect(Collectors.joining(" "));
    }

    private static String procedure(Procedure p) {
        Coding code = p.getCode().getCodingFirstRep();
        String amount = p.getExtension().stream().filter(e -> e.getUrl().equals(OrcaSystems.AMOUNT))
                .map(e -> e.getValue() instanceof Quantity q ? quantity(q) : e.getValue().primitiveValue())
                .collect(Collectors.joining());
        String times = p.getExtension().stream().filter(e -> e.getUrl().equals(OrcaSystems.CLASS_NUMBER))
                .map(e -> e.getValue().primitiveValue()).collect(Collectors.joining());
        return (code.getSystem().equals(OrcaSystems.MATERIAL) ? "material " : "") + code.getCode() + " "
                + p.getCode().getText() + " | " + p.getCategory().getCodingFirstRep().getCode() + " "
                + p.getCategory().getCodingFirstRep().getDisplay() + " | 量" + amount + " 回数" + times + " | "
                + p.getBodySite().stream().map(b -> b.getText() + " " + b.getCodingFirstRep().getCode())
                .collect(Collectors.joining()) + " | " + notes(p.getNote()) + (items(p.getExtension()).isEmpty() ? ""
                : " | " + items(p.getExtension()));
    }

    private static String condition(Condition c) {
        List<String> codes = new ArrayList<>();
        c.getCode().getCoding().forEach(x -> codes.add(x.getCode()));
        for (Extension e : c.getCode().getExtension()) {
            Coding m = ((CodeableConcept) e.getValue()).getCodingFirstRep();
            codes.add((e.getUrl().equals(FhirSystems.DISEASE_PREFIX_MODIFIER) ? "-" : "+") + m.getCode() + " " + m.getDisplay());
        }
        String flag = c.getExtension().stream().filter(e -> e.getUrl().equals(OrcaSystems.SUSPECTED_FLAG))
                .map(e -> " " + e.getValue().primitiveValue()).collect(Collectors.joining());
        String principal = c.getExtension().stream().filter(e -> e.getUrl().equals(FhirSystems.DIAGNOSIS_TYPE))
                .map(e -> " | " + ((CodeableConcept) e.getValue()).getCodingFirstRep().getDisplay()).collect(Collectors.joining());
        return c.getCode().getText() + (codes.isEmpty() ? "" : " " + String.join(" ", codes)) + " | "
                + c.getClinicalStatus().getCoding().stream().map(x -> x.getCode() + (x.hasDisplay() ? " " + x.getDisplay() : ""))
                .collect(Collectors.joining(" ")) + " | " + c.getVerificationStatus().getCodingFirstRep().getCode() + flag
                + " | " + (c.hasOnset() ? c.getOnsetDateTimeType().getValueAsString() : "") + " → "
                + (c.hasAbatement() ? c.getAbatementDateTimeType().getValueAsString() : "") + principal
                + (c.hasNote() ? " | " + notes(c.getNote()) : "");
    }

    private static String quantity(Quantity q) {
        return q == null || q.isEmpty() ? "" : q.getValue().stripTrailingZeros().toPlainString() + (q.hasUnit() ? q.getUnit() : "");
    }

    private static String notes(List<Annotation> notes) {
        return notes.stream().map(Annotation::getText).collect(Collectors.joining(" / "));
    }

    private static String items(List<Extension> extensions) {
        return extensions.stream().filter(e -> e.getUrl().equals(OrcaSystems.ORCA_ITEM))
                .map(e -> ((Coding) e.getValue()).getCode()).collect(Collectors.joining(" "));
    }

    static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
