package org.musubi.portal.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.blob.BlobStore;
import org.musubi.box.Box;
import org.musubi.box.ListSentFiles;
import org.musubi.box.SweepExpiredFiles;
import org.musubi.box.SendFiles;
import org.musubi.box.BoxFile;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box previews over HTTP: the named recipient's view (page and content) is one audit row and no download; the content
 * is served inline under our own type, never sniffed, without script; a file that has no preview (SVG) is a download
 * only; anyone not named, a guessed id, not an id, an expired file — on the page and on the content — answers 404
 * like an id nobody has, audited once; the sweep deletes a file's preview with it.
 */
@MusubiIntegrationTest
class BoxPreviewIT extends NetworkFixtures {

    /** A one-page PDF (its text drawn with a standard font) small enough to write here. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R"
            + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
            + "4 0 obj<</Length 44>>stream\nBT /F1 24 Tf 40 100 Td (Musubi Box) Tj ET\nendstream endobj\n"
            + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";
    @Autowired
    ListSentFiles listSentFiles;
    @Autowired
    SweepExpiredFiles sweepExpiredFiles;
    @Autowired
    SendFiles sendFiles;
    @Autowired
    BlobStore blobs;

    @Test
    void theNamedRecipientsViewIsOneAuditRowAndNoDownloadAndTheContentCannotRunScript() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String pdf = send(sendFiles, doctor, clinic, nurse, "紹介資料.pdf", "application/pdf", PDF);
        String svg = send(sendFiles, doctor, clinic, nurse, "図.svg", "image/svg+xml", SVG.getBytes(StandardCharsets.UTF_8));
        WebSession web = accounts.signedIn(port, nurse);

        long before = audit.max();
        HttpResponse<String> page = web.get("/portal/box/files/" + pdf + "/preview");
        HttpResponse<byte[]> content = web.getBytes("/portal/box/files/" + pdf + "/preview/content");
        HttpResponse<byte[]> again = web.getBytes("/portal/box/files/" + pdf + "/preview/content");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-kind=\"PDF\"", "id=\"pdf-viewer\"", "/js/vendor/pdfjs-dist/",
                "紹介資料.pdf");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PDF);
        assertThat(again.body()).isEqualTo(PDF);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("inline"));
        assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(content.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(boxRows(audit, before)).as("the page and its content are one view").containsExactly("READ PERMIT box.viewed");
        assertThat(web.get("/").body()).as("a preview is not a download: still waiting")
                .contains("id=\"box-waiting\"");
        assertThat(accounts.signedIn(port, doctor).get("/portal/box").body())
                .contains("data-recipient=\"" + nurse.id() + "\" data-downloaded=\"false\"");

        before = audit.max();
        HttpResponse<String> svgPage = web.get("/portal/box/files/" + svg + "/preview");
        assertThat(svgPage.statusCode()).isEqualTo(200);
        assertThat(svgPage.body()).contains("data-kind=\"NONE\"", "id=\"preview-none\"")
                .doesNotContain("/preview/content").doesNotContain("<script>alert");
        assertThat(web.getBytes("/portal/box/files/" + svg + "/preview/content").statusCode())
                .as("an SVG is never served inline").isEqualTo(404);
        assertThat(boxRows(audit, before)).containsExactly("READ PERMIT box.viewed");

        before = audit.max();
        WebSession fresh = accounts.signedIn(port, nurse);
        assertThat(fresh.getBytes("/portal/box/files/" + pdf + "/preview/content").body())
                .as("the content without its page is a view of its own").isEqualTo(PDF);
        assertThat(boxRows(audit, before)).containsExactly("READ PERMIT box.viewed");
    }

    @Test
    void anyoneNotNamedAGuessedIdNotAnIdAndAnExpiredFileAre404AuditedOnce() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String pdf = send(sendFiles, doctor, clinic, nurse, "a.pdf", "application/pdf", PDF);
        WebSession stranger = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));

        for (String route : List.of("/preview", "/preview/content")) {
            String guessed = UUID.randomUUID().toString();
            long before = audit.max();
            HttpResponse<String> notNamed = stranger.get("/portal/box/files/" + pdf + route);
            HttpResponse<String> nothing = stranger.get("/portal/box/files/" + guessed + route);
            HttpResponse<String> notAnId = stranger.get("/portal/box/files/not-an-id" + route);
            assertThat(List.of(notNamed.statusCode(), nothing.statusCode(), notAnId.statusCode())).as(route)
                    .containsOnly(404);
            assertThat(normalised(notNamed.body(), pdf)).as(route + ": not named answers as a guessed id")
                    .isEqualTo(normalised(nothing.body(), guessed));
            assertThat(boxRows(audit, before)).as(route).containsExactly("READ DENY box.notFound", "READ DENY box.notFound",
                    "READ DENY box.notFound");
        }

        WebSession web = accounts.signedIn(port, nurse);
        assertThat(web.get("/portal/box/files/" + pdf + "/preview").statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(UUID.fromString(pdf)).update();
        long before = audit.max();
        assertThat(web.getBytes("/portal/box/files/" + pdf + "/preview/content").statusCode())
                .as("expired since its page was shown").isEqualTo(404);
        assertThat(web.get("/portal/box/files/" + pdf + "/preview").statusCode()).isEqualTo(404);
        assertThat(boxRows(audit, before)).containsExactly("READ DENY box.notFound", "READ DENY box.notFound");
    }

    @Test
    void theBrowserLibrariesFromNpmAreServedByMusubiItself() {
        WebSession anyone = new WebSession(port);
        for (String script : List.of("/js/vendor/pdfjs-dist/pdf.min.mjs", "/js/vendor/pdfjs-dist/pdf.worker.min.mjs",
                "/js/vendor/tus-js-client/tus.min.js")) {
            HttpResponse<String> served = anyone.get(script);
            assertThat(served.statusCode()).as(script).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).as(script + ": a module script needs a JavaScript type")
                    .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        }
        assertThat(anyone.get("/js/vendor/pdfjs-dist/cmaps/UniJIS-UTF16-H.bcmap").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/js/vendor/pdfjs-dist/LICENSE").body()).contains("Apache License");
        assertThat(anyone.get("/js/vendor/tus-js-client/LICENSE").body()).contains("MIT");
    }

    @Test
    void theSweepDeletesAFilesPreviewWithIt() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        String id = send(sendFiles, doctor, clinic, nurse, "報告.docx", "application/octet-stream", "docx".getBytes(
                StandardCharsets.UTF_8));
        BoxFile file = listSentFiles.sent(new Reader(doctor.id(), clinic.id())).stream()
                .filter(f -> f.id().toString().equals(id)).findFirst().orElseThrow();
        blobs.putPart(Box.previewPart(file), new ByteArrayInputStream(PDF), PDF.length);
        assertThat(part(blobs, Box.previewPart(file))).isPresent();

        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?").param(file.id()).update();
        sweepExpiredFiles.sweep();

        assertThat(part(blobs, Box.previewPart(file))).as("the preview went with the file").isEmpty();
        assertThat(part(blobs, file.part())).isEmpty();
    }

    /** The answer without its time, its masked CSRF token and the id asked (the only parts that may differ). */
    private static String normalised(String body, String id) {
        return body.replace(id, "ID").replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"T\"")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"T\"");
    }

    /** A part of the blob store, read whole; empty when there is none. */
    static Optional<byte[]> part(BlobStore blobs, String part) throws IOException {
        Optional<InputStream> in = blobs.openPart(part);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream content = in.get()) {
            return Optional.of(content.readAllBytes());
        }
    }

    /** The audit rows about Box files since {@code before}: action, outcome, reason. */
    /**
     * The Box rows the requests since {@code before} wrote: the expiry sweep's deletions ({@code box.expired}) are left
     * out — the sweep runs on its own schedule over the shared database and removes other tests' expired files.
     */
    static List<String> boxRows(AuditRows audit, long before) {
        return audit.rowsSince(before).stream().filter(r -> "BoxFile".equals(r.resourceType()))
                .filter(r -> !("DELETE".equals(r.action()) && "box.expired".equals(r.reason())))
                .map((AuditRows.Row r) -> r.action() + " " + r.outcome() + " " + r.reason()).toList();
    }

    /** Sends one file from {@code from} (of {@code at}) to {@code to}; its id. */
    static String send(SendFiles sendFiles, User from, Facility at, User to, String name, String type, byte[] bytes) {
        Box.Sent sent = sendFiles.send(new Reader(from.id(), at.id()), List.of(new Box.Upload(name, type,
                new ByteArrayInputStream(bytes))), new Box.Recipients(Set.of(to.id()), null, Set.of()), null);
        assertThat(sent.faults()).isEmpty();
        return sent.files().getFirst().id().toString();
    }
}
