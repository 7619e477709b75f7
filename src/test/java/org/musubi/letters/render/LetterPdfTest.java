package org.musubi.letters.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musubi.letters.Coded;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Result;

/** Every form printed as the clinicians' paper form: its boxes in order, the Japanese font embedded, pages numbered. */
class LetterPdfTest {

    private static final LetterRendering RENDERING = TestRendering.rendering();

    /** What each form prints, in the order it prints it (labels and the letter's words). */
    private static final Map<LetterKind, List<String>> ORDER = Map.of(
            LetterKind.REFERRAL, List.of("診療情報提供書", "紹介先医療機関名", "広島結病院", "循環器内科", "広島 一郎 先生",
                    "2026年11月20日", "紹介元医療機関の所在地及び名称", "結クリニック", "電話番号 082-000-0001", "医師",
                    "結 太郎", "印", "患者氏名", "髙﨑 花子", "性別", "女性", "生年月日", "1950年4月1日", "（76歳）", "職業",
                    "無職", "傷病名", "主病名", "2型糖尿病", "2018年6月1日発症", "疑い", "狭心症", "紹介目的",
                    "胸部圧迫感の精査", "既往歴及び家族歴", "父に心筋梗塞", "治癒・軽快", "虫垂炎",
                    "アレルギー・不耐性反応", "薬剤", "重篤", "ペニシリン", "発疹", "症状経過及び検査結果",
                    "労作時の胸部圧迫感", "148/86", "HbA1c", "7.2 %", "治療経過", "食事療法とメトホルミン", "現在の処方",
                    "メトホルミン塩酸塩錠250mg", "1日2回", "備考", "① 食事指導", "添付資料", "検査結果 1", "検査結果 2"),
            LetterKind.DISCHARGE_SUMMARY, List.of("退院時サマリー", "提供先医療機関名", "結クリニック", "広島結病院",
                    "髙﨑 花子", "入院期間", "2026年10月1日 〜 2026年10月14日", "軽快", "入院理由・主訴", "胸痛精査",
                    "入院時診断", "疑い", "狭心症", "退院時診断", "労作性狭心症", "既往歴及び家族歴", "入院中の経過",
                    "食事療法", "退院時処方", "アスピリン腸溶錠100mg", "退院後の方針", "外来で経過観察", "備考", "添付資料"),
            LetterKind.REPLY, List.of("返書", "ご紹介元医療機関名", "広島結病院", "結クリニック", "髙﨑 花子",
                    "ご紹介の文書", "3411098765^2026^R-000123", "ご紹介の件", "胸部圧迫感の精査", "傷病名", "2型糖尿病",
                    "所見及び検査結果", "HbA1c", "治療経過", "処方", "今後の方針・備考", "① 食事指導", "添付資料"),
            LetterKind.MEDICATION_INFORMATION, List.of("服薬情報提供書", "提供先医療機関名", "広島結病院", "処方医",
                    "広島 一郎 先生", "保険薬局の所在地及び名称", "結薬局", "薬剤師", "薬局 三郎", "髙﨑 花子", "処方日",
                    "2026年11月18日", "調剤日", "2026年11月19日", "処方薬", "メトホルミン塩酸塩錠250mg", "情報提供の内容",
                    "労作時の胸部圧迫感", "薬剤師の所見・提案", "夕食後の服用への変更", "患者の同意の有無",
                    "患者は医師への報告に同意している", "備考", "添付資料"),
            LetterKind.TRACING_REPORT, List.of("トレーシングレポート", "提供先医療機関名", "処方医", "結薬局",
                    "髙﨑 花子", "処方日", "処方薬", "情報提供の内容", "薬剤師の所見・提案", "患者の同意の有無", "備考",
                    "添付資料"),
            LetterKind.HOME_NURSING_ORDER, List.of("訪問看護指示書", "訪問看護ステーション", "広島結病院", "結クリニック",
                    "髙﨑 花子", "指示期間", "2026年12月1日 〜 2027年5月31日", "主たる傷病名", "2型糖尿病",
                    "病状・治療状態", "心不全は安定", "投与中の薬剤の用量・用法", "メトホルミン", "日常生活自立度",
                    "寝たきり度", "A1", "認知症の状況", "Ⅱa", "留意事項及び指示事項", "体重と浮腫", "緊急時の連絡先",
                    "090-0000-0000", "備考", "添付資料"),
            LetterKind.INFORMATION, List.of("診療情報提供文書", "提供先", "広島結病院", "髙﨑 花子", "紹介目的",
                    "傷病名", "現病歴", "既往歴", "アレルギー・不耐性反応", "所見及び検査結果", "治療経過", "処方", "備考",
                    "添付資料"));

    @BeforeAll
    static void needsTheFont() {
        assumeTrue(RENDERING.canPrint(), "no Japanese font installed (Debian: fonts-ipafont-gothic); PDF tests skipped");
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void printsEachBoxOfTheFormInItsOrder(LetterKind kind) throws IOException {
        String text = text(RENDERING.pdf(FormLetters.of(kind)));

        assertThat(ORDER).containsKey(kind);
        assertInOrder(text, ORDER.get(kind));
        assertThat(text).contains("文書番号 " + org.musubi.letters.clins.ClinsDocuments.documentId(FormLetters.of(kind))
                + "　第1版").contains("1 / ");
    }

    @Test
    void embedsTheJapaneseFontWithEveryGlyphUsed() throws IOException {
        byte[] pdf = RENDERING.pdf(FormLetters.of(LetterKind.REFERRAL));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(),
                    org.assertj.core.data.Offset.offset(1f));
            assertThat(new PDFTextStripper().getText(document)).contains("髙﨑 花子", "タカサキ ハナコ", "① 食事指導")
                    .doesNotContain("#").doesNotContain("\uFFFD");
        }
    }

    @Test
    void flowsALongCourseOntoTheNextPageNumberedAndWhole() throws IOException {
        StringBuilder course = new StringBuilder();
        for (int day = 1; day <= 90; day++) {
            course.append("第").append(day).append("病日：血圧と血糖は安定しており、内服を継続した。\n");
        }
        byte[] pdf = RENDERING.pdf(FormLetters.of(LetterKind.REFERRAL, course.toString(), 1));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            int pages = document.getNumberOfPages();
            String all = new PDFTextStripper().getText(document);
            for (int day = 1; day <= 90; day++) {
                assertThat(all).as("day %d printed whole", day).contains("第" + day + "病日：血圧と血糖は安定しており、内服を継続した。");
            }
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            String page2 = second.getText(document);
            assertThat(page2).contains("2 / " + pages).contains("3410012345^2026^R-0　第1版").contains("病日");
            assertInOrder(all, List.of("治療経過", "第1病日", "第90病日", "現在の処方", "備考", "添付資料"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LetterKind.class, names = {"REFERRAL", "REPLY", "DISCHARGE_SUMMARY", "TRACING_REPORT"})
    void writesEachResultsUnitAsPeopleReadItNotInUcumsNotation(LetterKind kind) throws IOException {
        Letter letter = FormLetters.withResults(kind, List.of(
                new Result(Coded.text("eGFR"), "58", "mL/min/{1.73_m2}", FormLetters.ISSUED, null),
                new Result(Coded.text("血小板数"), "21.5", "10*4/uL", FormLetters.ISSUED, null),
                new Result(Coded.text("尿沈渣 赤血球"), "1-4", "/[HPF]", null, null)));

        byte[] pdf = RENDERING.pdf(letter);
        List<String> lines = printed(pdf).lines().map(String::strip).toList();

        assertThat(lines).contains("eGFR 58 mL/min/1.73m² 2026年11月20日", "血小板数 21.5 10⁴/μL 2026年11月20日",
                "尿沈渣 赤血球 1-4 /HPF");
        assertThat(String.join("\n", lines)).doesNotContain("{1.73_m2}").doesNotContain("10*4").doesNotContain("[HPF]")
                .doesNotContain("#");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("%s embedded (no unit glyph left to a viewer's font)",
                            font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void aReplyNamesTheLetterItAnswersByItsKindDayFacilityAndAuthorNeverByAnId() throws IOException {
        Letter reply = FormLetters.of(LetterKind.REPLY);
        Letter withAnId = new Letter(reply.kind(), reply.number(), 1, reply.issued(), reply.author(), reply.sender(),
                reply.addressee(), reply.patient(), reply.content(), "9f643845-2a7c-4b8e-9d1e-3c5a7b9e0f12", null,
                reply.answered());

        List<String> lines = printed(RENDERING.pdf(reply)).lines().map(String::strip).toList();
        List<String> stored = printed(RENDERING.pdf(withAnId)).lines().map(String::strip).toList();

        assertThat(lines).containsSequence("ご紹介の文書 2026年11月10日付 診療情報提供書（広島結病院 広島 一郎）",
                "（文書番号 3411098765^2026^R-000123）");
        assertThat(stored).as("a reply holding an id names the letter the same way and prints no id")
                .contains("ご紹介の文書 2026年11月10日付 診療情報提供書（広島結病院 広島 一郎）");
        assertThat(String.join("\n", stored)).doesNotContain("9f643845");
        assertThat(RENDERING.html(reply, java.util.Locale.ENGLISH))
                .contains("Referral letter of 10 Nov 2026 (広島結病院, 広島 一郎)");
    }

    @Test
    void namesEachAttachmentsKindOfFileInWordsNotByItsMimeType() throws IOException {
        List<String> lines = printed(RENDERING.pdf(FormLetters.of(LetterKind.REFERRAL))).lines().map(String::strip)
                .toList();

        assertThat(lines).containsSequence("添付資料", "PDF 検査結果 1 51 KB", "PDF 検査結果 2 102 KB");
        assertThat(String.join("\n", lines)).doesNotContain("application/pdf");
        assertThat(RENDERING.html(FormLetters.of(LetterKind.REFERRAL), java.util.Locale.ENGLISH))
                .contains("<span class=\"letter-label\">PDF</span><span>検査結果 1</span>")
                .doesNotContain("application/pdf");
    }

    @Test
    void printsTheSameBytesForTheSameLetter() {
        Letter letter = FormLetters.of(LetterKind.REFERRAL);

        byte[] first = RENDERING.pdf(letter);
        byte[] second = TestRendering.rendering().pdf(letter);

        assertThat(second).isEqualTo(first);
        assertThat(RENDERING.pdf(FormLetters.of(LetterKind.TRACING_REPORT))).isNotEqualTo(first);
    }

    @Test
    void datesTheDocumentByItsIssueNotByTheClock() throws IOException {
        try (PDDocument document = Loader.loadPDF(RENDERING.pdf(FormLetters.of(LetterKind.REFERRAL)))) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(FormLetters.ISSUED);
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Musubi");
            assertThat(document.getSignatureFields()).as("the signer adds its own field").isEmpty();
        }
    }

    /**
     * The PDF's text as a reader sees it on paper: a character printed smaller and above its line's baseline (a
     * {@code <sup>}) reads as the superscript it is ({@code 10} and a raised {@code 4} read {@code 10⁴}).
     */
    static String printed(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    float size = 0;
                    float baseline = 0;
                    for (TextPosition p : positions) {
                        if (p.getFontSizeInPt() > size) {
                            size = p.getFontSizeInPt();
                            baseline = p.getYDirAdj();
                        }
                    }
                    StringBuilder read = new StringBuilder();
                    for (TextPosition p : positions) {
                        int plain = "0123456789-".indexOf(p.getUnicode());
                        boolean raised = p.getFontSizeInPt() < 0.85f * size && p.getYDirAdj() < baseline - 0.5f;
                        read.append(raised && plain >= 0 ? "⁰¹²³⁴⁵⁶⁷⁸⁹⁻".charAt(plain) : p.getUnicode());
                    }
                    writeString(read.toString());
                }
            };
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static void assertInOrder(String text, List<String> expected) {
        int at = 0;
        for (String part : expected) {
            int found = text.indexOf(part, at);
            assertThat(found).as("「%s」 after position %d in:%n%s", part, at, text).isGreaterThanOrEqualTo(0);
            at = found + part.length();
        }
    }
}
