package org.musubi.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.medication.pricelist.PriceList;
import org.musubi.medication.pricelist.PriceListProblem;
import org.musubi.medication.pricelist.PriceListReader;
import org.musubi.medication.pricelist.UnreadablePriceList;

/** The MHLW drug price list as published (.xlsx) and as operators save it (CSV, Shift_JIS or UTF-8). */
class PriceListReaderTest {

    private static final List<String> HEADER = List.of("区分", "薬価基準収載\n医薬品コード", "成分名", "規格", "品名",
            "メーカー名", "診療報酬において加算等の\n算定対象となる後発医薬品", "先発医薬品", "同一剤形・規格の\n後発医薬品がある先発医薬品",
            "薬価", "経過措置による使用期限", "備考");

    @TempDir
    Path temp;

    private final PriceListReader reader = new PriceListReader();

    static Path sample(String name) {
        return Path.of("src/test/resources/medication", name);
    }

    static PriceList readSample() {
        return new PriceListReader().read(sample("drug-price-list-sample.csv"));
    }

    @Test
    void readsUtf8CsvFindingTheHeaderBelowTitleRowsAndWithWrappedNames() {
        PriceList list = readSample();

        assertThat(list.problems()).isEmpty();
        assertThat(list.drugs()).hasSize(25);
        assertThat(list.kinds()).containsExactlyInAnyOrder(DrugKind.values());
        assertThat(list.drugs().getFirst()).isEqualTo(new Drug("3962002F1010", DrugKind.ORAL, "メトホルミン塩酸塩", "250mg1錠",
                "メトホルミン塩酸塩錠250mg", "むすび製薬", new BigDecimal("10.10"), true, null, false, null, null, true));
        Drug pravastatin = find(list, "2189010F2027");
        assertThat(pravastatin.standard()).isEqualTo("10mg1錠");
        assertThat(pravastatin.price()).isEqualByComparingTo("1234.5");
        assertThat(pravastatin.brand()).isEqualTo("準先発品");
        assertThat(pravastatin.transitionalUntil()).isEqualTo("2027/3/31");
        assertThat(pravastatin.remarks()).isEqualTo("経過措置の例");
        Drug brand = find(list, "2171022F1046");
        assertThat(brand.brandWithGeneric()).isTrue();
        assertThat(brand.generic()).isFalse();
        assertThat(find(list, "2171022F3023").productName()).isEqualTo("アムロジピンＯＤ錠５ｍｇ「ユイ」");
        assertThat(find(list, "2710805X1011").kind()).isEqualTo(DrugKind.DENTAL);
        assertThat(find(list, "2325400A1000").kind()).isEqualTo(DrugKind.INJECTION);
    }

    @Test
    void readsTheSameListSavedAsShiftJis() throws IOException {
        String text = Files.readString(sample("drug-price-list-sample.csv"), StandardCharsets.UTF_8);
        Path sjis = Files.write(temp.resolve("list-sjis.csv"), text.getBytes(Charset.forName("windows-31j")));

        PriceList list = reader.read(sjis);

        assertThat(list.drugs()).isEqualTo(readSample().drugs());
        assertThat(list.fileName()).isEqualTo("list-sjis.csv");
    }

    @Test
    void readsUtf8WithByteOrderMarkFromAStream() throws IOException {
        byte[] text = Files.readAllBytes(sample("drug-price-list-sample.csv"));
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        PriceList list = reader.readCsv("bom.csv", new ByteArrayInputStream(withBom));

        assertThat(list.drugs()).isEqualTo(readSample().drugs());
    }

    @Test
    void readsEverySheetOfAWorkbookThatHasTheHeader() throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("表紙", List.of(List.of("薬価基準収載品目リスト"), List.of("令和8年4月1日適用")));
        for (DrugKind kind : DrugKind.values()) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of(new TestXlsx.Inline(kind.japanese() + "の一覧")));
            rows.add(List.of());
            rows.add(new ArrayList<>(HEADER));
            readSample().drugs().stream().filter(d -> d.kind() == kind).forEach(d -> rows.add(row(d)));
            sheets.put(kind.japanese(), rows);
        }

        PriceList list = reader.read(TestXlsx.write(temp.resolve("list.xlsx"), sheets));

        assertThat(list.problems()).isEmpty();
        assertThat(list.drugs()).containsExactlyInAnyOrderElementsOf(readSample().drugs());
    }

    @Test
    void takesTheKindFromTheSheetNameAndCleansSpreadsheetNumbersAndDates() throws IOException {
        List<Object> header = new ArrayList<>(HEADER.subList(1, HEADER.size()));
        header.add(3, "注1");
        List<Object> row = new ArrayList<>(List.of("2171022F1020", "アムロジピンベシル酸塩", "5mg1錠", "局", "アムロジピン錠5mg",
                "むすび製薬", "後発品", "", "", new TestXlsx.Num("5.7000000000000002"), 46112, ""));
        List<Object> bad = new ArrayList<>(List.of("2171022F2027", "アムロジピンベシル酸塩", "10mg1錠", "", "アムロジピン錠10mg",
                "むすび製薬", "", "", "", "未定", "", ""));
        Path file = TestXlsx.write(temp.resolve("oral.xlsx"), Map.of("内用薬", List.of(header, row, bad)));

        PriceList list = reader.read(file);

        Drug drug = list.drugs().getFirst();
        assertThat(drug.kind()).isEqualTo(DrugKind.ORAL);
        assertThat(drug.standard()).isEqualTo("5mg1錠");
        assertThat(drug.price()).isEqualByComparingTo("5.7");
        assertThat(drug.transitionalUntil()).isEqualTo("2026-03-31");
        assertThat(list.problems()).singleElement().hasToString(
                "oral.xlsx [内用薬] row 3, 薬価: The price (薬価) is not a number of at least 0 with at most 2 decimals: \"未定\""
                        + " / 薬価が0以上の数値（小数2桁まで）ではありません: 「未定」");
    }

    @Test
    void reportsEachBadRowWithFileRowFieldAndTextsInBothLanguages() {
        PriceList list = reader.read(sample("drug-price-list-invalid.csv"));

        assertThat(list.drugs()).extracting(Drug::yjCode).containsExactly("3962002F1010");
        assertThat(list.problems()).extracting(PriceListProblem::row, PriceListProblem::field, PriceListProblem::key)
                .containsExactly(
                        Tuple.tuple(2, "薬価基準収載医薬品コード", "medication.problem.code"),
                        Tuple.tuple(3, "品名", "medication.problem.name"),
                        Tuple.tuple(4, "薬価", "medication.problem.price"),
                        Tuple.tuple(5, "薬価", "medication.problem.price"),
                        Tuple.tuple(7, "薬価基準収載医薬品コード", "medication.problem.duplicate"),
                        Tuple.tuple(8, "区分", "medication.problem.kind"));
        assertThat(list.problems().getFirst()).hasToString("drug-price-list-invalid.csv row 2, 薬価基準収載医薬品コード: "
                + "The drug price code is not 12 characters of 0-9 and A-Z: \"2171022F102\""
                + " / 薬価基準収載医薬品コードが英数字（0-9, A-Z）12桁ではありません: 「2171022F102」");
        assertThat(list.problems().get(1).japanese()).isEqualTo("品名がありません（コード 2171022F1020）");
        assertThat(list.problems().get(4).english()).isEqualTo("Code 3962002F1010 is also on row 6 (the earlier row is used)");
        assertThat(list.problems().get(5).japanese()).isEqualTo("区分（内用薬・注射薬・外用薬・歯科用薬剤）がわかりません: 「その他」");
        assertThat(list.kinds()).isEqualTo(Set.of(DrugKind.ORAL));
    }

    @Test
    void refusesAFileWithoutTheListsHeader() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.csv"), "name,price\nアムロジピン,10\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadablePriceList.class)
                .hasMessage("No header row (with the columns 薬価基準収載医薬品コード, 品名 and 薬価) in notes.csv")
                .satisfies(e -> assertThat(((UnreadablePriceList) e).japanese())
                        .isEqualTo("見出し行（「薬価基準収載医薬品コード」「品名」「薬価」の列）がありません: notes.csv"));
    }

    @Test
    void refusesABrokenWorkbook() throws IOException {
        Path file = Files.write(temp.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadablePriceList.class)
                .hasMessageStartingWith("Cannot read broken.xlsx as a drug price list");
    }

    @Test
    void doesNotResolveExternalEntitiesInWorkbookParts() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "2171022F1020");
        List<Object> header = HEADER.stream().map(h -> (Object) new TestXlsx.Inline(h)).toList();
        List<Object> row = List.of(new TestXlsx.Inline("内用薬"), "shared string 0", new TestXlsx.Inline("x"),
                new TestXlsx.Inline("x"), new TestXlsx.Inline("x"), new TestXlsx.Inline("x"), new TestXlsx.Inline(""),
                new TestXlsx.Inline(""), new TestXlsx.Inline(""), 1);
        Path file = TestXlsx.write(temp.resolve("plain.xlsx"), Map.of("内用薬", List.of(header, row)));
        assertThat(reader.read(file).problems()).singleElement().extracting(PriceListProblem::key)
                .isEqualTo("medication.problem.code");
        Path evil = temp.resolve("evil.xlsx");
        try (var in = new ZipInputStream(Files.newInputStream(file));
             var out = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    content = ("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                            + "<sst><si><t>&x;</t></si></sst>").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
            }
        }

        PriceList[] read = new PriceList[1];
        Throwable thrown = Assertions.catchThrowable(() -> read[0] = reader.read(evil));

        if (thrown == null) {
            assertThat(read[0].drugs()).isEmpty();
        } else {
            assertThat(thrown).isInstanceOf(UnreadablePriceList.class);
        }
    }

    private static List<Object> row(Drug d) {
        List<Object> row = new ArrayList<>();
        row.add(d.kind().japanese());
        row.add(d.yjCode());
        row.add(d.ingredientName());
        row.add(d.standard());
        row.add(d.productName());
        row.add(d.maker());
        row.add(d.generic() ? "後発品" : null);
        row.add(d.brand());
        row.add(d.brandWithGeneric() ? "○" : null);
        row.add(d.price());
        row.add(d.transitionalUntil() == null ? null : new TestXlsx.Inline(d.transitionalUntil()));
        row.add(d.remarks());
        return row;
    }

    private static Drug find(PriceList list, String code) {
        return list.drugs().stream().filter(d -> d.yjCode().equals(code)).findFirst().orElseThrow();
    }
}
