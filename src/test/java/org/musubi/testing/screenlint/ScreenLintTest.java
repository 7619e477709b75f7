package org.musubi.testing.screenlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musubi.testing.screenlint.ScreenLint.Defect;
import org.musubi.testing.screenlint.ScreenLint.Hit;

/**
 * Each detector of the screen lint proven on its fixture page (issue 63, build item 4): it finds its defect there and
 * nothing else does; nothing is found on the pages of look-alikes that are right; what a person does not read (a
 * link's target, a hidden field, an option's value, a script) is not read.
 */
class ScreenLintTest {

    @ParameterizedTest
    @EnumSource(Defect.class)
    void eachDetectorFindsItsDefectOnItsFixturePageAndNoOtherDetectorFiresThere(Defect defect) {
        List<Hit> hits = ScreenLint.check(page(ScreenLintFixtures.DEFECT_PAGES.get(defect)));

        assertThat(hits).as(defect + " on its fixture page").isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.defect()).as(hit.toString()).isEqualTo(defect));
    }

    @Test
    void theDefectsFoundAreTheOnesThePagesShow() {
        assertThat(texts(Defect.JAVA_TEXT)).contains("Problem[title=", "=[]", "[]", "Optional.empty");
        assertThat(texts(Defect.NULL)).containsExactlyInAnyOrder("null");
        assertThat(texts(Defect.UUID)).containsExactlyInAnyOrder("9f643845-2c1e-4b7a-9d3e-0a1b2c3d4e5f");
        assertThat(texts(Defect.RESOURCE_ID)).containsExactlyInAnyOrder("DiagnosticReport", "0515a3b8");
        assertThat(texts(Defect.UCUM)).containsExactlyInAnyOrder("{1.73_m2}");
        assertThat(texts(Defect.MESSAGE_KEY)).containsExactlyInAnyOrder("??letters.reply.heading_ja_JP??", "nav.home");
        assertThat(texts(Defect.FHIR_PATH)).as("a placeholder is read").containsExactlyInAnyOrder("Condition.code.coding");
        assertThat(texts(Defect.ENGLISH_ERROR)).contains("Unexpected character", "was expecting");
        assertThat(texts(Defect.INTERNAL_CODE)).containsExactlyInAnyOrder("emergency-dataset");
    }

    @Test
    void aSnippetShowsTheDefectInItsLine() {
        Hit hit = ScreenLint.check(page(ScreenLintFixtures.DEFECT_PAGES.get(Defect.UUID))).getFirst();

        assertThat(hit.snippet()).isEqualTo("ご紹介の文書 9f643845-2c1e-4b7a-9d3e-0a1b2c3d4e5f へのご返事です。");
    }

    @Test
    void nothingIsFoundOnThePagesOfLookAlikesThatAreRight() {
        for (String path : ScreenLintFixtures.LOOK_ALIKES) {
            assertThat(ScreenLint.check(page(path))).as(path).isEmpty();
        }
    }

    @Test
    void thePdfsDefectIsFoundInItsText() {
        ScreenText pdf = ScreenText.ofPdf(ScreenLintFixtures.bytes(ScreenLintFixtures.PDF));

        assertThat(pdf.text()).contains("eGFR 41.7 mL/min/{1.73_m2}");
        assertThat(ScreenLint.check(pdf)).extracting(Hit::defect).containsExactly(ScreenLintFixtures.PDF_DEFECT);
    }

    @Test
    void whatAPersonReadsIsTheTextAndTheShownAttributesNotTheMarkup() {
        ScreenText page = page("look-alikes.html");

        assertThat(page.lang()).isEqualTo("ja");
        assertThat(page.japanese()).isTrue();
        assertThat(page.text()).contains("ご紹介の文書（2026年11月21日、広島朝日病院から）", "薬の名前", "アムロジピン",
                "範囲", "結び Musubi のロゴ", "前回閲覧：2026-11-20 09:30", "郵便番号", "救急隊向けの画面", "検索")
                .doesNotContain("9f643845", "0515a3b8", "icd10=E11", "POSTAL_CODE", "var none", "content:",
                        "emergency-dataset", "Problem[");
        assertThat(page.links()).contains("/portal/letters/9f643845-2c1e-4b7a-9d3e-0a1b2c3d4e5f");
        assertThat(page.lines()).filteredOn(ScreenText.Line::literal).extracting(ScreenText.Line::text)
                .containsExactly("doctor1", "paramedic1", "musubi.imaging.orthanc-url", "launch/patient offline_access");
    }

    @Test
    void aCellsLabelIsReadAsThePhoneShowsItButAScriptsDataLabelIsNot() {
        ScreenText page = html("ja", "</p><table><tr><td data-label=\"最終調剤日\">2026-11-20</td></tr></table>"
                + "<input id=\"passkey-label\"><button type=\"button\" data-label=\"passkey-label\">追加</button><p>");

        assertThat(page.text()).contains("最終調剤日", "追加").doesNotContain("passkey-label");
    }

    @Test
    void englishErrorsAreLookedForOnJapanesePagesOnly() {
        String message = "Unexpected character ('}' (code 125)): was expecting double-quote to start field name";

        assertThat(ScreenLint.check(html("ja", message))).extracting(Hit::defect).containsOnly(Defect.ENGLISH_ERROR);
        assertThat(ScreenLint.check(html("en", message))).isEmpty();
    }

    @Test
    void aCodeIsOneWhereverItStandsButEnglishProseIsNot() {
        assertThat(texts(html("ja", "確認の観点 POSTAL_CODE DISAGREE"))).containsExactly("POSTAL_CODE");
        assertThat(texts(html("ja", "かかりつけ医 follow-up"))).containsExactly("follow-up");
        assertThat(texts(html("ja", "コード BASE-DENTAL_CLINIC"))).containsExactly("BASE-DENTAL_CLINIC");
        assertThat(texts(html("en", "a cancer follow-up pathway"))).isEmpty();
        assertThat(texts(html("en", "Health notebook (patient-reported)"))).as("English, hyphenated").isEmpty();
        assertThat(texts(html("en", "emergency_dataset ×4"))).as("snake case is no English").hasSize(1);
        assertThat(texts(html("ja", "戻り先 URI（redirect_uri、1行に1つ）"))).as("a name glossed").isEmpty();
        assertThat(texts(html("ja", "列 collected_at の「2026-02-30」を日時として読めません"))).as("a file's column").isEmpty();
        assertThat(texts(html("ja", "collected_at の「2026-02-30」を日時として読めません"))).hasSize(1);
        assertThat(texts(html("ja", "（emergency-dataset）×4"))).as("brackets alone gloss nothing").hasSize(1);
        assertThat(texts(html("en", "Tokens come from POST /oauth2/token (grant_type=client_credentials)."))).isEmpty();
        assertThat(texts(html("ja", "openid、offline_access（リフレッシュトークン）も指定できます"))).as("glossed after").isEmpty();
        assertThat(texts(html("ja", "診療情報提供書（紹介状）"))).isEmpty();
    }

    @Test
    void anIdIsReportedOnceAsWhatItIsNotAlsoAsACode() {
        assertThat(ScreenLint.check(html("ja", "要求ID a0cf10a3-9db5-8918-99f3-9929ba38a035")))
                .extracting(Hit::defect, Hit::before).containsExactly(tuple(Defect.UUID, "要求ID "));
    }

    @Test
    void everyDefectHasItsFixturePageLinkedFromTheIndexOneOnlyBehindAGetForm() {
        String html = new String(ScreenLintFixtures.bytes(ScreenLintFixtures.INDEX), StandardCharsets.UTF_8);
        ScreenText index = ScreenText.of(html);
        List<String> behindForms = Forms.of(html).stream().filter(f -> f.method().equals("get"))
                .map(f -> f.address().split("\\?")[0]).toList();

        assertThat(behindForms).containsExactly("english-error.html");
        assertThat(Forms.of(html).getFirst().address()).isEqualTo("english-error.html?step=2");
        assertThat(index.links()).doesNotContain("english-error.html");
        assertThat(java.util.stream.Stream.concat(index.links().stream(), behindForms.stream()).toList())
                .containsAll(ScreenLintFixtures.DEFECT_PAGES.values()).containsAll(ScreenLintFixtures.LOOK_ALIKES)
                .contains(ScreenLintFixtures.PDF);
        assertThat(ScreenLint.check(index)).isEmpty();
    }

    @Test
    void aFormIsSentAsABrowserWouldSendItUntouched() {
        String html = "<form id=\"f\" method=\"post\" action=\"/x\"><input name=\"a\" value=\"1 &amp; 2\">"
                + "<input type=\"checkbox\" name=\"b\" value=\"true\"><input type=\"checkbox\" name=\"c\" checked>"
                + "<select name=\"d\"><option value=\"\">選択してください</option><option value=\"5\">青葉</option></select>"
                + "<select name=\"e\"><option value=\"1\">一</option><option value=\"2\" selected>二</option></select>"
                + "<textarea name=\"t\">メモ</textarea><button type=\"submit\">送る</button></form>";

        Forms.Form form = Forms.byId(html, "f").orElseThrow();

        assertThat(form.method()).isEqualTo("post");
        assertThat(form.fields()).containsExactly(entry("a", "1 & 2"), entry("c", "on"), entry("d", "5"), entry("e", "2"),
                entry("t", "メモ"));
    }

    private static Set<String> texts(Defect defect) {
        return ScreenLint.check(page(ScreenLintFixtures.DEFECT_PAGES.get(defect))).stream().map(Hit::text)
                .collect(Collectors.toSet());
    }

    private static List<String> texts(ScreenText page) {
        return ScreenLint.check(page).stream().map(Hit::text).toList();
    }

    private static ScreenText html(String lang, String text) {
        return ScreenText.of("<!DOCTYPE html><html lang=\"" + lang + "\"><body><p>" + text + "</p></body></html>");
    }

    private static ScreenText page(String path) {
        return ScreenText.of(new String(ScreenLintFixtures.bytes(path), StandardCharsets.UTF_8));
    }
}
