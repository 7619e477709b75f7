package org.musubi.identity.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.identity.matching.normalize.AddressNormalizer;

class AddressComparatorTest {

    private static final String HOME = "広島県広島市中区若葉町1丁目2番3号";

    @Test
    void unifiesBlockMarkersHyphensWidthsAndKanjiNumbers() {
        assertThat(AddressNormalizer.normalize(HOME)).isEqualTo("広島県広島市中区若葉町1-2-3");
        assertThat(AddressNormalizer.normalize("広島県 広島市中区 若葉町１－２－３")).isEqualTo("広島県広島市中区若葉町1-2-3");
        assertThat(AddressNormalizer.normalize("広島県広島市中区若葉町一丁目2番地3")).isEqualTo("広島県広島市中区若葉町1-2-3");
        assertThat(AddressNormalizer.normalize("若葉町二十三番地の4")).isEqualTo("若葉町23-4");
        assertThat(AddressNormalizer.normalize("若葉町1ー2‐3")).isEqualTo("若葉町1-2-3");
    }

    @Test
    void unifiesTheSmallKeAndNo() {
        assertThat(AddressNormalizer.normalize("緑が丘")).isEqualTo(AddressNormalizer.normalize("緑ヶ丘"))
                .isEqualTo(AddressNormalizer.normalize("緑ケ丘"));
        assertThat(AddressNormalizer.normalize("日ノ出町")).isEqualTo(AddressNormalizer.normalize("日の出町"));
    }

    @Test
    void splitsIntoAdministrativeLevelsAndTheHouseNumber() {
        assertThat(AddressNormalizer.tokens("広島県広島市中区若葉町1-2-3"))
                .containsExactly("広島県", "広島市", "中区", "若葉町", "1-2-3");
    }

    @Test
    void agreesExactlyAcrossWritingStyles() {
        assertThat(AddressComparator.compare(HOME, "広島県広島市中区若葉町１－２－３")).isEqualTo(Agreement.EXACT);
    }

    @Test
    void seesAnAddressWithoutPrefectureAsContained() {
        assertThat(AddressComparator.compare(HOME, "広島市中区若葉町1-2-3")).isEqualTo(Agreement.CONTAINS);
        assertThat(AddressComparator.compare(HOME, "若葉町1-2-3 若葉ハイツ101")).isNotEqualTo(Agreement.EXACT);
    }

    @Test
    void doesNotCountATownWithoutHouseNumberAsContained() {
        assertThat(AddressComparator.compare(HOME, "広島市中区若葉町")).isNotEqualTo(Agreement.CONTAINS);
    }

    @Test
    void overlapsInTheSameTownWithAnotherNumber() {
        assertThat(AddressComparator.compare(HOME, "広島県広島市中区若葉町1丁目2番4号")).isEqualTo(Agreement.TOKEN_OVERLAP);
    }

    @Test
    void disagreesInAnotherTownAndIsMissingWhenBlank() {
        assertThat(AddressComparator.compare(HOME, "広島県広島市中区桜町3丁目2番1号")).isEqualTo(Agreement.DISAGREE);
        assertThat(AddressComparator.compare(HOME, "広島県呉市本町1丁目2番3号")).isEqualTo(Agreement.DISAGREE);
        assertThat(AddressComparator.compare(HOME, "　")).isEqualTo(Agreement.MISSING);
    }
}
