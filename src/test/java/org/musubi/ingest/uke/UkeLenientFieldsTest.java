package org.musubi.ingest.uke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;

/**
 * A receipt is rejected only for what Musubi needs: a field it does not store, written otherwise than the 記録条件仕様
 * says, is a warning naming file, line, record and field and saying what was done, and the receipt is stored — one
 * test per field the reader checks and no longer rejects for.
 */
class UkeLenientFieldsTest {

    static final String CLINIC = UkeReaderTest.CLINIC;
    static final String PHARMACY = UkeReaderTest.PHARMACY;

    @Test
    void aSixDigitRecipientNumberOfAPublicExpenseIsAWarning() {
        ParseResult.Parsed parsed = parsed(medical().ko("54340012", "123456", 1, 100).go(1, 100).text(), CLINIC);
        assertThat(where(parsed.warnings().getFirst())).isEqualTo("f.UKE:5 KO 公費受給者番号 uke.warn.notStored");
        assertThat(parsed.warnings().getFirst().japanese()).startsWith("公費受給者番号 (123456) は記録条件仕様の形式ではありません");
        assertThat(parsed.warnings()).hasSize(1);
        assertThat(parsed.resources()).as("the receipt's items are stored").isNotEmpty();
    }

    @Test
    void aPayerNumberOfAPublicExpenseWrittenOtherwiseIsAWarning() {
        ParseResult.Parsed parsed = parsed(medical().ko("5434001", "1234567", 1, 100).go(1, 100).text(), CLINIC);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where)
                .containsExactly("f.UKE:5 KO 公費負担者番号 uke.warn.notStored");
    }

    @Test
    void aReceiptWithNeitherInsurerNorPublicExpenseIsStoredWithAWarning() {
        String text = UkeFiles.medical(CLINIC, "むすび内科", "202405")
                .re(1, "1112", "202404", "保険　無", "1", "19700101", "K-9", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(1, 1)).go(1, 73).text();
        ParseResult.Parsed parsed = parsed(text, CLINIC);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where).containsExactly("f.UKE:2 RE 保険者番号 uke.warn.noPayer");
        assertThat(parsed.patient().localId()).isEqualTo("K-9");
    }

    @Test
    void aDpcCauseOfDeathWrittenOtherwiseIsAWarning() {
        String text = UkeFiles.medical(CLINIC, "むすび病院", "202406")
                .re(1, "1111", "202405", "鈴木　一郎", "1", "19500505", "H-77", "")
                .ho("39340015", "", "00012345", 10, 30000)
                .record("SB", "4660007", "", "", "J189", "01", "X", "")
                .go(1, 30000).text();
        ParseResult.Parsed parsed = parsed(text, CLINIC);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where).containsExactly("f.UKE:4 SB 死因 uke.warn.notStored");
        assertThat(parsed.resources()).anyMatch(r -> r.sourceKey().endsWith("dpc-diagnosis/4660007/"));
    }

    @Test
    void anEmptyCommentOrSymptomRecordIsSkippedWithAWarning() {
        ParseResult.Parsed parsed = parsed(medical().ho("06340001", "記号", "1", 1, 73).co("21", "", "")
                .record("SJ", "01", "").go(1, 73).text(), CLINIC);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where).containsExactly(
                "f.UKE:6 CO コメントコード uke.warn.empty", "f.UKE:7 SJ 症状詳記データ uke.warn.empty");
        assertThat(parsed.resources()).noneMatch(r -> r.sourceKey().contains("/comment"));
    }

    @Test
    void aPharmacysPrescribedDateItDoesNotStoreIsAWarning() {
        String text = UkeReaderTest.pharmacyApril().text().replace("CZ,1,20240415,20240416", "CZ,1,,20240416")
                .replace("CZ,1,20240401,20240402", "CZ,1,2024041,20240402");
        ParseResult.Parsed parsed = parsed(text, PHARMACY);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where).containsExactly(
                "f.UKE:6 CZ 処方月日 uke.warn.notStored", "f.UKE:7 CZ 処方月日 uke.warn.notStored",
                "f.UKE:12 CZ 処方月日 uke.warn.notStored");
        assertThat(parsed.resources()).filteredOn(r -> r.resource() instanceof MedicationDispense).hasSize(5);
    }

    @Test
    void aDosageFormNotInTheTableIsKeptAsSentWithoutDaysAndWarned() {
        String text = UkeReaderTest.pharmacyApril().text().replace("SH,01,1,003", "SH,01,8,003");
        ParseResult.Parsed parsed = parsed(text, PHARMACY);
        assertThat(parsed.warnings()).extracting(UkeLenientFieldsTest::where).containsExactly("f.UKE:5 SH 剤形 uke.warn.formUnknown");
        MedicationDispense first = (MedicationDispense) ReceiptCommentsTest.resources(parsed).get("IY/01/610406079/2024-04-02");
        assertThat(first.getType().getCodingFirstRep().getCode()).isEqualTo("8");
        assertThat(first.hasDaysSupply()).isFalse();
        assertThat(first.getQuantity().getValue()).isEqualByComparingTo("42");
    }

    @Test
    void aFieldMusubiStoresStillRejectsItsReceiptAlone() {
        String text = medical().ho("06340001", "記号", "1", 1, 73).go(1, 73).text().replace("SY,8841934,20240401,1",
                "SY,8841934,20240401,7");
        ParseResult result = UkeReaderTest.read("f.UKE", text.getBytes(UkeFiles.SHIFT_JIS), CLINIC).getFirst();
        assertThat(result).as("転帰区分 7 is in no table: the outcome would be guessed").isInstanceOf(ParseResult.Rejected.class);
        assertThat(where(((ParseResult.Rejected) result).problem())).isEqualTo("f.UKE:3 SY 転帰区分 uke.field.code");
    }

    private static UkeFiles medical() {
        return UkeFiles.medical(CLINIC, "むすび内科", "202405")
                .re(1, "1112", "202404", "山田　太郎", "1", "19700101", "K-1", "")
                .sy("8841934", "20240401", "1", "", "", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(1, 1));
    }

    private static ParseResult.Parsed parsed(String text, String institution) {
        ParseResult result = UkeReaderTest.read("f.UKE", text.getBytes(UkeFiles.SHIFT_JIS), institution).getFirst();
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    private static String where(Problem p) {
        return p.where().file() + ":" + p.where().line() + " " + p.where().record() + " " + p.where().field() + " " + p.code();
    }
}
