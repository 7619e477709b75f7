package org.musubi.receiptmaster.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.receiptmaster.DemoMasters;
import org.musubi.receiptmaster.MasterEntry;
import org.musubi.receiptmaster.MasterKind;

/**
 * The receipt master files in the official layout (rows the team wrote, not the published lists): the columns each
 * master is read from, a comment's code from 区分, パターン and 一連番号, quoted or bare fields, Shift_JIS or UTF-8, and each
 * way a row is refused alone.
 */
class MasterFileReaderTest {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Test
    void readsEachMastersColumns() {
        List<MasterEntry> entries = DemoMasters.entries();
        assertThat(entries).filteredOn(e -> e.code().equals("610406079")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(MasterKind.MEDICATION);
            assertThat(e.name()).as("column 5").isEqualTo("アムロジピン錠５ｍｇ");
            assertThat(e.unit()).as("column 10").isEqualTo("錠");
            assertThat(e.yjCode()).as("column 32").isEqualTo("2171022F1020");
        });
        assertThat(entries).filteredOn(e -> e.code().equals("8841934")).extracting(MasterEntry::name).containsExactly("高血圧症");
        assertThat(entries).filteredOn(e -> e.code().equals("8002")).extracting(MasterEntry::name).containsExactly("の疑い");
        assertThat(entries).filteredOn(e -> e.code().equals("840000001")).singleElement().satisfies(e -> {
            assertThat(e.commentPattern()).isEqualTo("40");
            assertThat(e.name()).isEqualTo("１日　回点眼");
            assertThat(e.embeds()).containsExactly(new MasterEntry.Embed(3, 1));
        });
        assertThat(entries).extracting(MasterEntry::kind).containsOnly(MasterKind.values());
    }

    @Test
    void aCommentsCodeIsItsSectionPatternAndSerialWhenColumn23IsBlank() {
        String row = "0,C,8,30,12,5,使用理由；,0,,0,0,0,0,0,0,0,0\r\n";
        MasterFile file = read("c.csv", row.getBytes(SHIFT_JIS));
        assertThat(file.entries()).extracting(MasterEntry::code).containsExactly("830000012");
    }

    @Test
    void bareFieldsAndUtf8AreReadToo() {
        String rows = "\uFEFF3,Z,8002,,,3,の疑い,,4,ノウタガイ\n\"0\",\"B\",\"5329009\",\"\",\"2\",\"胃炎\"\n";
        MasterFile file = read("mixed.csv", rows.getBytes(StandardCharsets.UTF_8));
        assertThat(file.entries()).extracting(e -> e.kind() + " " + e.code() + " " + e.name())
                .containsExactly("MODIFIER 8002 の疑い", "DISEASE 5329009 胃炎");
        assertThat(file.kinds()).containsExactlyInAnyOrder(MasterKind.MODIFIER, MasterKind.DISEASE);
    }

    @Test
    void aBadRowIsRefusedAloneNamingItsRowAndColumn() {
        String rows = String.join("\r\n",
                "0,Y,620000001,10,ある薬,,,,,錠",
                "0,Y,62000000X,10,記号入り,,,,,錠",
                "0,Y,620000002,0,,,,,,錠",
                "0,Q,620000003,3,別種,,,,,錠",
                "0,Y,620000001,3,二度目,,,,,錠") + "\r\n";
        MasterFile file = read("y.csv", rows.getBytes(SHIFT_JIS));
        assertThat(file.entries()).extracting(MasterEntry::name).containsExactly("ある薬");
        assertThat(file.problems()).extracting(p -> p.row() + " " + p.field() + " " + p.key()).containsExactly(
                "2 コード receiptMaster.row.code", "3 名称 receiptMaster.row.name", "4 マスター種別 receiptMaster.row.kind",
                "5 コード receiptMaster.row.duplicate");
        assertThat(file.problems().getFirst().japanese()).isEqualTo("コード 62000000X は 9 桁の数字ではありません。");
        assertThat(file.problems().getFirst().english()).isEqualTo("Code 62000000X is not 9 digits.");
    }

    @Test
    void aRowWithBytesShiftJisCannotReadIsRefusedNamingItsPlaceAndTheOthersAreRead() {
        String badRow = "0,Y,620000002,10,ない";
        byte[] before = ("0,Y,620000001,10,ある薬,,,,,錠\r\n" + badRow).getBytes(SHIFT_JIS);
        byte[] after = "薬,,,,,錠\r\n0,Y,620000003,10,三番目,,,,,錠\r\n".getBytes(SHIFT_JIS);
        byte[] bytes = java.util.Arrays.copyOf(before, before.length + 2 + after.length);
        bytes[before.length] = (byte) 0x82; // a lead byte followed by a byte no Shift_JIS pair has
        bytes[before.length + 1] = 0x7F;
        System.arraycopy(after, 0, bytes, before.length + 2, after.length);

        MasterFile file = read("y.csv", bytes);

        assertThat(file.entries()).extracting(MasterEntry::name).containsExactly("ある薬", "三番目");
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.key()).isEqualTo("text.undecodable");
            assertThat(p.japanese()).isEqualTo("2 行目 " + (badRow.length() + 1) + " 文字目（ファイルの先頭から " + before.length
                    + " バイトの位置）のバイト 0x82 は windows-31j の文字として読めないため、この行は読みませんでした。");
            assertThat(p.english()).isEqualTo("The bytes 0x82 at line 2, column " + (badRow.length() + 1) + " (byte offset " + before.length
                    + " of the file) are not valid windows-31j, so this row was not read.");
        });
    }

    @Test
    void aFileOfNoMasterIsUnreadable() {
        assertThatThrownBy(() -> read("price.csv", "区分,薬価基準収載医薬品コード,品名\r\n内用薬,2171022F1020,アムロジピン\r\n"
                .getBytes(SHIFT_JIS))).isInstanceOf(UnreadableMasterFile.class)
                .hasMessageContaining("price.csv holds no row of any master");
    }

    private static MasterFile read(String name, byte[] bytes) {
        return new MasterFileReader().read(name, new ByteArrayInputStream(bytes));
    }
}
