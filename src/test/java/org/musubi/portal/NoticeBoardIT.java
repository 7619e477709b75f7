package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/** Network admins publish notices through /admin/notices; every user's home shows them while published, in their language. */
@MusubiIntegrationTest
class NoticeBoardIT extends NetworkFixtures {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aPublishedNoticeIsShownInJapaneseAndEnglishWithImportantOnesFirst() {
        User admin = accounts.networkAdmin();
        WebSession operator = signedIn(admin);
        String normal = "定期保守" + tag();
        String important = "障害のお知らせ" + tag();
        long before = audit.max();

        publish(operator, normal, "Maintenance " + normal, "NORMAL", at(-60), "");
        publish(operator, important, "Outage " + important, "IMPORTANT", at(-30), at(60 * 24));

        assertThat(audit.since(before, admin.loginId())).containsExactly("NOTICE_CREATE PERMIT", "NOTICE_CREATE PERMIT");
        WebSession doctor = signedIn(accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        String japanese = doctor.get("/").body();
        assertThat(japanese).contains(normal, important, "本文 " + normal).doesNotContain("Maintenance " + normal);
        assertThat(japanese.indexOf(important)).isLessThan(japanese.indexOf(normal));
        String english = doctor.get("/?lang=en").body();
        assertThat(english).contains("Maintenance " + normal, "Outage " + important, "Text " + normal)
                .doesNotContain("本文 " + normal);
    }

    @Test
    void aNoticeIsShownOnlyWithinItsPeriodAndNotOnceWithdrawn() {
        User admin = accounts.networkAdmin();
        WebSession operator = signedIn(admin);
        String future = "来月の予定" + tag();
        String past = "終了した案内" + tag();
        String withdrawn = "取り下げる案内" + tag();
        publish(operator, future, "", "NORMAL", at(60 * 24), "");
        publish(operator, past, "", "NORMAL", at(-60 * 48), at(-60));
        publish(operator, withdrawn, "", "NORMAL", at(-10), "");
        WebSession doctor = signedIn(accounts.staff(FacilityKind.CLINIC, Profession.NURSE));
        assertThat(doctor.get("/").body()).contains(withdrawn).doesNotContain(future).doesNotContain(past);
        long id = jdbc.sql("SELECT id FROM notice WHERE title_ja = ?").param(withdrawn).query(Long.class).single();
        operator.get("/admin/notices");
        // issue 67: one click asks first (the notice named, what follows) and withdraws nothing
        String asked = WebSession.location(operator.post("/admin/notices/" + id + "/withdraw"));
        assertThat(asked).isEqualTo("/admin/notices?confirm=" + id);
        assertThat(operator.get(asked).body()).contains("<details class=\"confirm\" id=\"withdraw-" + id + "\" open=\"open\">")
                .contains("お知らせ「" + withdrawn + "」を取り下げます。取り下げると、掲載期間中でも表示されなくなります。");
        assertThat(doctor.get("/").body()).as("still shown").contains(withdrawn);
        long before = audit.max();

        HttpResponse<String> done = operator.post("/admin/notices/" + id + "/withdraw", "confirmed", "yes");

        assertThat(WebSession.location(done)).isEqualTo("/admin/notices");
        assertThat(audit.since(before, admin.loginId())).containsExactly("NOTICE_WITHDRAW PERMIT");
        assertThat(doctor.get("/").body()).doesNotContain(withdrawn);
        assertThat(operator.get("/admin/notices").body()).contains(withdrawn, future, past);
    }

    @Test
    void anAdministratorChangesANoticeAndAFaultyOneIsRefusedWithItsFaults() {
        WebSession operator = signedIn(accounts.networkAdmin());
        String title = "変更前" + tag();
        publish(operator, title, "", "NORMAL", at(-5), "");
        long id = jdbc.sql("SELECT id FROM notice WHERE title_ja = ?").param(title).query(Long.class).single();
        operator.get("/admin/notices/" + id);

        operator.post("/admin/notices/" + id, "titleJa", title + "（訂正）", "titleEn", "", "bodyJa", "", "bodyEn", "",
                "importance", "IMPORTANT", "publishedFrom", at(-5), "publishedUntil", "");
        HttpResponse<String> faulty = operator.post("/admin/notices", "titleJa", "", "titleEn", "", "bodyJa", "",
                "bodyEn", "", "importance", "NORMAL", "publishedFrom", at(10), "publishedUntil", at(5));

        assertThat(jdbc.sql("SELECT title_ja || ' ' || importance FROM notice WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(title + "（訂正） IMPORTANT");
        assertThat(faulty.statusCode()).isEqualTo(200);
        assertThat(faulty.body()).contains("data-field=\"titleJa\"", "data-field=\"publishedUntil\"");
    }

    private void publish(WebSession operator, String titleJa, String titleEn, String importance, String from,
                         String until) {
        operator.get("/admin/notices/new");
        HttpResponse<String> saved = operator.post("/admin/notices", "titleJa", titleJa, "titleEn", titleEn,
                "bodyJa", "本文 " + titleJa, "bodyEn", titleEn.isEmpty() ? "" : "Text " + titleJa,
                "importance", importance, "publishedFrom", from, "publishedUntil", until);
        assertThat(WebSession.location(saved)).isEqualTo("/admin/notices");
    }

    /** Japan time, minutes from now, as a datetime-local input sends it. */
    private static String at(long minutes) {
        return LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusMinutes(minutes).format(INPUT);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private WebSession signedIn(User user) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        return web;
    }
}
