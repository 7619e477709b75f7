package org.musubi.portal.admin.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.catalog.TemplateRows;
import org.musubi.carenet.catalog.TemplateStatus;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operators' template editor over HTTP: only network operators reach it; a template is made, its stage and items
 * edited in the form editor, a malformed upload is refused naming the item and the reason, the JSON exported and
 * imported again, the draft published; every change one audit row.
 */
@MusubiIntegrationTest
class PathwayAdminIT extends NetworkFixtures {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    PathwayCatalog catalog;
    @Autowired
    TemplateRows rows;

    @Test
    void onlyNetworkOperatorsReachTheEditorAndOthersChangeNothing() {
        User clinicAdmin = accounts.adminOf(accounts.facilityOf(FacilityKind.CLINIC));
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        long stored = rows.all().size();
        for (User user : List.of(clinicAdmin, doctor)) {
            WebSession web = accounts.signedIn(port, user);
            web.get("/");
            for (String path : List.of("/admin/pathways", "/admin/pathways/stroke/1", "/admin/pathways/stroke/1/export",
                    "/admin/pathways/stroke/1/stages/acute", "/admin/pathways/stroke/1/stages/acute/export",
                    "/admin/pathways/stroke/1/stages/acute/items/mrs-before")) {
                HttpResponse<String> page = web.get(path);
                assertThat(page.statusCode()).as(user.loginId() + " " + path).isEqualTo(403);
                assertThat(page.body()).doesNotContain("mrs-before", "脳卒中地域連携パス");
                assertThat(web.get(path.replace("stroke", "no-such")).statusCode()).isEqualTo(403);
            }
            for (String path : List.of("/admin/pathways/stroke/new-version", "/admin/pathways/stroke/1/retire")) {
                assertThat(web.post(path).statusCode()).as(path).isEqualTo(403);
                assertThat(web.post(path, "confirmed", "yes").statusCode()).as(path).isEqualTo(403);
            }
            assertThat(web.post("/admin/pathways", "code", "x-" + tag(), "titleJa", "x", "titleEn", "x").statusCode())
                    .isEqualTo(403);
        }
        assertThat(rows.all()).hasSize((int) stored);
        assertThat(rows.find("stroke", 1).orElseThrow().status()).isEqualTo(TemplateStatus.PUBLISHED);
    }

    @Test
    void anOperatorBuildsATemplateInTheFormEditorAndPublishesItWithEveryChangeAuditedOnce() {
        User admin = accounts.networkAdmin();
        WebSession operator = accounts.signedIn(port, admin);
        String code = "heart-" + tag();
        String page = "/admin/pathways/" + code + "/1";
        operator.get("/admin/pathways");
        long before = audit.max();

        assertThat(WebSession.location(operator.post("/admin/pathways", "code", code, "titleJa", "心不全パス",
                "titleEn", "Heart failure"))).isEqualTo(page);
        operator.get(page);
        operator.post(page + "/stages", "stage", "discharge", "titleJa", "退院時", "titleEn", "Discharge",
                "kinds", "HOSPITAL", "dueMonths", "0");
        String stage = page + "/stages/discharge";
        operator.get(stage);
        operator.post(stage + "/items", "parent", "", "linkId", "nyha", "type", "choice", "textJa", "NYHA 分類");
        operator.post(stage + "/items", "parent", "", "linkId", "bnp", "type", "decimal", "textJa", "BNP");
        operator.post(stage + "/items/nyha", "linkId", "nyha", "textJa", "NYHA 分類", "textEn", "NYHA class",
                "type", "choice", "required", "true", "options", "1 | I 度 | Class I | 1\n2 | II 度 | Class II | 2\n",
                "enableWhen", "", "enableBehavior", "", "unit", "", "min", "", "max", "", "loinc", "", "loincDisplay", "");
        operator.post(stage + "/items/bnp", "linkId", "bnp", "textJa", "BNP", "textEn", "BNP", "type", "decimal",
                "unit", "pg/mL", "min", "0", "max", "5000", "options", "", "enableWhen", "nyha | = | 2",
                "enableBehavior", "", "loinc", "30934-4", "loincDisplay", "BNP");
        operator.post(stage + "/items/bnp/move", "step", "-1");
        assertThat(operator.get(stage).body().indexOf("data-item=\"bnp\""))
                .as("moved before nyha").isLessThan(operator.get(stage).body().indexOf("data-item=\"nyha\""));
        operator.post(stage + "/items/bnp/move", "step", "1");

        HttpResponse<String> refused = upload(operator, stage, stage + "/import", """
                {"resourceType": "Questionnaire", "status": "active", "item": [
                  {"linkId": "a", "text": "A", "type": "integer",
                   "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 9},
                                 {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 1}]}]}""");
        String shown = operator.get(WebSession.location(refused)).body();
        assertThat(shown).contains("data-field=\"a\"", "下限 9 が上限 1 を超えています");
        String beforePublish = rows.find(code, 1).orElseThrow().body();

        assertThat(WebSession.location(operator.post(page + "/publish"))).isEqualTo(page);
        operator.get(page);

        PathwayTemplate published = catalog.current(code).orElseThrow();
        var form = published.stage("discharge").orElseThrow().form();
        assertThat(form.getItem()).extracting(i -> i.getLinkId()).containsExactly("nyha", "bnp");
        assertThat(form.getItem().get(1).getEnableWhenFirstRep().getAnswerCoding().getSystem())
                .isEqualTo("urn:musubi:pathway:" + code + ":nyha");
        assertThat(form.getItem().get(1).getCodeFirstRep().getCode()).isEqualTo("30934-4");
        assertThat(rows.find(code, 1).orElseThrow().body()).isEqualTo(beforePublish);
        assertThat(audit.since(before, admin.loginId())).containsExactly("PATHWAY_TEMPLATE_CREATE PERMIT new template",
                "PATHWAY_TEMPLATE_UPDATE PERMIT stage discharge added", "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/nyha added",
                "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/bnp added",
                "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/nyha changed",
                "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/bnp changed",
                "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/bnp moved",
                "PATHWAY_TEMPLATE_UPDATE PERMIT item discharge/bnp moved", "PATHWAY_TEMPLATE_PUBLISH PERMIT");
    }

    /**
     * Removing an item or a stage from a draft and retiring a published version cannot be undone (issue 67): each asks
     * once, naming what goes and saying what follows; one click changes nothing and writes no audit row, the confirmed
     * POST acts; an item, stage or version that is not there answers 404 asked or not.
     */
    @Test
    void removingAnItemOrAStageAndRetiringAVersionAskOnce() {
        User admin = accounts.networkAdmin();
        WebSession operator = accounts.signedIn(port, admin);
        String code = "ask-" + tag();
        String page = "/admin/pathways/" + code + "/1";
        operator.get("/admin/pathways");
        operator.post("/admin/pathways", "code", code, "titleJa", "確認パス", "titleEn", "Asking");
        operator.get(page);
        operator.post(page + "/stages", "stage", "first", "titleJa", "初回", "titleEn", "First", "kinds", "HOSPITAL",
                "dueMonths", "0");
        operator.post(page + "/stages", "stage", "spare", "titleJa", "予備", "titleEn", "Spare", "kinds", "HOSPITAL",
                "dueMonths", "0");
        String stage = page + "/stages/first";
        operator.get(stage);
        operator.post(stage + "/items", "parent", "", "linkId", "keep", "type", "string", "textJa", "残す項目");
        operator.post(stage + "/items", "parent", "", "linkId", "gone", "type", "string", "textJa", "消す項目");
        long before = audit.max();

        String item = "段階「初回」から項目 gone「消す項目」を削除します（グループなら、その中の項目も一緒に削除されます）。元に戻せません。";
        assertThat(WebSession.location(operator.post(stage + "/items/gone/remove"))).isEqualTo(stage + "?removeItem=gone");
        assertThat(operator.get(stage + "?removeItem=gone").body()).contains("data-item=\"gone\"")
                .contains("<details class=\"confirm\" id=\"remove-item-1\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"remove-item-1-question\">" + item + "</p>");
        assertThat(operator.post(stage + "/items/none/remove").statusCode()).as("an item not there").isEqualTo(404);
        assertThat(WebSession.location(operator.post(stage + "/items/gone/remove", "confirmed", "yes"))).isEqualTo(stage);
        assertThat(operator.get(stage).body()).doesNotContain("data-item=\"gone\"").contains("data-item=\"keep\"");

        String spare = "下書きから段階「予備」（spare）を、その 0 項目とともに削除します。削除した段階は元に戻せません（作り直すことになります）。";
        assertThat(WebSession.location(operator.post(page + "/stages/spare/remove"))).isEqualTo(page + "?removeStage=spare");
        assertThat(operator.get(page + "?removeStage=spare").body()).contains("data-stage=\"spare\"")
                .contains("<details class=\"confirm\" id=\"remove-stage-1\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"remove-stage-1-question\">" + spare + "</p>");
        assertThat(operator.post(page + "/stages/none/remove").statusCode()).as("a stage not there").isEqualTo(404);
        operator.post(page + "/stages/spare/remove", "confirmed", "yes");
        assertThat(operator.get(page).body()).doesNotContain("data-stage=\"spare\"").contains("data-stage=\"first\"");

        operator.post(page + "/publish");
        String retire = "「確認パス」（" + code + "）の版 1 を廃止します。廃止した版はこれから登録する患者さんには使われず、"
                + "再び公開することはできません（登録済みの患者さんの記録はこの版のまま読めます。続けるには新しい版を作ります）。";
        assertThat(WebSession.location(operator.post(page + "/retire"))).isEqualTo(page + "?confirm=retire");
        assertThat(rows.find(code, 1).orElseThrow().status()).as("not retired without the confirmation")
                .isEqualTo(TemplateStatus.PUBLISHED);
        assertThat(operator.get(page + "?confirm=retire").body())
                .contains("<details class=\"confirm\" id=\"retire\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"retire-question\">" + retire + "</p>");
        assertThat(operator.post("/admin/pathways/" + code + "/9/retire").statusCode()).as("no such version").isEqualTo(404);
        operator.post(page + "/retire", "confirmed", "yes");
        assertThat(rows.find(code, 1).orElseThrow().status()).isEqualTo(TemplateStatus.RETIRED);
        assertThat(audit.since(before, admin.loginId())).as("the confirmed acts only").containsExactly(
                "PATHWAY_TEMPLATE_UPDATE PERMIT item first/gone removed", "PATHWAY_TEMPLATE_UPDATE PERMIT stage spare removed",
                "PATHWAY_TEMPLATE_PUBLISH PERMIT", "PATHWAY_TEMPLATE_RETIRE PERMIT");
    }

    @Test
    void theJsonIsExportedAndImportedAgainAndAMalformedTemplateIsRefusedNamingItemAndReason() {
        User admin = accounts.networkAdmin();
        WebSession operator = accounts.signedIn(port, admin);
        operator.get("/admin/pathways");
        HttpResponse<byte[]> exported = operator.getBytes("/admin/pathways/liver-disease/1/export");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow()).contains("liver-disease-1.json");
        HttpResponse<byte[]> stageForm = operator.getBytes("/admin/pathways/stroke/1/stages/acute/export");
        String questionnaire = new String(stageForm.body(), StandardCharsets.UTF_8);
        assertThat(questionnaire).contains("\"resourceType\" : \"Questionnaire\"", "urn:musubi:pathway:stroke/acute",
                "mrs-before");
        String code = "liver-" + tag();
        String template = new String(exported.body(), StandardCharsets.UTF_8)
                .replaceFirst("\"code\"\\s*:\\s*\"liver-disease\"", "\"code\": \"" + code + "\"");
        long before = audit.max();

        String malformed = template.replaceFirst("\"facilityKinds\"\\s*:\\s*\\[\\s*\"HOSPITAL\"", "\"facilityKinds\": [\"CASTLE\"");
        HttpResponse<String> refused = upload(operator, "/admin/pathways", "/admin/pathways/import", malformed);
        assertThat(WebSession.location(refused)).isEqualTo("/admin/pathways");
        assertThat(operator.get("/admin/pathways").body()).contains("施設の種類 CASTLE は参加施設の種類ではありません");
        assertThat(rows.of(code)).isEmpty();

        HttpResponse<String> imported = upload(operator, "/admin/pathways", "/admin/pathways/import", template);
        assertThat(WebSession.location(imported)).isEqualTo("/admin/pathways/" + code + "/1");
        assertThat(operator.get("/admin/pathways/" + code + "/1").statusCode()).isEqualTo(200);
        String stageCode = "/admin/pathways/" + code + "/1/stages/specialist";
        assertThat(WebSession.location(upload(operator, stageCode, stageCode + "/import", questionnaire)))
                .isEqualTo(stageCode);
        assertThat(rows.find(code, 1).orElseThrow().body()).contains("mrs-before");
        assertThat(audit.since(before, admin.loginId())).containsExactly("PATHWAY_TEMPLATE_CREATE PERMIT imported",
                "PATHWAY_TEMPLATE_UPDATE PERMIT Questionnaire imported into specialist");
    }

    /** Posts {@code json} as the file of the upload form on {@code page}, multipart with the page's CSRF token. */
    static HttpResponse<String> upload(WebSession web, String page, String action, String json) {
        Matcher token = CSRF.matcher(web.get(page).body());
        assertThat(token.find()).isTrue();
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1) + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
