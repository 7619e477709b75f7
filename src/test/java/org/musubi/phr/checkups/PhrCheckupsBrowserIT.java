package org.musubi.phr.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.photos.TestPictures;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident on a phone (headless Chromium, 360×800) whose checkup centre sent a 特定健診 file opens 健診結果 from the
 * notebook's menu and sees it with its reference ranges and flags; adds a paper result with a photo from the form,
 * sees it listed as entered by them, its photo served, and its weight joined to the imported one in a trend; is
 * refused an impossible value by name; no page scrolls sideways and the pages log no console errors.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrCheckupsBrowserIT {

    private static final Dimension PHONE = new Dimension(360, 800);

    @LocalServerPort
    int port;
    @Autowired
    CheckupImports imports;
    @Autowired
    Residents residents;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentSeesAnImportedCheckupAndAddsAPaperResultWithAPhotoOnAPhone() throws Exception {
        long personId = imports.send(imports.examinee(), "20250612", Map.of());
        Residents.Resident resident = residents.register(personId);
        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
        browser.open("/phr");

        browser.find("#menu-checkups").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/checkups"));
        WebElement imported = browser.find("section.checkup[data-checkup='2025-06-12']");
        assertThat(imported.getText()).contains("むすび健診センター").contains("身体計測").contains("脂質");
        assertThat(browser.find("li[data-key='3F015']").getText()).contains("165").contains("高").contains("基準 30–149");
        assertThat(browser.findAll("#checkup-trends")).as("one checkup: no trend yet").isEmpty();
        browser.fitsThePhone("checkups");

        browser.find("#add-paper").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/checkups/paper"));
        browser.fitsThePhone("checkup-paper");
        String day = LocalDate.now().minusDays(7).toString();
        submit(day, "#weight", "1000");
        assertThat(browser.find("#faults li[data-field='weight']").getText()).contains("体重").contains("1〜400");
        browser.fitsThePhone("checkup-paper-refused");

        Path photo = Files.createTempFile("paper-result", ".jpg");
        Files.write(photo, TestPictures.jpegWithExif(600, 800, 1));
        browser.find("#photo").sendKeys(photo.toAbsolutePath().toString());
        browser.find("#weight").clear();
        browser.find("#place").sendKeys("むすび市役所（集団健診）");
        submit(day, "#weight", "70.2", "#height", "171.0", "#hba1c", "5.7");
        browser.await().until(ExpectedConditions.urlContains("saved=added"));
        WebElement own = browser.find("section.checkup[data-checkup='" + day + "']");
        assertThat(own.getText()).contains("本人入力").contains("むすび市役所（集団健診）").contains("70.2").contains("5.7");
        assertThat(browser.find("#checkup-trends li[data-key='9N006']").getText()).contains("72.4").contains("70.2")
                .contains("本人入力");
        assertThat(browser.findAll("#checkup-trends li[data-key='9N006'] svg polyline")).hasSize(1);
        browser.fitsThePhone("checkups-with-paper");

        assertThat(browser.consoleErrors()).as("only the refused form's answer (422)")
                .allMatch(e -> e.contains("/phr/checkups/paper") && e.contains("status of 422"));
        String photoUrl = own.findElement(By.cssSelector("a.checkup-photo")).getAttribute("href");
        browser.open(photoUrl.substring(photoUrl.indexOf("/phr/")));
        assertThat(browser.script("return document.images.length > 0 && document.images[0].naturalWidth")).isEqualTo(600L);
        Files.deleteIfExists(photo);
        browser.consoleErrors(); // the browser's own image viewer styles itself inline, which the CSP reports
        browser.open("/phr/checkups");
        browser.fitsThePhone("checkups-after-photo");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Fills the paper-result form (the day, then field and value pairs) and sends it. */
    private void submit(String day, String... fieldsAndValues) {
        browser.script("arguments[0].value = arguments[1]", browser.find("#date"), day);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            browser.find(fieldsAndValues[i]).sendKeys(fieldsAndValues[i + 1]);
        }
        WebElement form = browser.find("#paper-form");
        browser.script("arguments[0].requestSubmit()", form);
        browser.awaitGone(form);
    }

}
