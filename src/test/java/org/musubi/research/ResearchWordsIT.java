package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * Issue 63, item 5, research: what a researcher and the committee read. The application asks for data items in words,
 * never FHIR element names; a project's scope reads in plain words (病名：ICD-10 コードが E11 で始まるもの, 病名：病名（コードと
 * 名称）、発症日) instead of {@code icd10=E11} and {@code 病名 []}; a diagnosis typed by name, a narrowed scope that
 * cannot be read and de-identification settings that are not JSON are answered in Japanese, naming the field, with no
 * parser's English.
 */
@MusubiIntegrationTest
class ResearchWordsIT extends NetworkFixtures {

    @Test
    void aResearcherAndTheCommitteeReadTheScopeAndEveryFaultInWords() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        String town = ExtractionIT.town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        WebSession researcher = accounts.signedIn(port, doctor);

        String form = text(researcher.get("/research/apply").body());
        assertThat(form).contains("病名（コードと名称）", "発症日", "検査項目", "結果の値", "用法・用量・日数")
                .doesNotContain("FHIR", "onsetDateTime", "要素名");

        Map<String, String> byName = ExtractionIT.application("名前で探す研究 " + town, "病名の名前", town, today);
        byName.put("diagnoses", "糖尿病");
        String refused = ResearchForms.apply(researcher, byName, ResearchForms.PDF).body();
        assertThat(refused).contains("data-key=\"research.invalid.diagnoses\"");
        assertThat(text(refused)).contains("「病名」欄を確かめてください：ICD-10 コードで入れてください（例：2 型糖尿病は E11）");

        Map<String, String> application = ExtractionIT.application("言葉で読む研究 " + town, "範囲の表示", town, today);
        application.put("items.DIAGNOSES", "DIAGNOSIS_CODE");
        application.put("items.DIAGNOSES#2", "DIAGNOSIS_ONSET");
        application.put("ageFrom", "40");
        application.put("ageTo", "74");
        long id = Long.parseLong(WebSession.location(ResearchForms.apply(researcher, application, ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
        String scope = text(researcher.get("/research/" + id).body());
        assertThat(scope).contains("病名：ICD-10 コードが E11 で始まるもの", "年齢：40 歳〜74 歳",
                        "市区町村（登録住所）：" + town, "病名：病名（コードと名称）、発症日",
                        "検査結果：すべての項目（匿名化の規則で加工したもの）")
                .doesNotContain("icd10=", "[]", "age=", "onsetDateTime");

        WebSession committee = accounts.signedIn(port, accounts.networkAdmin());
        String broken = "{\n  \"dateShiftRange\": 30,\n  \"rules\": [\n    { \"path\": \"Patient.name\" \"method\": \"redact\" }\n  ]\n}";
        HttpResponse<String> unreadable = committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED",
                "reason", "", "deid", broken);
        assertThat(WebSession.location(unreadable)).endsWith("refused=research.refused.deid");
        String deidPage = committee.get(path(unreadable)).body();
        assertThat(deidPage).contains("data-fault=\"notJson\"");
        assertThat(text(deidPage)).containsPattern("「匿名化の設定」欄を読めません：4 行目の \\d+ 文字目が JSON の書き方になっていません")
                .doesNotContain("Unexpected character", "was expecting", "Source:", "JacksonException");

        HttpResponse<String> narrowed = committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "NARROWED",
                "reason", "町を絞る", "diagnoses", "糖尿病", "categories", "DIAGNOSES");
        String narrowedPage = committee.get(path(narrowed)).body();
        assertThat(narrowedPage).contains("data-key=\"research.invalid.diagnoses\"");
        assertThat(text(narrowedPage)).contains("「病名」欄を確かめてください");
        assertThat(jdbc.sql("SELECT status FROM research_project WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("APPLIED");
    }

    private static String path(HttpResponse<String> redirect) {
        return WebSession.location(redirect).replaceAll("^https?://[^/]+", "");
    }

    /** The text a person reads: tags dropped, blanks folded. */
    private static String text(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("</?(li|dt|dd|p|h\\d|tr|td|th|div|label|option|legend|ul|dl)\\b[^>]*>", " ")
                .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replaceAll("\\s+", " ").strip();
    }
}
