package org.musubi.identity.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;

class FieldComparatorsTest {

    @Test
    void namesAgreeExactlyAcrossKanaWidthAndKanjiVariants() {
        assertThat(NameComparator.compare("髙橋", "ﾀｶﾊｼ", "高橋", "たかはし")).isEqualTo(Agreement.EXACT);
        assertThat(NameComparator.compare("渡邊", "ワタナベ", "渡辺", "ワタナベ")).isEqualTo(Agreement.EXACT);
        assertThat(NameComparator.compare(null, "サトウ", "佐藤", "サトー")).isEqualTo(Agreement.EXACT);
        assertThat(NameComparator.compare("佐藤", null, "佐藤", "サトウ")).isEqualTo(Agreement.EXACT);
    }

    @Test
    void namesWithTheSameReadingButOtherKanjiAreOnlyTheSameReading() {
        assertThat(NameComparator.compare("伊藤", "イトウ", "伊東", "イトウ")).isEqualTo(Agreement.SAME_READING);
    }

    @Test
    void namesAreCloseWhenTheKanaAreSimilarOrTheKanjiAgree() {
        assertThat(NameComparator.compare("山本", "ヤマモト", "山本", "ヤマトモ")).isEqualTo(Agreement.CLOSE);
        assertThat(NameComparator.compare("森", "モリ", "森", "モキ")).isEqualTo(Agreement.CLOSE);
        assertThat(NameComparator.compare(null, "サトウ", null, "サイトウ")).isEqualTo(Agreement.CLOSE);
    }

    @Test
    void namesDisagreeOrAreMissing() {
        assertThat(NameComparator.compare("佐藤", "サトウ", "鈴木", "スズキ")).isEqualTo(Agreement.DISAGREE);
        assertThat(NameComparator.compare("佐藤", null, "鈴木", null)).isEqualTo(Agreement.DISAGREE);
        assertThat(NameComparator.compare(null, " ", "鈴木", "スズキ")).isEqualTo(Agreement.MISSING);
    }

    @Test
    void sexAgreesDisagreesOrIsMissingWhenUnknown() {
        assertThat(SexComparator.compare(Sex.FEMALE, Sex.FEMALE)).isEqualTo(Agreement.EXACT);
        assertThat(SexComparator.compare(Sex.FEMALE, Sex.MALE)).isEqualTo(Agreement.DISAGREE);
        assertThat(SexComparator.compare(Sex.UNKNOWN, Sex.MALE)).isEqualTo(Agreement.MISSING);
        assertThat(SexComparator.compare(null, Sex.MALE)).isEqualTo(Agreement.MISSING);
    }

    @Test
    void phonesCompareByDigitsAndTheirLastEight() {
        assertThat(PhoneComparator.compare("090-1234-5678", "09012345678")).isEqualTo(Agreement.EXACT);
        assertThat(PhoneComparator.compare("０９０（１２３４）５６７８", "090-1234-5678")).isEqualTo(Agreement.EXACT);
        assertThat(PhoneComparator.compare("+81 90-1234-5678", "090-1234-5678")).isEqualTo(Agreement.LAST_8_DIGITS);
        assertThat(PhoneComparator.compare("082-123-4567", "123-4567")).isEqualTo(Agreement.DISAGREE);
        assertThat(PhoneComparator.compare("090-1234-5678", "090-1234-5679")).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void phonesThatArePlaceholdersAreMissing() {
        assertThat(PhoneComparator.compare("000-0000-0000", "090-1234-5678")).isEqualTo(Agreement.MISSING);
        assertThat(PhoneComparator.compare("", "090-1234-5678")).isEqualTo(Agreement.MISSING);
        assertThat(PhoneComparator.compare(null, null)).isEqualTo(Agreement.MISSING);
    }

    @Test
    void postalCodesAgreeFullyOrOnThePostOfficeArea() {
        assertThat(PostalCodeComparator.compare("730-0011", "7300011")).isEqualTo(Agreement.EXACT);
        assertThat(PostalCodeComparator.compare("〒７３０－００１１", "730-0011")).isEqualTo(Agreement.EXACT);
        assertThat(PostalCodeComparator.compare("730-0011", "730-0854")).isEqualTo(Agreement.FIRST_3_DIGITS);
        assertThat(PostalCodeComparator.compare("730-0011", "734-0011")).isEqualTo(Agreement.DISAGREE);
        assertThat(PostalCodeComparator.compare("730-0011", null)).isEqualTo(Agreement.MISSING);
    }
}
