package org.musubi.portal.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.blob.BlobStore;
import org.musubi.box.SendFiles;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An Office file previewed: a Word document (made here, a few zip entries) sent with Box is converted to PDF by the
 * headless LibreOffice Musubi starts on the first preview, kept next to the file and shown by pdf.js; the second view
 * shows the kept PDF without converting again; the page and its content are one audit row. Skipped when LibreOffice
 * is not installed (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui).
 */
@MusubiIntegrationTest
@Tag("browser")
class BoxOfficePreviewIT extends NetworkFixtures {

    private static final Path SOFFICE = Path.of("/usr/lib/libreoffice/program/soffice");
    @Autowired
    SendFiles sendFiles;
    @Autowired
    BlobStore blobs;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWordDocumentIsConvertedOnceKeptNextToItsFileAndDrawnByPdfJs() throws IOException {
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice is not installed (" + SOFFICE + "): apt-get install "
                + "libreoffice-writer-nogui libreoffice-calc-nogui; Office files are downloads only without it");
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(office, Profession.NURSE);
        String id = BoxPreviewIT.send(sendFiles, doctor, clinic, nurse, "主治医意見書.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx("Musubi office preview"));
        WebSession web = accounts.signedIn(port, nurse);

        long before = audit.max();
        HttpResponse<String> page = web.get("/portal/box/files/" + id + "/preview");
        assertThat(page.body()).contains("data-kind=\"OFFICE\"", "id=\"pdf-viewer\"");
        HttpResponse<byte[]> converted = web.getBytes("/portal/box/files/" + id + "/preview/content");
        assertThat(converted.statusCode()).isEqualTo(200);
        assertThat(converted.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(converted.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Musubi office preview");
        }
        assertThat(BoxPreviewIT.boxRows(audit, before)).containsExactly("READ PERMIT box.viewed");
        String part = "box-" + id + "-preview";
        assertThat(BoxPreviewIT.part(blobs, part)).as("kept next to the file").hasValue(converted.body());

        // the kept PDF is what the next view shows: replaced here by another, it is served as it is
        blobs.putPart(part, new ByteArrayInputStream(BoxPreviewIT.PDF), BoxPreviewIT.PDF.length);
        WebSession again = accounts.signedIn(port, nurse);
        assertThat(again.get("/portal/box/files/" + id + "/preview").statusCode()).isEqualTo(200);
        assertThat(again.getBytes("/portal/box/files/" + id + "/preview/content").body()).isEqualTo(BoxPreviewIT.PDF);
        blobs.deletePart(part);

        browser = Chromium.start(port);
        browser.logIn(nurse, TestAccounts.PASSWORD, accounts::nextCode);
        browser.open("/portal/box/files/" + id + "/preview");
        browser.await().until(d -> !String.valueOf(browser.find("#pdf-viewer").getAttribute("data-state"))
                .equals("null"));
        assertThat(browser.find("#pdf-viewer").getAttribute("data-state")).isEqualTo("done");
        assertThat(browser.find("#pdf-viewer").getAttribute("data-page-count")).isEqualTo("1");
        assertThat(browser.findAll("#pdf-canvases canvas.pdf-page")).hasSize(1);
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        assertThat(BoxPreviewIT.part(blobs, part)).as("converted again once its kept PDF was gone").isPresent();
    }

    /** The smallest Word document: its content types, its relationship to the body, one paragraph of text. */
    static byte[] docx(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml"
                     ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Target="word/document.xml"
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                    </Relationships>""");
            entry(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body>
                    </w:document>""".formatted(text));
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
