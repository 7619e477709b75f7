package org.musubi.ingest.uke;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ReplacedScope;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.receiptmaster.DemoMasters;
import org.musubi.record.fhir.FhirSystems;

/** The UKE reader on files the team wrote from the 記録条件仕様: every field it reads, and every way a record is refused. */
class UkeReaderTest {

    static final String CLINIC = "3410000001";
    static final String PHARMACY = "3440000002";

    /** A 医科 file of April 2024 claimed in May: an outpatient with a カルテ番号, and a 公費 inpatient without one. */
    static UkeFiles clinicApril() {
        return UkeFiles.medical(CLINIC, "むすび内科", "202405")
                .re(1, "1112", "202404", "山田　太郎", "1", "3450101", "K-0001", "ﾔﾏﾀﾞ ﾀﾛｳ")
                .ho("06340001", "記号１", "１２３４", 2, 1200)
                .sn("06340001", "記号１", "１２３４", "01")
                .sy("8841934", "20240401", "1", "", "高血圧症", "01", "")
                .sy("0000999", "3430315", "2", "21518002", "感冒", "", "補足あり")
                .co("", "", "診療報酬明細のコメント")
                .item("SI", "11", "111000110", "", 291, 1, Map.of(1, 1))
                .item("SI", "13", "113001810", "", 225, 2, Map.of(1, 1, 15, 1))
                .co("13", "810000001", "再診時も指導")
                .item("IY", "21", "610406079", "1.5", 5, 14, Map.of(1, 14))
                .co("", "", "朝食後")
                .item("IY", "", "620000001", "2", 3, 7, Map.of(15, 7))
                .to("40", "700590000", "1", 10, 1, "ガーゼ", Map.of(15, 1))
                .re(2, "1211", "202404", "佐藤　花子", "2", "19880229", "", "")
                .ko("54340012", "1234567", 3, 900)
                .item("SI", "90", "190077410", "", 1000, 3, Map.of())
                .go(2, 2100);
    }

    @Test
    void readsEveryFieldOfAMedicalReceipt() {
        List<ParseResult> results = read("clinic-202404.UKE", clinicApril().bytes(), CLINIC);
        assertThat(results).hasSize(2).allMatch(r -> r instanceof ParseResult.Parsed);
        ParseResult.Parsed first = (ParseResult.Parsed) results.getFirst();

        assertThat(first.recordKey()).isEqualTo("uke:202404:1112");
        assertThat(first.version()).as("claim month, payer and kind, then the fingerprint").startsWith("202405#1M:")
                .hasSize(10 + 16);
        assertThat(first.where().line()).isEqualTo(2);
        assertThat(first.warnings()).isEmpty();
        assertThat(first.patient().localId()).isEqualTo("K-0001");
        assertThat(first.patient().familyKanji()).isEqualTo("山田");
        assertThat(first.patient().givenKanji()).isEqualTo("太郎");
        assertThat(first.patient().familyKana()).isEqualTo("ﾔﾏﾀﾞ");
        assertThat(first.patient().givenKana()).isEqualTo("ﾀﾛｳ");
        assertThat(first.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(first.patient().birthDate()).hasToString("1970-01-01");
        Patient patient = first.patientResource();
        assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue()).containsExactly(
                FhirSystems.PATIENT_ID_ROOT + CLINIC + "|K-0001",
                FhirSystems.INSURANCE_MEMBER_ID + "|06340001:記号１:１２３４:01");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1970-01-01");
        assertThat(patient.getGender().toCode()).isEqualTo("male");
        assertThat(patient.getName()).extracting(n -> n.getText()).containsExactly("山田 太郎", "ﾔﾏﾀﾞ ﾀﾛｳ");

        Map<String, Resource> byKey = byKey(first);
        assertThat(byKey.keySet()).containsExactly(
                "uke:202404:1112/visit/2024-04-01", "uke:202404:1112/visit/2024-04-15",
                "uke:202404:1112/diagnosis/8841934/", "uke:202404:1112/diagnosis/0000999/21518002",
                "uke:202404:1112/SI/11/111000110/2024-04-01", "uke:202404:1112/SI/13/113001810/2024-04-01",
                "uke:202404:1112/SI/13/113001810/2024-04-15", "uke:202404:1112/IY/21/610406079/2024-04-01",
                "uke:202404:1112/IY/21/620000001/2024-04-15", "uke:202404:1112/TO/40/700590000/2024-04-15",
                "uke:202404:1112/comment");

        Encounter visit = (Encounter) byKey.get("uke:202404:1112/visit/2024-04-15");
        assertThat(visit.getClass_().getCode()).isEqualTo("AMB");
        assertThat(visit.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-04-15");
        assertThat(visit.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-04-15");
        assertThat(visit.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(text(visit.getExtensionByUrl(UkeSystems.RECEIPT))).isEqualTo("202404:1112");

        Condition main = (Condition) byKey.get("uke:202404:1112/diagnosis/8841934/");
        assertThat(main.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.RECEIPT_DISEASE);
        assertThat(main.getCode().getCodingFirstRep().getCode()).isEqualTo("8841934");
        assertThat(main.getCode().getText()).isEqualTo("高血圧症");
        assertThat(main.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-04-01");
        assertThat(main.getClinicalStatus().getCoding()).extracting(c -> c.getCode()).containsExactly("active", "1");
        assertThat(main.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(main.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).containsExactly("encounter-diagnosis", "01");
        Condition cold = (Condition) byKey.get("uke:202404:1112/diagnosis/0000999/21518002");
        assertThat(cold.getCode().getCodingFirstRep().getCode()).isEqualTo("0000999");
        assertThat(cold.getCode().getText()).as("修飾語 2151 急性 before the name sent; 8002 の疑い is its status")
                .isEqualTo("急性感冒");
        assertThat(cold.getOnsetDateTimeType().getValueAsString()).as("昭和43年3月15日").isEqualTo("1968-03-15");
        assertThat(cold.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(cold.getVerificationStatus().getCodingFirstRep().getCode()).as("8002 の疑い, written as JP-CLINS writes 疑い")
                .isEqualTo("unconfirmed");
        assertThat(cold.getCode().getExtensionsByUrl(FhirSystems.DISEASE_PREFIX_MODIFIER)).singleElement()
                .satisfies(e -> assertThat(e.getValue().castToCodeableConcept(e.getValue()).getCodingFirstRep().getCode())
                        .isEqualTo("2151"));
        assertThat(cold.getCode().getExtensionsByUrl(FhirSystems.DISEASE_POSTFIX_MODIFIER)).hasSize(1);
        assertThat(cold.getCategory()).hasSize(1);
        assertThat(cold.getNoteFirstRep().getText()).isEqualTo("補足あり");

        Procedure revisit = (Procedure) byKey.get("uke:202404:1112/SI/13/113001810/2024-04-15");
        assertThat(revisit.getCode().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.RECEIPT_PROCEDURE);
        assertThat(revisit.getCode().getCodingFirstRep().getCode()).isEqualTo("113001810");
        assertThat(revisit.getCategory().getCodingFirstRep().getCode()).isEqualTo("13");
        assertThat(revisit.getPerformedDateTimeType().getValueAsString()).isEqualTo("2024-04-15");
        assertThat(revisit.getEncounter().getReference()).isEqualTo("urn:source:Encounter/uke:202404:1112/visit/2024-04-15");
        assertThat(((IntegerType) revisit.getExtensionByUrl(UkeSystems.DAY_COUNT).getValue()).getValue()).isEqualTo(1);
        assertThat(revisit.getNoteFirstRep().getText()).isEqualTo("再診時も指導");
        assertThat(text(revisit.getNoteFirstRep().getExtensionByUrl(UkeSystems.RECEIPT_COMMENT))).isEqualTo("810000001");

        MedicationRequest drug = (MedicationRequest) byKey.get("uke:202404:1112/IY/21/610406079/2024-04-01");
        assertThat(drug.getMedicationCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.RECEIPT_MEDICATION);
        assertThat(drug.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("610406079");
        assertThat(drug.getAuthoredOnElement().getValueAsString()).isEqualTo("2024-04-01");
        assertThat(drug.getMedicationCodeableConcept().getText()).isEqualTo("アムロジピン錠５ｍｇ");
        assertThat(drug.getMedicationCodeableConcept().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .as("the 医薬品マスター's YJ code beside").containsExactly(UkeSystems.RECEIPT_MEDICATION + "|610406079",
                        FhirSystems.YJ + "|2171022F1020");
        assertThat(drug.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getNumerator().getValue())
                .as("内服: 使用量 is a day's amount").isEqualByComparingTo("1.5");
        assertThat(drug.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getNumerator().getUnit())
                .isEqualTo("錠");
        assertThat(drug.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio().getDenominator().getCode())
                .isEqualTo("d");
        assertThat(drug.getDosageInstructionFirstRep().getDoseAndRateFirstRep().hasDose()).isFalse();
        assertThat(drug.getDispenseRequest().getExpectedSupplyDuration().getValue()).isEqualByComparingTo("14");
        assertThat(((DecimalType) drug.getExtensionByUrl(UkeSystems.AMOUNT).getValue()).getValue()).isEqualTo(new BigDecimal("1.5"));
        assertThat(drug.hasNote()).as("its 剤 closed with its 点数: the comment after it opens the next").isFalse();
        MedicationRequest second = (MedicationRequest) byKey.get("uke:202404:1112/IY/21/620000001/2024-04-15");
        assertThat(second.getNoteFirstRep().getText()).isEqualTo("朝食後");
        assertThat(second.getCategoryFirstRep().getCodingFirstRep().getCode()).as("診療識別 carried on").isEqualTo("21");
        assertThat(second.getDispenseRequest().getExpectedSupplyDuration().getValue()).isEqualByComparingTo("7");

        Procedure gauze = (Procedure) byKey.get("uke:202404:1112/TO/40/700590000/2024-04-15");
        assertThat(gauze.getUsedCodeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.RECEIPT_MATERIAL);
        assertThat(gauze.getUsedCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("700590000");
        assertThat(gauze.getCode().getText()).isEqualTo("ガーゼ");
        assertThat(gauze.hasNote()).as("a comment before the items is the receipt's").isFalse();
        Communication note = (Communication) byKey.get("uke:202404:1112/comment");
        assertThat(note.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo("診療報酬明細のコメント");
        assertThat(note.getSentElement().getValueAsString()).isEqualTo("2024-04");

        ParseResult.Parsed inpatient = (ParseResult.Parsed) results.get(1);
        assertThat(inpatient.recordKey()).isEqualTo("uke:202404:1211");
        assertThat(inpatient.patient().localId()).as("no カルテ番号: a key from the receipt").matches("uke-[0-9a-f]{16}");
        assertThat(inpatient.patient().birthDate()).hasToString("1988-02-29");
        assertThat(inpatient.patientResource().getIdentifier()).as("公費 alone: no insured-person number").hasSize(1);
        Procedure stay = (Procedure) byKey(inpatient).get("uke:202404:1211/SI/90/190077410/month");
        assertThat(stay.getPerformedPeriod().getStartElement().getValueAsString()).isEqualTo("2024-04-01");
        assertThat(stay.getPerformedPeriod().getEndElement().getValueAsString()).isEqualTo("2024-04-30");
        assertThat(((IntegerType) stay.getExtensionByUrl(UkeSystems.DAY_COUNT).getValue()).getValue()).as("回数").isEqualTo(3);
        assertThat(stay.hasEncounter()).isFalse();
    }

    @Test
    void readsADpcStayItsDiagnosesAndWarnsOfTheRecordsItDoesNotMap() {
        byte[] file = UkeFiles.medical(CLINIC, "むすび病院", "202406")
                .re(1, "1111", "202405", "鈴木　一郎", "1", "19500505", "H-77", "")
                .ho("39340015", "", "00012345", 10, 30000)
                .record("BU", "040080xx99x0xx", "20240501", "20240510", "1", "")
                .sb("4660007", "", "", "J189", "01")
                .sb("0000999", "8002", "誤嚥性肺炎", "J690", "11")
                .record("KK", "", "", "1", "", "", "74")
                .record("HH", "202405", "2", "1", "1", "1", "3000", "9", "27000")
                .sy("4660007", "20240501", "2", "", "肺炎", "01", "")
                .item("SI", "50", "150000110", "", 500, 1, Map.of(3, 1))
                .go(1, 30000).bytes();
        ParseResult.Parsed stay = (ParseResult.Parsed) read("dpc.UKE", file, CLINIC).getFirst();

        Encounter dpc = (Encounter) byKey(stay).get("uke:202405:1111/stay");
        assertThat(dpc.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.DPC_GROUP);
        assertThat(dpc.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("040080xx99x0xx");
        assertThat(dpc.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-05-01");
        assertThat(dpc.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-05-10");
        assertThat(dpc.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        Encounter day = (Encounter) byKey(stay).get("uke:202405:1111/visit/2024-05-03");
        assertThat(day.getClass_().getCode()).as("1111: 入院").isEqualTo("IMP");
        assertThat(stay.patientResource().getIdentifier().get(1).getValue()).isEqualTo("39340015::00012345:");

        Condition main = (Condition) byKey(stay).get("uke:202405:1111/dpc-diagnosis/4660007/");
        assertThat(main.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                FhirSystems.RECEIPT_DISEASE + "|4660007", FhirSystems.ICD10 + "|J189");
        assertThat(main.getCategory()).extracting(c -> c.getCodingFirstRep().getSystem() + "|" + c.getCodingFirstRep().getCode())
                .containsExactly(FhirSystems.CONDITION_CATEGORY + "|encounter-diagnosis", UkeSystems.DPC_DIAGNOSIS_ROLE + "|01");
        assertThat(main.hasOnset()).as("SB has no 診療開始日").isFalse();
        Condition trigger = (Condition) byKey(stay).get("uke:202405:1111/dpc-diagnosis/0000999/8002");
        assertThat(trigger.getCode().getText()).isEqualTo("誤嚥性肺炎");
        assertThat(trigger.getCode().getCoding().get(1).getCode()).isEqualTo("J690");
        assertThat(trigger.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
        assertThat(trigger.getCategory().get(1).getCodingFirstRep().getCode()).isEqualTo("11");
        assertThat(byKey(stay)).containsKey("uke:202405:1111/diagnosis/4660007/");

        assertThat(stay.warnings()).as("HH is billing; KK (患者基礎) is not imported").singleElement().satisfies(w -> {
            assertThat(w.where().line()).isEqualTo(7);
            assertThat(w.where().record()).isEqualTo("KK");
            assertThat(w.code()).isEqualTo("uke.record.unsupported");
        });
    }

    @Test
    void aDpcDiagnosisNeedsItsIcd10Code() {
        byte[] file = UkeFiles.medical(CLINIC, "むすび病院", "202406")
                .re(1, "1111", "202405", "鈴木　一郎", "1", "19500505", "H-77", "")
                .ho("39340015", "", "00012345", 10, 30000)
                .sb("4660007", "", "", "肺炎", "01")
                .go(1, 30000).bytes();
        ParseResult.Rejected rejected = (ParseResult.Rejected) read("dpc.UKE", file, CLINIC).getFirst();
        assertThat(rejected.problem().where().record()).isEqualTo("SB");
        assertThat(rejected.problem().where().field()).isEqualTo("ICD10コード");
    }

    /** A pharmacy's April: one 内服 処方 dispensed twice (4/2 and 4/16), one 外用 処方 with a material. */
    static UkeFiles pharmacyApril() {
        return UkeFiles.pharmacy(PHARMACY, "むすび薬局", "202405")
                .pharmacyRe(1, "4112", "202404", "山田　太郎", "1", "19700101", "ﾔﾏﾀﾞ ﾀﾛｳ")
                .ho("06340001", "記号１", "１２３４", 2, 300)
                .sn("06340001", "記号１", "１２３４", "01")
                .sh("01", "1", "003", "")
                .cz("20240401", "20240402", 14)
                .cz("20240415", "20240416", 7)
                .pharmacyIy("610406079", "3")
                .pharmacyCo("", "粉砕")
                .pharmacyIy("620000001", "1.5")
                .sh("02", "5", "", "1日2回患部に塗布")
                .cz("20240401", "20240402", 1)
                .pharmacyIy("662640418", "10")
                .pharmacyTo("710010000", "1", "注射針")
                .record("KI", "20240402", "1", "1", "410005910", "35")
                .go(1, 300);
    }

    @Test
    void readsAPharmacyReceiptAsDispensings() {
        ParseResult.Parsed receipt = (ParseResult.Parsed) read("pharmacy.UKE", pharmacyApril().bytes(), PHARMACY).getFirst();

        assertThat(receipt.recordKey()).isEqualTo("uke:202404:4112");
        assertThat(receipt.version()).startsWith("202405#");
        assertThat(receipt.warnings()).as("KI is billing").isEmpty();
        assertThat(receipt.patient().localId()).startsWith("uke-");
        assertThat(receipt.patient().familyKana()).as("調剤 RE 42 カタカナ氏名").isEqualTo("ﾔﾏﾀﾞ");
        Map<String, Resource> byKey = byKey(receipt);
        assertThat(byKey.keySet()).containsExactly("uke:202404:4112/visit/2024-04-02", "uke:202404:4112/visit/2024-04-16",
                "uke:202404:4112/IY/01/610406079/2024-04-02", "uke:202404:4112/IY/01/610406079/2024-04-16",
                "uke:202404:4112/IY/01/620000001/2024-04-02", "uke:202404:4112/IY/01/620000001/2024-04-16",
                "uke:202404:4112/IY/02/662640418/2024-04-02", "uke:202404:4112/TO/02/710010000/2024-04-02");
        MedicationDispense first = (MedicationDispense) byKey.get("uke:202404:4112/IY/01/610406079/2024-04-02");
        assertThat(first.getMedicationCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.RECEIPT_MEDICATION);
        assertThat(first.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("610406079");
        assertThat(first.getWhenHandedOverElement().getValueAsString()).isEqualTo("2024-04-02");
        assertThat(first.getQuantity().getValue()).as("使用量 3 a day for 14 days").isEqualByComparingTo("42");
        assertThat(first.getDaysSupply().getValue()).isEqualByComparingTo("14");
        assertThat(first.getDaysSupply().getCode()).isEqualTo("d");
        assertThat(((DecimalType) first.getExtensionByUrl(UkeSystems.AMOUNT).getValue()).getValue()).isEqualTo(new BigDecimal("3"));
        assertThat(first.getType().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.DOSAGE_FORM);
        assertThat(first.getType().getCodingFirstRep().getCode()).as("剤形 1 内服").isEqualTo("1");
        assertThat(first.getDosageInstructionFirstRep().getTiming().getCode().getCodingFirstRep().getSystem())
                .isEqualTo(UkeSystems.PHARMACY_USAGE);
        assertThat(first.getDosageInstructionFirstRep().getTiming().getCode().getCodingFirstRep().getCode()).isEqualTo("003");
        assertThat(first.getDosageInstructionFirstRep().hasText()).isFalse();
        assertThat(first.getIdentifierFirstRep().getSystem()).isEqualTo(FhirSystems.RP_NUMBER);
        assertThat(first.getIdentifierFirstRep().getValue()).isEqualTo("01");
        assertThat(first.getNoteFirstRep().getText()).isEqualTo("粉砕");
        assertThat(first.getContext().getReference()).isEqualTo("urn:source:Encounter/uke:202404:4112/visit/2024-04-02");
        assertThat(first.hasExtension(UkeSystems.DAY_COUNT)).isFalse();
        MedicationDispense again = (MedicationDispense) byKey.get("uke:202404:4112/IY/01/610406079/2024-04-16");
        assertThat(again.getQuantity().getValue()).isEqualByComparingTo("21");
        assertThat(again.getDaysSupply().getValue()).isEqualByComparingTo("7");
        assertThat(((MedicationDispense) byKey.get("uke:202404:4112/IY/01/620000001/2024-04-16")).getQuantity().getValue())
                .isEqualByComparingTo("10.5");
        assertThat(((MedicationDispense) byKey.get("uke:202404:4112/IY/01/620000001/2024-04-16")).hasNote())
                .as("the comment is the first drug's").isFalse();
        MedicationDispense ointment = (MedicationDispense) byKey.get("uke:202404:4112/IY/02/662640418/2024-04-02");
        assertThat(ointment.hasDaysSupply()).as("外用 is not dispensed in days").isFalse();
        assertThat(ointment.getQuantity().getValue()).isEqualByComparingTo("10");
        assertThat(ointment.getDosageInstructionFirstRep().getText()).isEqualTo("1日2回患部に塗布");
        assertThat(ointment.getDosageInstructionFirstRep().getTiming().hasCode()).isFalse();
        Procedure needle = (Procedure) byKey.get("uke:202404:4112/TO/02/710010000/2024-04-02");
        assertThat(needle.getUsedCodeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(UkeSystems.RECEIPT_MATERIAL);
        assertThat(needle.getUsedCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("710010000");
        assertThat(needle.getCode().getText()).isEqualTo("注射針");
        assertThat(needle.getPerformedDateTimeType().getValueAsString()).isEqualTo("2024-04-02");
    }

    @Test
    void aPharmacyFileIsReadWithItsOwnLayout() {
        String text = pharmacyApril().text();
        assertThat(text).startsWith("YK,1,34,4,0000002,むすび薬局,202405,00,");
        assertThat(faultOf(text.replace("YK,1,34,4,0000002,むすび薬局,202405", "YK,1,34,4,0000002,,むすび薬局"), PHARMACY))
                .as("YK has no 予備: 請求年月 is field 7").isEqualTo("YK 請求年月 uke.field.month");
        assertThat(faultOf(text.replace("CZ,1,20240401,20240402", "CZ,1,20240401,20240502"), PHARMACY))
                .isEqualTo("CZ 調剤月日 uke.day.outside");
        assertThat(faultOf(text.replace("IY,1,610406079", "IY,1,61040607X"), PHARMACY)).isEqualTo("IY 医薬品コード uke.field.digits");
        String noDispensing = UkeFiles.pharmacy(PHARMACY, "むすび薬局", "202405")
                .pharmacyRe(1, "4112", "202404", "山田　太郎", "1", "19700101", "").ho("06340001", "", "1", 1, 1)
                .sh("01", "1", "003", "").pharmacyIy("610406079", "3").go(1, 1).text();
        assertThat(faultOf(noDispensing, PHARMACY)).isEqualTo("SH 調剤月日 uke.pharmacy.noDispensing");
        String orphan = text.substring(0, text.indexOf("SH,01")) + text.substring(text.indexOf("IY,1,610406079"));
        assertThat(faultOf(orphan, PHARMACY)).isEqualTo("IY 処方No uke.pharmacy.noRp");
    }

    @Test
    void aBadFieldRejectsItsReceiptAloneNamingLineRecordAndField() {
        String text = clinicApril().text().replace("SY,8841934,20240401", "SY,8841934,20241331");
        List<ParseResult> results = read("bad.UKE", text.getBytes(UkeFiles.SHIFT_JIS), CLINIC);

        assertThat(results).hasSize(2);
        ParseResult.Rejected bad = (ParseResult.Rejected) results.getFirst();
        assertThat(bad.problem().where().file()).isEqualTo("bad.UKE");
        assertThat(bad.problem().where().line()).isEqualTo(5);
        assertThat(bad.problem().where().record()).isEqualTo("SY");
        assertThat(bad.problem().where().field()).isEqualTo("診療開始日");
        assertThat(bad.problem().japanese()).isEqualTo("診療開始日 は日付として読めません (20241331)。和暦 GYYMMDD か西暦 YYYYMMDD で記録します。");
        assertThat(bad.raw()).startsWith("RE,1,1112").contains("SY,8841934,20241331");
        assertThat(results.get(1)).as("the next receipt is still read").isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void eachKindOfFaultNamesItsField() {
        assertThat(fault("SI,11,1,111000110,,291,1,,,,,,,1", "SI,11,1,11100011X,,291,1,,,,,,,1"))
                .isEqualTo("SI 診療行為コード uke.field.digits");
        assertThat(fault("RE,1,1112,202404,山田　太郎,1,3450101", "RE,1,1112,202404,山田　太郎,3,3450101"))
                .isEqualTo("RE 男女区分 uke.field.code");
        assertThat(fault("RE,1,1112,202404,山田　太郎,1,3450101", "RE,1,1112,202404,山田　太郎,1,4320101"))
                .as("平成32年 does not exist").isEqualTo("RE 生年月日 uke.field.date");
        assertThat(fault("HO,06340001", "HO,0634000")).isEqualTo("HO 保険者番号 uke.field.length");
        assertThat(fault("SY,0000999,3430315,2,21518002,感冒", "SY,0000999,3430315,2,2151800,感冒"))
                .isEqualTo("SY 修飾語コード uke.field.length");
        assertThat(fault("SY,0000999,3430315,2,", "SY,0000999,3430315,5,")).isEqualTo("SY 転帰区分 uke.field.code");
        assertThat(fault("IY,21,1,610406079,1.5", "IY,21,1,610406079,1.5.1")).isEqualTo("IY 使用量 uke.field.number");
        assertThat(fault("SN,1,01,06340001,記号１,１２３４,01", "SN,1,01,06340001,記号１,１２３４,1"))
                .isEqualTo("SN 枝番 uke.field.length");
    }

    @Test
    void aDayOutsideTheMonthIsRefused() {
        String text = UkeFiles.medical(CLINIC, "むすび内科", "202403").re(1, "1112", "202402", "山田　太郎", "1", "19700101",
                "K-1", "").ho("06340001", "", "1", 1, 1).item("SI", "11", "111000110", "", 1, 1, Map.of(30, 1)).go(1, 1).text();
        ParseResult.Rejected rejected = (ParseResult.Rejected) read("feb.UKE", text.getBytes(UkeFiles.SHIFT_JIS), CLINIC)
                .getFirst();
        assertThat(rejected.problem().where().field()).isEqualTo("30日の情報");
        assertThat(rejected.problem().english()).isEqualTo("Day 30 is not in 2024-02.");
    }

    @Test
    void bytesThatAreNotShiftJisRejectTheirReceiptWithTheLine() {
        byte[] good = clinicApril().bytes();
        String text = new String(good, UkeFiles.SHIFT_JIS);
        int at = text.indexOf("SY,8841934");
        byte[] prefix = text.substring(0, at).getBytes(UkeFiles.SHIFT_JIS);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, prefix.length);
        bad[prefix.length] = (byte) 0x81;
        bad[prefix.length + 1] = (byte) 0x7F;
        System.arraycopy(good, prefix.length, bad, prefix.length + 2, good.length - prefix.length);
        List<ParseResult> results = read("sjis.UKE", bad, CLINIC);
        ParseResult.Rejected rejected = (ParseResult.Rejected) results.getFirst();
        assertThat(rejected.problem().code()).isEqualTo("uke.encoding");
        assertThat(rejected.problem().where().line()).isEqualTo(5);
        assertThat(results.get(1)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void aFileWithoutHeaderOrOfAnotherFacilityIsRefusedWhole() {
        List<ParseResult> noHeader = read("x.UKE", "RE,1,1112\r\n".getBytes(UkeFiles.SHIFT_JIS), CLINIC);
        assertThat(noHeader).singleElement().satisfies(r -> {
            assertThat(((ParseResult.Rejected) r).problem().code()).isEqualTo("uke.header.missing");
            assertThat(((ParseResult.Rejected) r).problem().where().line()).isEqualTo(1);
        });
        List<ParseResult> other = read("y.UKE", clinicApril().bytes(), "3410000009");
        assertThat(other).singleElement().satisfies(r -> {
            assertThat(((ParseResult.Rejected) r).problem().code()).isEqualTo("uke.header.otherFacility");
            assertThat(((ParseResult.Rejected) r).problem().where().field()).isEqualTo("医療機関コード");
        });
        List<ParseResult> wrongTable = read("z.UKE", UkeFiles.medical("3440000002", "x", "202405").go(0, 0).bytes(), "");
        assertThat(((ParseResult.Rejected) wrongTable.getFirst()).problem().where().field()).isEqualTo("点数表");
        assertThat(read("e.UKE", new byte[0], CLINIC)).singleElement()
                .satisfies(r -> assertThat(((ParseResult.Rejected) r).problem().code()).isEqualTo("uke.empty"));
    }

    @Test
    void linesAcrossTheReadersBlocksAreWholeAndAnOverlongLineEndsTheFile() {
        byte[] month = UkeFiles.clinicMonth(CLINIC, 1_500, 2024, 4);
        assertThat(month.length).as("many 64 KB blocks").isGreaterThan(10 * 64 * 1024);
        List<ParseResult> results = read("big.UKE", month, CLINIC);
        assertThat(results).hasSize(1_500).allMatch(r -> r instanceof ParseResult.Parsed);
        assertThat(((ParseResult.Parsed) results.get(1_499)).patient().localId()).isEqualTo("K1499");

        String overlong = clinicApril().text().replace("診療報酬明細のコメント", "長".repeat(40_000));
        List<ParseResult> cut = read("long.UKE", overlong.getBytes(UkeFiles.SHIFT_JIS), CLINIC);
        assertThat(cut).singleElement().satisfies(r -> {
            assertThat(((ParseResult.Rejected) r).problem().code()).isEqualTo("uke.line.tooLong");
            assertThat(((ParseResult.Rejected) r).problem().where().line()).isEqualTo(7);
        });
    }

    @Test
    void theSameReceiptInAnotherFileHasTheSameVersionAndAChangedOneANewer() {
        ParseResult.Parsed april = (ParseResult.Parsed) read("a.UKE", clinicApril().bytes(), CLINIC).getFirst();
        String renumbered = clinicApril().text().replace("RE,1,1112", "RE,7,1112");
        ParseResult.Parsed again = (ParseResult.Parsed) read("b.UKE", renumbered.getBytes(UkeFiles.SHIFT_JIS), CLINIC).getFirst();
        String changed = clinicApril().text().replace("高血圧症", "本態性高血圧症");
        ParseResult.Parsed corrected = (ParseResult.Parsed) read("c.UKE", changed.getBytes(UkeFiles.SHIFT_JIS), CLINIC).getFirst();

        assertThat(again.version()).as("レセプト番号 only numbers the file's receipts").isEqualTo(april.version());
        assertThat(corrected.version()).startsWith("202405#").isNotEqualTo(april.version());
        assertThat(corrected.recordKey()).isEqualTo(april.recordKey());
    }

    /** "record field code" of the first receipt's rejection, or null when it is read. */
    private static String faultOf(String text, String institution) {
        ParseResult first = read("f.UKE", text.getBytes(UkeFiles.SHIFT_JIS), institution).getFirst();
        if (first instanceof ParseResult.Rejected rejected) {
            var problem = rejected.problem();
            return problem.where().record() + " " + problem.where().field() + " " + problem.code();
        }
        return null;
    }

    private static String fault(String from, String to) {
        String text = clinicApril().text().replace(from, to);
        assertThat(text).as("the test changes the file").isNotEqualTo(clinicApril().text());
        ParseResult first = read("f.UKE", text.getBytes(UkeFiles.SHIFT_JIS), CLINIC).getFirst();
        assertThat(first).isInstanceOf(ParseResult.Rejected.class);
        var problem = ((ParseResult.Rejected) first).problem();
        return problem.where().record() + " " + problem.where().field() + " " + problem.code();
    }

    /**
     * A whole claim month's file to one payer replaces that month's receipts to the payer (its version prefix); a file
     * cut short, one volume of several, one with a DPC receipt, or one with a receipt of another claim month, payer or
     * kind replaces nothing.
     */
    @Test
    void aWholeMonthsFileNamesTheScopeItReplaces() {
        UkeReader reader = new UkeReader(DemoMasters.master());
        byte[] clinic = UkeFiles.medical(CLINIC, "むすび内科", "202405")
                .re(1, "1112", "202404", "山田　太郎", "1", "3450101", "K-0001", "ﾔﾏﾀﾞ ﾀﾛｳ")
                .ho("06340001", "記号１", "１２３４", 1, 291)
                .item("SI", "11", "111000110", "", 291, 1, Map.of(1, 1))
                .go(1, 291).bytes();
        assertThat(reader.replaces(SourceFile.of("m.UKE", clinic), read("m.UKE", clinic, CLINIC)))
                .contains(new ReplacedScope("uke:", "202405#1M:"));
        byte[] pharmacy = pharmacyApril().bytes();
        assertThat(reader.replaces(SourceFile.of("p.UKE", pharmacy), read("p.UKE", pharmacy, PHARMACY)))
                .contains(new ReplacedScope("uke:", "202405#1P:"));

        String text = new String(clinic, UkeFiles.SHIFT_JIS);
        byte[] cut = text.substring(0, text.indexOf("GO,")).getBytes(UkeFiles.SHIFT_JIS);
        assertThat(reader.replaces(SourceFile.of("c.UKE", cut), read("c.UKE", cut, CLINIC))).as("no trailer").isEmpty();
        byte[] volume = text.replaceFirst(",202405,00,", ",202405,01,").getBytes(UkeFiles.SHIFT_JIS);
        assertThat(new String(volume, UkeFiles.SHIFT_JIS)).contains(",202405,01,");
        assertThat(reader.replaces(SourceFile.of("v.UKE", volume), read("v.UKE", volume, CLINIC)))
                .as("one volume of several").isEmpty();
        byte[] mixed = UkeFiles.medical(CLINIC, "むすび病院", "202405")
                .re(1, "1112", "202404", "山田　太郎", "1", "3450101", "K-0001", "ﾔﾏﾀﾞ ﾀﾛｳ")
                .ho("06340001", "記号１", "１２３４", 1, 291)
                .item("SI", "11", "111000110", "", 291, 1, Map.of(1, 1))
                .re(2, "1211", "202404", "佐藤　花子", "2", "19880229", "", "")
                .ho("06340001", "記号２", "５６７８", 1, 500)
                .record("BU", "040080xx99x0xx", "20240403", "20240409", "1", "0")
                .item("SI", "50", "150000110", "", 500, 1, Map.of(3, 1))
                .go(2, 791).bytes();
        assertThat(reader.replaces(SourceFile.of("d.UKE", mixed), read("d.UKE", mixed, CLINIC))).as("a DPC receipt").isEmpty();
        List<ParseResult> twoMonths = new ArrayList<>(read("m.UKE", clinic, CLINIC));
        twoMonths.addAll(read("p.UKE", pharmacy, PHARMACY));
        assertThat(reader.replaces(SourceFile.of("m.UKE", clinic), twoMonths)).as("two scopes in one file").isEmpty();
    }

    static List<ParseResult> read(String name, byte[] bytes, String institution) {
        List<ParseResult> results = new ArrayList<>();
        new UkeReader(DemoMasters.master()).read(SourceFile.of(name, bytes), new MappingContext(institution, "test"), results::add);
        return results;
    }

    private static Map<String, Resource> byKey(ParseResult.Parsed parsed) {
        Map<String, Resource> byKey = new java.util.LinkedHashMap<>();
        for (MappedResource r : parsed.resources()) {
            assertThat(byKey.put(r.sourceKey(), r.resource())).as("unique key " + r.sourceKey()).isNull();
        }
        return byKey;
    }

    private static String text(Extension extension) {
        return extension.getValue().primitiveValue();
    }
}
