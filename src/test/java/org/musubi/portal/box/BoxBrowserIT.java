package org.musubi.portal.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.box.SweepExpiredFiles;
import org.musubi.box.BoxFile;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box in headless Chromium (issue 43): a doctor uploads a file to a named nurse of another facility from the page
 * (resumably, with tus-js-client served by Musubi, when it is there); the nurse sees it counted on the home page and
 * downloads exactly its bytes; once the file has expired it is gone from the list and its old link answers 404, sweep
 * or not; an upload over the sender's quota is refused with the quota's message; a user who was not named gets 404 for
 * the file's URL as for a guessed one. No script error and no CSP report on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class BoxBrowserIT extends NetworkFixtures {

    @Autowired
    SendFiles sendFiles;
    @Autowired
    SweepExpiredFiles sweepExpiredFiles;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFileUploadedToANamedUserIsOnTheirHomeAndDownloadsWithItsBytes() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(office, Profession.NURSE);
        String text = "主治医意見書（試験）" + UUID.randomUUID();
        Path file = file("主治医意見書", text);

        browser = browserAs(doctor);
        browser.open("/portal/box/new?facility=" + office.id());
        browser.find("input[name='user'][value='" + nurse.id() + "']").click();
        browser.find("#files").sendKeys(file.toString());
        browser.find("#message").sendKeys("ご確認ください");
        boolean resumable = Boolean.TRUE.equals(browser.script("return !!(window.tus && window.tus.isSupported)"));
        browser.find("#box-send-ask").click();
        browser.find("#box-send-confirm").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("box-sent")));
        assertThat(browser.find("#box-sent-files").getText()).contains(file.getFileName().toString());
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        browser = browserAs(nurse);
        browser.open("/");
        assertThat(browser.find("#box-waiting").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#box-waiting-link").click();
        WebElement row = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#box-received tr[data-file]")));
        assertThat(row.getText()).contains(file.getFileName().toString(), doctor.nameKanji(), "ご確認ください");
        String href = row.findElement(By.cssSelector("a")).getAttribute("href");
        Map<String, Object> fetched = fetch(href);
        assertThat(fetched.get("status")).isEqualTo(200L);
        assertThat(fetched.get("text")).isEqualTo(text);
        browser.open("/");
        assertThat(browser.findAll("#box-waiting")).as("downloaded: no longer waiting").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(resumable).as("tus-js-client is served by Musubi and the page uploads with it").isTrue();
    }

    @Test
    void anExpiredFileIsGoneAndItsOldLinkAnswers404() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        BoxFile sent = sendFiles.send(reader(doctor), List.of(new Box.Upload("期限切れ.txt", "text/plain",
                        new ByteArrayInputStream("old".getBytes(StandardCharsets.UTF_8)))),
                new Box.Recipients(Set.of(nurse.id()), null, null), null).files().getFirst();

        browser = browserAs(nurse);
        browser.open("/portal/box");
        String href = browser.find("#box-received tr[data-file='" + sent.id() + "'] a").getAttribute("href");
        assertThat(fetch(href).get("status")).isEqualTo(200L);
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?").param(sent.id()).update();
        browser.open("/portal/box");
        assertThat(browser.findAll("#box-received tr[data-file='" + sent.id() + "']")).as("gone from the list").isEmpty();
        assertThat(fetch(href).get("status")).as("the old link, before any sweep").isEqualTo(404L);
        sweepExpiredFiles.sweep();
        assertThat(fetch(href).get("status")).as("and after the sweep").isEqualTo(404L);
    }

    @Test
    void anUploadOverTheQuotaIsRefusedAndAUserNotNamedGets404() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(office, Profession.NURSE);
        User stranger = accounts.memberOf(office, Profession.NURSE);
        BoxFile sent = sendFiles.send(reader(doctor), List.of(new Box.Upload("宛先限定.txt", "text/plain",
                        new ByteArrayInputStream("only for the nurse".getBytes(StandardCharsets.UTF_8)))),
                new Box.Recipients(Set.of(nurse.id()), null, null), null).files().getFirst();
        jdbc.sql("""
                INSERT INTO box_file (id, sender_user, sender_facility, name, content_type, size, sha256, scan_status,
                    uploaded_at, expires_at) VALUES (gen_random_uuid(), ?, ?, 'filler', 'x', ?, 'x', 'CLEAN', now(),
                    now() + interval '1 day')""").params(doctor.id(), clinic.id(), 5L * 1024 * 1024 * 1024 - 10).update();

        browser = browserAs(doctor);
        browser.open("/portal/box/new?facility=" + office.id());
        browser.find("input[name='user'][value='" + nurse.id() + "']").click();
        browser.find("#files").sendKeys(file("大きすぎる", "x".repeat(100)).toString());
        browser.find("#box-send-ask").click();
        browser.find("#box-send-confirm").click();
        WebElement failed = browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#box-progress-failed")));
        assertThat(failed.getText()).as("the tus upload refused at its creation, with the server's message")
                .contains("アップロードできませんでした", "容量");
        assertThat(jdbc.sql("SELECT count(*) FROM box_file WHERE sender_user = ? AND name LIKE '大きすぎる%'")
                .param(doctor.id()).query(Integer.class).single()).as("nothing kept").isZero();
        browser.close();

        browser = browserAs(stranger);
        browser.open("/portal/box");
        assertThat(browser.findAll("#box-received tr[data-file='" + sent.id() + "']")).isEmpty();
        assertThat(fetch("/portal/box/files/" + sent.id()).get("status")).as("not named").isEqualTo(404L);
        assertThat(fetch("/portal/box/files/" + UUID.randomUUID()).get("status")).as("a guessed id").isEqualTo(404L);
        assertThat(fetch("/portal/box/files/not-an-id").get("status")).as("not an id").isEqualTo(404L);
    }

    /** A GET from the page, with the browser's session: its status and text. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String url) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(function (r) { return r.text().then(function (t) { done({status: r.status, text: t}); }); })
                  .catch(function (e) { done({status: -1, text: String(e)}); });""", url);
    }


    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }

    private static Path file(String name, String text) {
        try {
            Path file = Files.createTempFile(name, ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
