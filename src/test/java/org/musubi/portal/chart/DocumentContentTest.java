package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DocumentContentTest {

    private static String reference(String contentType, String data, String url) {
        return """
                {"resourceType":"DocumentReference","type":{"text":"紹介状"},"content":[{"attachment":{
                 "contentType":"%s"%s%s}}]}""".formatted(contentType,
                data == null ? "" : ",\"data\":\"" + data + "\"", url == null ? "" : ",\"url\":\"" + url + "\"");
    }

    @Test
    void textIsDecodedInTheCharsetItsTypeNames() {
        String sjis = Base64.getEncoder().encodeToString("退院時サマリー".getBytes(Charset.forName("Shift_JIS")));

        DocumentContent content = DocumentContent.of(reference("text/plain; charset=Shift_JIS", sjis, null));

        assertThat(content.shown()).isEqualTo(DocumentContent.Shown.TEXT);
        assertThat(content.decodedText()).isEqualTo("退院時サマリー");
        assertThat(content.title()).isEqualTo("紹介状");
    }

    @Test
    void pdfsAndBinariesAreShownFromTheirContentAddressOthersDownloaded() {
        assertThat(DocumentContent.of(reference("application/pdf", "JVBERg==", null)).shown())
                .isEqualTo(DocumentContent.Shown.PDF);
        DocumentContent binary = DocumentContent.of(reference("image/png", null, "Binary/abc-123"));
        assertThat(binary.shown()).isEqualTo(DocumentContent.Shown.IMAGE);
        assertThat(binary.binaryId()).isEqualTo("abc-123");
        assertThat(DocumentContent.of(reference("application/zip", "UEs=", null)).shown())
                .isEqualTo(DocumentContent.Shown.DOWNLOAD);
        assertThat(DocumentContent.of(reference("image/png", null, "https://elsewhere.example/x.png")).shown())
                .as("only content Musubi holds").isEqualTo(DocumentContent.Shown.NONE);
    }

    @Test
    void aReferralLettersNarrativeBecomesPlainTextNeverMarkup() {
        String bundle = """
                {"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Composition",
                 "title":"診療情報提供書","date":"2026-01-10","section":[{"title":"紹介目的","text":{"div":
                 "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">精査加療のお願い<br/>よろしく&lt;お願い&gt;</div>"}},
                 {"code":{"text":"傷病名"},"section":[{"title":"主病名","text":{"div":"<div><script>alert(1)</script>胃癌</div>"}}]}]}}]}""";
        String data = Base64.getEncoder().encodeToString(bundle.getBytes(StandardCharsets.UTF_8));

        DocumentContent.Composition composition = DocumentContent.of(reference("application/fhir+json", data, null))
                .composition();

        assertThat(composition.title()).isEqualTo("診療情報提供書");
        assertThat(composition.sections()).extracting(DocumentContent.Section::title).containsExactly("紹介目的", "傷病名");
        assertThat(composition.sections().getFirst().text()).isEqualTo("精査加療のお願い\nよろしく<お願い>");
        assertThat(composition.sections().get(1).sections().getFirst().text()).isEqualTo("alert(1)胃癌")
                .doesNotContain("<script>");
    }
}
