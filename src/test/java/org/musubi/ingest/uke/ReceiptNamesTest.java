package org.musubi.ingest.uke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.receiptmaster.DemoMasters;
import org.musubi.receiptmaster.ReceiptMaster;
import org.musubi.record.fhir.FhirSystems;

/**
 * A receipt's codes named from the receipt masters (the demo's, written by the team in the official layout): the
 * coding's display and the concept's text, a diagnosis with its 修飾語, 疑い read from a 修飾語 or from free text; a code
 * the masters lack stored as sent with a warning naming file, line, record, field and code; no master at all, one
 * warning.
 */
class ReceiptNamesTest {

    static final String CLINIC = UkeReaderTest.CLINIC;

    static UkeFiles receipt() {
        return UkeFiles.medical(CLINIC, "むすび内科", "202405")
                .re(1, "1112", "202404", "名寄　一郎", "1", "19550505", "N-1", "ﾅﾖｾ ｲﾁﾛｳ")
                .ho("06340001", "記号", "７", 1, 500)
                .sy("2500013", "20240401", "1", "", "", "01", "")
                .sy("5329009", "20240401", "1", "8002", "", "", "")
                .sy("7194001", "20240401", "1", "20563069", "", "", "")
                .sy("0000999", "20240401", "1", "", "膝関節症の疑い", "", "")
                .sy("0000999", "20240401", "1", "", "頭痛", "", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(1, 1))
                .item("IY", "21", "620098801", "3", 30, 14, Map.of(1, 14))
                .item("IY", "21", "629999901", "1", 10, 14, Map.of(1, 14))
                .co("21", "899999999", "")
                .go(1, 500);
    }

    @Test
    void everyCodeCarriesItsNameAndTheDiagnosisItsModifiers() {
        ParseResult.Parsed parsed = parse(receipt().bytes(), DemoMasters.master());
        var all = ReceiptCommentsTest.resources(parsed);

        Condition diabetes = (Condition) all.get("diagnosis/2500013/");
        assertThat(diabetes.getCode().getCodingFirstRep().getDisplay()).isEqualTo("２型糖尿病");
        assertThat(diabetes.getCode().getText()).isEqualTo("２型糖尿病");
        assertThat(diabetes.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        Condition gastritis = (Condition) all.get("diagnosis/5329009/8002");
        assertThat(gastritis.getCode().getText()).as("の疑い is its status, said once").isEqualTo("胃炎");
        assertThat(((org.hl7.fhir.r4.model.CodeableConcept) gastritis.getCode().getExtensionByUrl(
                FhirSystems.DISEASE_POSTFIX_MODIFIER).getValue()).getCodingFirstRep().getDisplay()).isEqualTo("の疑い");
        assertThat(gastritis.getCode().getCodingFirstRep().getDisplay()).as("the master's name of the code alone").isEqualTo("胃炎");
        assertThat(gastritis.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
        Condition knee = (Condition) all.get("diagnosis/7194001/20563069");
        assertThat(knee.getCode().getText()).as("接頭語 左 and 膝 before the name").isEqualTo("左膝膝関節痛");
        assertThat(knee.getCode().getExtensionsByUrl(FhirSystems.DISEASE_PREFIX_MODIFIER)).extracting(e ->
                ((org.hl7.fhir.r4.model.CodeableConcept) e.getValue()).getCodingFirstRep().getDisplay()).containsExactly("左", "膝");

        MedicationRequest loxoprofen = (MedicationRequest) all.get("IY/21/620098801/2024-04-01");
        assertThat(loxoprofen.getMedicationCodeableConcept().getText()).isEqualTo("ロキソプロフェンＮａ錠６０ｍｇ");
        assertThat(loxoprofen.getMedicationCodeableConcept().getCodingFirstRep().getDisplay()).isEqualTo("ロキソプロフェンＮａ錠６０ｍｇ");
        Procedure revisit = (Procedure) all.get("SI/12/112007410/2024-04-01");
        assertThat(revisit.getCode().getText()).isEqualTo("再診料");
    }

    @Test
    void aDiagnosisWhoseFreeTextEndsInSuspicionIsSuspectedKeepingTheSendersText() {
        ParseResult.Parsed parsed = parse(receipt().bytes(), DemoMasters.master());
        List<Condition> uncoded = ReceiptCommentsTest.resources(parsed).values().stream()
                .filter(r -> r instanceof Condition c && c.getCode().getCodingFirstRep().getCode().equals("0000999"))
                .map(Condition.class::cast).toList();
        assertThat(uncoded).extracting(c -> c.getCode().getText() + "|" + c.getVerificationStatus().getCodingFirstRep().getCode())
                .containsExactly("膝関節症の疑い|unconfirmed", "頭痛|confirmed");
        assertThat(ReceiptNames.saysSuspected("肺癌疑")).isTrue();
        assertThat(ReceiptNames.saysSuspected("インフルエンザ（疑い）")).isTrue();
        assertThat(ReceiptNames.saysSuspected("胃潰瘍ﾉ疑ｲ")).as("half-width").isTrue();
        assertThat(ReceiptNames.saysSuspected("疑い例の経過観察後")).isFalse();
    }

    @Test
    void aCodeTheMastersLackIsStoredAsSentWithAWarningNamingIt() {
        ParseResult.Parsed parsed = parse(receipt().bytes(), DemoMasters.master());
        MedicationRequest unknown = (MedicationRequest) ReceiptCommentsTest.resources(parsed).get("IY/21/629999901/2024-04-01");
        assertThat(unknown.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("629999901");
        assertThat(unknown.getMedicationCodeableConcept().getCodingFirstRep().hasDisplay()).isFalse();
        assertThat(unknown.getMedicationCodeableConcept().hasText()).isFalse();
        assertThat(unknown.getNoteFirstRep().getText()).isEqualTo("899999999（名称不明 / name unknown）");

        assertThat(parsed.warnings()).extracting(w -> w.where().file() + ":" + w.where().line() + " " + w.where().record() + " "
                + w.where().field() + " " + w.code()).containsExactly(
                "n.UKE:11 IY 医薬品コード uke.name.unknown", "n.UKE:12 CO コメントコード uke.name.unknown");
        assertThat(parsed.warnings().getFirst().japanese()).startsWith("医薬品コード 629999901 は医薬品マスターにありません。");
        assertThat(parsed.warnings().getFirst().english()).startsWith("医薬品コード 629999901 is not in the drug master.");
    }

    @Test
    void withNoMasterLoadedEachReceiptWarnsOnceAndNothingIsNamed() {
        ParseResult.Parsed parsed = parse(receipt().bytes(), ReceiptMaster.of(List.of()));
        assertThat(parsed.warnings()).extracting(Problem::code).containsExactly("uke.master.empty");
        assertThat(parsed.warnings().getFirst().japanese()).contains("10 件のコード");
        Condition gastritis = (Condition) ReceiptCommentsTest.resources(parsed).get("diagnosis/5329009/8002");
        assertThat(gastritis.getCode().hasText()).isFalse();
        assertThat(gastritis.getVerificationStatus().getCodingFirstRep().getCode()).as("8002 without its name: still 疑い")
                .isEqualTo("unconfirmed");
    }

    private static ParseResult.Parsed parse(byte[] bytes, ReceiptMaster master) {
        List<ParseResult> results = new ArrayList<>();
        new UkeReader(master).read(SourceFile.of("n.UKE", bytes), new MappingContext(CLINIC, "test"), results::add);
        return (ParseResult.Parsed) results.getFirst();
    }
}
