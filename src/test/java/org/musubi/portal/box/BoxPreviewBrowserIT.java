package org.musubi.portal.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.box.SendFiles;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box previews in headless Chromium: the recipient opens a two-page PDF from the Box list and sees it drawn by pdf.js
 * (served by Musubi, worker included) on two canvases, the first not blank; an image shown inline; an SVG with a
 * script offered as a download only, its content refused. No script error and no CSP violation on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class BoxPreviewBrowserIT extends NetworkFixtures {

    @Autowired
    SendFiles sendFiles;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPdfIsDrawnAnImageShownAndAnSvgOnlyDownloaded() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String pdf = BoxPreviewIT.send(sendFiles, doctor, clinic, nurse, "検査結果.pdf", "application/pdf", twoPages());
        String png = BoxPreviewIT.send(sendFiles, doctor, clinic, nurse, "写真.png", "image/png", png());
        String svg = BoxPreviewIT.send(sendFiles, doctor, clinic, nurse, "図.svg", "image/svg+xml",
                BoxPreviewIT.SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        browser = Chromium.start(port);
        browser.logIn(nurse, TestAccounts.PASSWORD, accounts::nextCode);
        browser.open("/portal/box");
        browser.find("tr[data-file='" + pdf + "'] a.box-preview-link").click();
        browser.await().until(d -> !"".equals(state()));
        assertThat(state()).as(String.valueOf(browser.findAll("#pdf-failed").stream().map(e -> e.getText()).toList()))
                .isEqualTo("done");
        assertThat(browser.find("#pdf-viewer").getAttribute("data-page-count")).isEqualTo("2");
        assertThat(browser.find("#pdf-pages").getText()).contains("2");
        assertThat(browser.findAll("#pdf-canvases canvas.pdf-page")).hasSize(2);
        Number dark = (Number) browser.script("""
                const c = document.querySelector('#pdf-canvases canvas.pdf-page');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let dark = 0;
                for (let i = 0; i < d.length; i += 4) { if (d[i] < 64 && d[i + 1] < 64 && d[i + 2] < 64 && d[i + 3] > 0) dark++; }
                return dark;""");
        assertThat(dark.intValue()).as("the first page's black square is drawn").isGreaterThan(1000);
        browser.screenshot("box-preview-pdf");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();

        browser.open("/portal/box/files/" + png + "/preview");
        browser.await().until(d -> Boolean.TRUE.equals(browser.script(
                "const i = document.getElementById('preview-image'); return i.complete && i.naturalWidth > 0;")));
        assertThat(browser.script("return document.getElementById('preview-image').naturalWidth")).isEqualTo(40L);
        assertThat(browser.script("""
                return fetch(arguments[0]).then(r => [r.status, r.headers.get('content-type'),
                    r.headers.get('content-disposition').split(';')[0], r.headers.get('x-content-type-options'),
                    r.headers.get('content-security-policy').includes('sandbox')].join(' '))""",
                browser.find("#preview-image").getAttribute("src"))).isEqualTo("200 image/png inline nosniff true");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.open("/portal/box/files/" + svg + "/preview");
        assertThat(browser.find("#preview-none").getText()).contains("プレビューできません");
        assertThat(browser.findAll("#preview-image, #pdf-viewer")).isEmpty();
        assertThat(browser.find("#preview-download").getAttribute("href")).endsWith("/portal/box/files/" + svg);
        assertThat(browser.script("return fetch(arguments[0]).then(r => r.status)",
                "/portal/box/files/" + svg + "/preview/content")).isEqualTo(404L);
        assertThat(browser.driver().findElements(By.cssSelector("svg script"))).isEmpty();
    }

    private String state() {
        return String.valueOf(browser.find("#pdf-viewer").getAttribute("data-state")).replace("null", "");
    }

    private static byte[] twoPages() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int n = 0; n < 2; n++) {
                PDPage page = new PDPage(PDRectangle.A5);
                document.addPage(page);
                if (n == 0) {
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.setNonStrokingColor(Color.BLACK);
                        content.addRect(50, 200, 200, 200);
                        content.fill();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
