package org.musubi.ingest.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.jahis.mapping.PersonName;

/**
 * Issue 65, build 1: a kana name sent without a separator (テストハンヨウ, as many receipt computers write the カタカナ氏名)
 * is split only where the kanji name agrees, else kept whole as the family name with a warning that says so — for every
 * source, since every source hands its names to {@link PatientIdentity}.
 */
class NameSplitTest {

    private static PatientIdentity identity(String familyKanji, String givenKanji, String familyKana, String givenKana) {
        return new PatientIdentity("K-1", familyKanji, givenKanji, familyKana, givenKana, Sex.FEMALE,
                LocalDate.of(1950, 4, 1), null, null, null);
    }

    @Test
    void splitsWhereTheKanjiNameWrittenInKanaAgrees() {
        assertThat(NameSplit.of("テストハンヨウ", "テスト", "ハンヨウ")).contains(new NameSplit.Parts("テスト", "ハンヨウ"));
        assertThat(NameSplit.of("ヤマダハナコ", "やまだ", "花子")).as("the family name in hiragana")
                .contains(new NameSplit.Parts("ヤマダ", "ハナコ"));
        assertThat(NameSplit.of("ヤマダハナコ", "山田", "ハナコ")).as("the given name in kana")
                .contains(new NameSplit.Parts("ヤマダ", "ハナコ"));
        assertThat(NameSplit.of("ﾔﾏﾀﾞﾊﾅｺ", "山田", "はなこ")).as("half-width kana: the parts in full width")
                .contains(new NameSplit.Parts("ヤマダ", "ハナコ"));
        assertThat(NameSplit.of("ヤマダ　ハナコ", null, null)).as("a space of its own").contains(new NameSplit.Parts("ヤマダ", "ハナコ"));
    }

    @Test
    void keepsTheWholeWhereNothingSaysWhereItSplits() {
        assertThat(NameSplit.of("テストハンヨウ", "家族", "名")).as("a reading of kanji is never guessed").isEmpty();
        assertThat(NameSplit.of("テストハンヨウ", "テストハンヨウ", "")).isEmpty();
        assertThat(NameSplit.of("テスト", "テスト", "ハンヨウ")).as("never an empty given name").isEmpty();
        assertThat(NameSplit.of("ハンヨウ", "テスト", "ハンヨウ")).as("never an empty family name").isEmpty();
        assertThat(NameSplit.of("ヤマダハナコ", "山田花子", null)).isEmpty();
        assertThat(NameSplit.of("  ", "山田", "花子")).isEmpty();
    }

    @Test
    void everySourcesIdentitySplitsItsKanaByTheKanjiOrKeepsItWholeAsAName() {
        PatientIdentity agreed = identity("テスト", "ハンヨウ", "テストハンヨウ", null);
        PatientIdentity unknown = identity("家族", "名", "テストハンヨウ", null);
        PatientIdentity kanjiByKana = identity("やまだはなこ", null, "ヤマダ", "ハナコ");
        PatientIdentity split = identity("山田", "花子", "ヤマダ", "ハナコ");

        assertThat(List.of(agreed.familyKana(), agreed.givenKana())).containsExactly("テスト", "ハンヨウ");
        assertThat(agreed.kanaWhole()).isFalse();
        assertThat(List.of(unknown.familyKanji(), unknown.givenKanji())).containsExactly("家族", "名");
        assertThat(unknown.familyKana()).isEqualTo("テストハンヨウ");
        assertThat(unknown.givenKana()).isNull();
        assertThat(unknown.kanaWhole()).isTrue();
        assertThat(List.of(kanjiByKana.familyKanji(), kanjiByKana.givenKanji())).containsExactly("やまだ", "はなこ");
        assertThat(split).isEqualTo(identity("山田", "花子", "ヤマダ", "ハナコ"));
        assertThat(identity("山田", "花子", null, null).kanaWhole()).isFalse();
    }

    @Test
    void aRecordWhoseKanaStaysWholeWarnsOnceInBothLanguages() {
        Location where = new Location("receipts.UKE", 4, "RE", null);
        ParseResult.Parsed parsed = new ParseResult.Parsed(where, "uke:202405:1112", null, ParseResult.Action.STORE,
                identity("家族", "名", "テストハンヨウ", null), new Patient(), false, List.of(), List.of());
        ParseResult.Parsed split = new ParseResult.Parsed(where, "uke:202405:1112", null, ParseResult.Action.STORE,
                identity("テスト", "ハンヨウ", "テストハンヨウ", null), new Patient(), false, List.of(), List.of());

        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ParseResult.Parsed.KANA_WHOLE);
            assertThat(w.where()).isEqualTo(where);
            assertThat(w.japanese()).isEqualTo("カナ氏名に姓と名の区切りがなく、漢字氏名からも区切りを決められないため、"
                    + "カナ氏名の全体を姓として保存しました（名は空）。名寄せは氏名全体で照合します");
            assertThat(w.english()).startsWith("The kana name has no separator between family and given name")
                    .doesNotContain("テスト");
        });
        assertThat(parsed.withoutResources().warnings()).as("not twice").hasSize(1);
        assertThat(split.warnings()).isEmpty();
    }

    @Test
    void theFhirNameKeepsTheTextAsSentAndGetsTheAgreedParts() {
        PersonName kanji = PersonName.split("テスト　ハンヨウ");
        HumanName agreed = PersonName.split("テストハンヨウ").agreeingWith(kanji).toHumanName("SYL");
        HumanName whole = PersonName.split("テストハンヨウ").agreeingWith(PersonName.split("家族　名")).toHumanName("SYL");
        HumanName spaced = PersonName.split("テスト　ハンヨウ").toHumanName("IDE");

        assertThat(agreed.getText()).isEqualTo("テストハンヨウ");
        assertThat(agreed.getFamily()).isEqualTo("テスト");
        assertThat(agreed.getGivenAsSingleString()).isEqualTo("ハンヨウ");
        assertThat(whole.getText()).isEqualTo("テストハンヨウ");
        assertThat(whole.getFamily()).isEqualTo("テストハンヨウ");
        assertThat(whole.hasGiven()).isFalse();
        assertThat(spaced.getText()).as("as JP Core writes it, as before").isEqualTo("テスト ハンヨウ");
    }
}
