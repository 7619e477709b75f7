package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.testing.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * README's third tour on the shared demo (a fresh data directory in demo mode), step by step over real HTTP as each
 * user signs in: the clinic's doctor reads the referral waiting in the inbox, the reply sent, the Box file and the
 * municipality's request for an opinion; the hospital's doctor reads the answered consultation; the responder
 * hospital's doctor finds the stroke pathway waiting at its recovery stage; the care manager opens the home-care team,
 * the visiting nurse her task; the public-health officer sees the surveillance signal. Asserts what the pages say, in
 * the words the README quotes.
 */
class DemoThirdTourIT extends StartedDemo {

    @Test
    void theReadmesThirdTour() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tour = readme.substring(readme.indexOf("### Third tour"), readme.indexOf("## Commands"));
        assertThat(tour).contains("**doctor5**", "**連携中の患者**", "**主治医意見書の依頼 1 件**", "**Box 新着ファイル 1 件**",
                "**受信箱・送信済み**", "**未読・受付待ち**", "**診療情報提供書**", "**広島朝日病院**", "**返書**",
                "**退院時の食事指導.txt**", "**主治医意見書の依頼（受信）**", "**呉市港保健センター**", "**依頼中**",
                "**doctor2**", "**症例相談**", "**回答あり**", "**糖尿病性腎症の評価についてのご相談**", "**doctor3**",
                "**地域連携パス 記入待ち 1 件**", "**脳卒中地域連携パス**", "**回復期**", "**caremanager1**",
                "**在宅ケアチーム**", "**148**", "**nurse8**", "**自分のタスク**",
                "**次回訪問時に服薬状況と起立時の血圧を確認してください**", "**hokenjo1**", "**感染症サーベイランス**",
                "**閾値を超えた症候群があります**", "**インフルエンザ様疾患**", "**pharmacist3**", "**researcher1**",
                "**radiologist1**", "**municipal1**");

        // 1. The clinic's doctor: linked patients, an opinion asked, a file received.
        WebSession clinic = DemoServer.signIn(port, "/login", "doctor5");
        String home = text(clinic, "/");
        assertThat(home).contains("所属施設：福田総合内科", "連携中の患者", "主治医意見書の依頼 1 件");
        // the Box file waits until doctor5 downloads it: another class's crawl of the shared demo (RoleMenuIT,
        // ScreenLintIT) may have downloaded it before this tour; counted from the table at the time (StartedDemo)
        long downloaded = server.getBean(JdbcClient.class).sql("""
                SELECT count(*) FROM box_download d JOIN app_user u ON u.id = d.user_id WHERE u.login_id = 'doctor5'""")
                .query(Long.class).single();
        if (downloaded == 0) {
            assertThat(home).contains("Box 新着ファイル 1 件");
        } else {
            assertThat(home).doesNotContain("Box 新着ファイル");
        }
        assertThat(clinic.get("/").body()).as("doctor5's linked patients").contains("/portal/patients/");
        // 2. The referral waiting in the inbox.
        String inbox = text(clinic, "/portal/letters");
        assertThat(inbox).contains("未読・受付待ち", "診療情報提供書", "広島朝日病院");
        // 3. The reply sent to the hospital.
        assertThat(text(clinic, "/portal/letters/sent")).contains("返書", "広島朝日病院");
        // 4. The Box file.
        assertThat(text(clinic, "/portal/box")).contains("退院時の食事指導.txt", "和田 聡");
        // 5. The municipality's request for an opinion.
        assertThat(text(clinic, "/portal/municipal/opinions/inbox")).contains("主治医意見書の依頼（受信）",
                "呉市港保健センター", "依頼中");

        // 6. The hospital's doctor: the consultation answered.
        WebSession hospital = DemoServer.signIn(port, "/login", "doctor2");
        assertThat(text(hospital, "/portal/consultations?tab=answered")).contains("糖尿病性腎症の評価についてのご相談",
                "青葉腎臓内科");

        // 7. The responder hospital's doctor: the stroke pathway waiting at its recovery stage.
        WebSession responder = DemoServer.signIn(port, "/login", "doctor3");
        assertThat(text(responder, "/")).contains("地域連携パス 記入待ち 1 件");
        String pathways = text(responder, "/portal/pathways");
        assertThat(pathways).contains("脳卒中地域連携パス", "回復期");

        // 8. The care manager's home-care team.
        WebSession manager = DemoServer.signIn(port, "/login", "caremanager1");
        String teams = manager.get("/portal/care-teams").body();
        Matcher team = Pattern.compile("href=\"(/portal/care-teams/[0-9a-f-]{36})\"").matcher(teams);
        assertThat(team.find()).as("a team to open").isTrue();
        assertThat(strip(teams)).contains("在宅ケアチーム");
        String thread = text(manager, team.group(1));
        assertThat(thread).contains("サービス担当者会議", "148", "福祉用具（手すり）の手配をお願いします",
                "次回訪問時に服薬状況と起立時の血圧を確認してください");

        // 9. The visiting nurse's task.
        WebSession nurse = DemoServer.signIn(port, "/login", "nurse8");
        assertThat(text(nurse, "/portal/care-teams/tasks")).contains("自分のタスク", "在宅ケアチーム",
                "次回訪問時に服薬状況と起立時の血圧を確認してください");

        // 10. The public-health officer's signal; the pharmacy's pharmacist's linked patients.
        WebSession officer = DemoServer.signIn(port, "/login", "hokenjo1");
        assertThat(text(officer, "/surveillance/dashboard")).contains("閾値を超えた症候群があります", "インフルエンザ様疾患");
        WebSession pharmacy = DemoServer.signIn(port, "/login", "pharmacist3");
        assertThat(text(pharmacy, "/")).contains("所属施設：のぞみ薬局", "連携中の患者");
        assertThat(pharmacy.get("/").body()).as("pharmacist3's linked patients").contains("/portal/patients/");

        // 11. The clinic without an EHR: its receipts' diagnoses in the chart, the document it published by hand.
        WebSession noEhr = DemoServer.signIn(port, "/login", "noehr1");
        assertThat(text(noEhr, "/")).contains("所属施設：岡田内科医院", "連携中の患者");
        Matcher patient = Pattern.compile("href=\"/portal/patients/(\\d+)\"").matcher(noEhr.get("/").body());
        assertThat(patient.find()).as("noehr1's linked patient").isTrue();
        long elder = Long.parseLong(patient.group(1));
        assertThat(text(noEhr, "/portal/patients/" + elder)).contains("本態性高血圧症", "脂質異常症", "岡田内科医院");
        String published = text(noEhr, "/portal/patients/" + elder + "/publish");
        assertThat(published).contains("この施設が公開したもの", "特定健診 結果票（紙の写し）");
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM import_batch b JOIN import_source s ON s.id = b.source_id
                JOIN facility f ON f.id = s.facility_id WHERE s.kind = 'UKE' AND f.name_kanji = '岡田内科医院'""")
                .query(Long.class).single()).as("the clinic's receipt files, one batch").isEqualTo(1L);
        // the operator sees the batch of the clinic's receipt files among the imports
        WebSession operator = DemoServer.signIn(port, "/login", "admin");
        assertThat(text(operator, "/admin/imports")).contains("岡田内科医院");

        // 12. The researcher: the approved project and its extraction.
        WebSession researcher = DemoServer.signIn(port, "/login", "researcher1");
        assertThat(text(researcher, "/research")).contains("2型糖尿病患者の血糖管理と腎機能の推移に関する後ろ向き観察研究",
                "承認");
        String projects = researcher.get("/research").body();
        Matcher project = Pattern.compile("href=\"(/research/\\d+)\"").matcher(projects);
        assertThat(project.find()).as("a project to open").isTrue();
        var opened = researcher.get(project.group(1));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(Pattern.compile("data-extraction=").matcher(opened.body()).results().count())
                .as("one extraction listed").isEqualTo(1);
        assertThat(strip(opened.body())).contains("承認", "HAH-2026-031",
                LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());

        // 13. One spelling of a person's kana: the inbox names the waiting letter's patient as the network registered
        // them, whatever the sending hospital's system spelled.
        var waiting = jdbc.sql("""
                SELECT DISTINCT p.family_kana || ' ' || p.given_kana AS kana FROM letter l
                JOIN person p ON p.id = l.person_id JOIN facility a ON a.id = l.addressee_facility
                WHERE a.name_kanji = '福田総合内科' AND l.replies_to IS NULL AND l.received_at IS NULL""")
                .query((rs, n) -> rs.getString("kana")).list();
        assertThat(waiting).as("the waiting letters' one patient").hasSize(1);
        assertThat(clinic.get("/portal/letters").body()).contains(waiting.getFirst());
    }

    /** The page's text as a person reads it: tags, scripts and styles removed, spaces folded. */
    private static String text(WebSession web, String path) {
        var page = web.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return strip(page.body());
    }

    private static String strip(String html) {
        return html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->", " ").replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }
}
