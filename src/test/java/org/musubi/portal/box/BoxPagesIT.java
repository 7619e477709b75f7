package org.musubi.portal.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * Box's pages over HTTP: a doctor sends a file to a named nurse of another facility; the nurse sees it counted on home,
 * lists and downloads it; the sender sees it downloaded; anyone else — another user, a guessed id, not an id — gets the
 * same 404, audited once each.
 */
@MusubiIntegrationTest
class BoxPagesIT extends NetworkFixtures {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FILE = Pattern.compile("data-file=\"([0-9a-f-]{36})\"");

    @Test
    void aFileSentToANamedNurseIsCountedOnHomeDownloadedAndSeenDownloadedByItsSenderOnly() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctorUser = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurseUser = accounts.memberOf(office, Profession.NURSE);
        WebSession doctor = accounts.signedIn(port, doctorUser);
        byte[] bytes = ("主治医意見書（試験）" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        String form = doctor.get("/portal/box/new?facility=" + office.id()).body();
        assertThat(form).contains("value=\"" + nurseUser.id() + "\"");
        String question = "選んだファイルを " + office.nameKanji() + " の選んだ宛先に送ります。"
                + "送ったファイルは取り消せず、宛先は削除予定の日時までダウンロードできます。";
        assertThat(form).contains("<summary id=\"box-send-ask\">送信</summary>")
                .contains("<p class=\"confirm-question\" id=\"box-send-question\">" + question + "</p>")
                .contains("<button type=\"submit\" class=\"danger\" name=\"confirmed\" value=\"yes\" id=\"box-send-confirm\">送信する</button>");

        // a send cannot be undone (issue 67): one click sends nothing and opens the question
        HttpResponse<String> oneClick = upload(doctor, form, office.id(), nurseUser.id(), "意見書.txt", bytes, false);
        assertThat(WebSession.location(oneClick)).isEqualTo("/portal/box/new?confirm&facility=" + office.id());
        assertThat(doctor.get("/portal/box/new?confirm&facility=" + office.id()).body())
                .contains("<details class=\"confirm\" id=\"box-send\" open=\"open\">").contains(question);
        assertThat(jdbc.sql("SELECT count(*) FROM box_file WHERE sender_user = ?").param(doctorUser.id())
                .query(Long.class).single()).as("nothing sent without the confirmation").isZero();

        HttpResponse<String> sent = upload(doctor, form, office.id(), nurseUser.id(), "意見書.txt", bytes);
        assertThat(WebSession.location(sent)).startsWith("/portal/box?sent=1");

        WebSession nurse = accounts.signedIn(port, nurseUser);
        assertThat(nurse.get("/").body()).contains("id=\"box-waiting\"").contains("data-waiting=\"1\"");
        String listing = nurse.get("/portal/box").body();
        Matcher file = FILE.matcher(listing);
        assertThat(file.find()).isTrue();
        String id = file.group(1);
        assertThat(listing).contains("意見書.txt");

        long before = audit.max();
        HttpResponse<byte[]> download = nurse.getBytes("/portal/box/files/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment"));
        assertThat(nurse.get("/").body()).doesNotContain("id=\"box-waiting\"");
        assertThat(doctor.get("/portal/box").body()).contains("data-recipient=\"" + nurseUser.id()
                + "\" data-downloaded=\"true\"");

        WebSession stranger = accounts.signedIn(port, accounts.memberOf(office, Profession.DOCTOR));
        HttpResponse<byte[]> notNamed = stranger.getBytes("/portal/box/files/" + id);
        HttpResponse<byte[]> guessed = stranger.getBytes("/portal/box/files/" + UUID.randomUUID());
        HttpResponse<byte[]> notAnId = stranger.getBytes("/portal/box/files/not-an-id");
        assertThat(notNamed.statusCode()).isEqualTo(404);
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(notAnId.statusCode()).isEqualTo(404);
        String guessedId = guessed.uri().getPath().substring("/portal/box/files/".length());
        assertThat(normalised(notNamed.body(), id)).as("not named answers as a guessed id")
                .isEqualTo(normalised(guessed.body(), guessedId));
        assertThat(stranger.get("/portal/box").body()).doesNotContain(id);
        assertThat(audit.rowsSince(before)).filteredOn(r -> "BoxFile".equals(r.resourceType())).extracting(r -> r.action() + " " + r.outcome() + " " + r.reason())
                .containsExactly("READ PERMIT box.downloaded", "READ DENY box.notFound", "READ DENY box.notFound",
                        "READ DENY box.notFound");
    }

    @Test
    void sendingWithoutARecipientShowsWhyAndKeepsNothing() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String form = doctor.get("/portal/box/new?facility=" + clinic.id()).body();
        HttpResponse<String> refused = upload(doctor, form, clinic.id(), null, "a.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-fault=\"box.fault.noRecipient\"");
        assertThat(doctor.get("/portal/box").body()).contains("id=\"box-sent-none\"");
    }

    @Test
    void theOperatorsAreToldWhenScanningIsOffAndWhenTheSweepHasNotFinishedForAnHour() {
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        jdbc.sql("DELETE FROM box_sweep").update();
        String home = operator.get("/").body();
        assertThat(home).as("no clamd configured in the tests").contains("id=\"box-scanning-off\"")
                .doesNotContain("id=\"box-sweep-late\"");
        jdbc.sql("INSERT INTO box_sweep (id, finished_at, deleted) VALUES (1, now() - interval '61 minutes', 0)").update();
        assertThat(operator.get("/").body()).contains("id=\"box-sweep-late\"");
        jdbc.sql("UPDATE box_sweep SET finished_at = now()").update();
        assertThat(operator.get("/").body()).doesNotContain("id=\"box-sweep-late\"");
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(accounts.facilityOf(FacilityKind.CLINIC),
                Profession.DOCTOR));
        assertThat(doctor.get("/").body()).as("only the operators").doesNotContain("id=\"box-scanning-off\"");
    }

    /** The answer without its time and the id asked (the only parts that may differ). */
    private static String normalised(byte[] body, String id) {
        return new String(body, StandardCharsets.UTF_8).replace(id, "ID")
                .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"T\"");
    }

    private static HttpResponse<String> upload(WebSession web, String page, long facility, Long user, String name,
                                               byte[] bytes) {
        return upload(web, page, facility, user, name, bytes, true);
    }

    private static HttpResponse<String> upload(WebSession web, String page, long facility, Long user, String name,
                                               byte[] bytes, boolean confirmed) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "_csrf", token.group(1));
        field(body, boundary, "facility", String.valueOf(facility));
        if (user != null) {
            field(body, boundary, "user", String.valueOf(user));
        }
        field(body, boundary, "message", "ご確認ください");
        if (confirmed) {
            field(body, boundary, "confirmed", "yes");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/portal/box"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
