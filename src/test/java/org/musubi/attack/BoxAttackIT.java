package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on Box: files sent between others, about a patient, their uploads,
 * previews and the WOPI host.
 */
@MusubiIntegrationTest
class BoxAttackIT extends AttackFixtures {

    // ---- Box (issue 43): one contiguous block -------------------------------------------------------------------

    /**
     * A file hospital A's doctor sent with Box to a named nurse of another hospital and to A's own nurses: no user of
     * clinic B downloads it by its URL — each attempt answers exactly as a file id nobody has, with one audit row — nor
     * sees it listed; B's systems have no Box route at all (the pages are for signed-in users).
     */
    @Test
    void clinicBNeverDownloadsNorSeesABoxFileSentBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(other, Profession.NURSE);
        org.musubi.box.Box.Sent sent = sendFiles.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(new org.musubi.box.Box.Upload("攻撃対象.txt", "text/plain", new java.io.ByteArrayInputStream(
                        "Box の攻撃試験".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), hospital.id(), Set.of(Profession.NURSE)), null);
        String file = sent.files().getFirst().id().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            String what = caller.attacker() + " / Box download";
            String absent = UUID.randomUUID().toString();
            long before = audit.max();
            HttpResponse<String> asked = caller.web().get("/portal/box/files/" + file);
            long between = audit.max();
            HttpResponse<String> nothing = caller.web().get("/portal/box/files/" + absent);
            Answers.assertAlike(what, asked, file, nothing, absent);
            assertThat(asked.statusCode()).as(what).isEqualTo(404);
            assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                    .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
            assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                    .isEqualTo(1);
            assertThat(caller.web().get("/portal/box").body()).as(what + ": not listed").doesNotContain(file);
        }
    }

    /**
     * A Box file about a patient, and a resumable upload, of hospital A: clinic B's users and systems get for the file
     * (page and API) and for the upload (HEAD, PATCH, its send) exactly the answer of ids nobody has. Then the
     * legitimate recipients lose it in each of the ways they can, and each is answered as for an id nobody has: the
     * patient blocks the named nurse's facility, a facility's member leaves it, the file expires (before any sweep).
     */
    @Test
    void boxFilesAboutAPatientAndUploadsNeverOpenForTheWrongCaller() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        Facility office = accounts.newHospital();
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(other, Profession.NURSE);
        User member = accounts.memberOf(office, Profession.NURSE);
        long person = linkedConsentedPatientAt(hospital);
        long admin = accounts.networkAdmin().id();
        org.musubi.box.Box.Sent sent = sendFiles.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(upload("患者の資料.pdf")), new org.musubi.box.Box.Recipients(Set.of(named.id()), office.id(),
                        Set.of(Profession.NURSE)), null, new org.musubi.box.Box.About(person, false));
        assertThat(sent.faults()).isEmpty();
        String file = sent.files().getFirst().id().toString();
        WebSession own = accounts.signedIn(port, sender);
        own.get("/portal/box/new");
        org.musubi.testing.TusUploads tus = new org.musubi.testing.TusUploads(own.base(), null, "Cookie",
                own.cookieHeader(), "X-CSRF-TOKEN", own.csrf());
        String upload = org.musubi.testing.TusUploads.path(tus.create("/portal/box/uploads", 5, "a.txt", "text/plain"));
        String uploadId = upload.substring(upload.lastIndexOf('/') + 1);

        for (Armed caller : callers(clinic)) {
            String absent = UUID.randomUUID().toString();
            if (caller.web() != null) {
                String what = caller.attacker() + " / Box file about a patient";
                Answers.assertAlike(what, caller.web().get("/portal/box/files/" + file), file,
                        caller.web().get("/portal/box/files/" + absent), absent);
                String probe = caller.attacker() + " / A's resumable upload (HEAD)";
                Answers.assertAlike(probe, caller.web().send(java.net.http.HttpRequest.newBuilder(
                                URI.create(own.base() + "/portal/box/uploads/" + uploadId)).header("Tus-Resumable", "1.0.0")
                                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())), uploadId,
                        caller.web().send(java.net.http.HttpRequest.newBuilder(URI.create(own.base()
                                        + "/portal/box/uploads/" + absent)).header("Tus-Resumable", "1.0.0")
                                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())), absent);
                assertThat(caller.web().post("/portal/box", "facility", String.valueOf(hospital.id()), "user",
                        String.valueOf(sender.id()), "upload", uploadId, "confirmed", "yes").body()).as(caller.attacker()
                        + " / sending A's upload").contains("box.upload.notReady");
            } else {
                String what = caller.attacker() + " / Box API";
                Answers.assertAlike(what, caller.api().outside("GET", "/api/box/files/" + file, Map.of()), file,
                        caller.api().outside("GET", "/api/box/files/" + absent, Map.of()), absent);
                Answers.assertAlike(what + " upload", caller.api().outside("HEAD", "/api/box/uploads/" + uploadId,
                        Map.of("Tus-Resumable", "1.0.0")), uploadId, caller.api().outside("HEAD", "/api/box/uploads/"
                        + absent, Map.of("Tus-Resumable", "1.0.0")), absent);
            }
        }

        WebSession nurse = accounts.signedIn(port, named);
        String absent = UUID.randomUUID().toString();
        assertThat(nurse.getBytes("/portal/box/files/" + file).statusCode()).as("the named nurse, permitted").isEqualTo(200);
        consents.block(person, other.id(), admin);
        Answers.assertAlike("the patient blocked the named nurse's facility", nurse.get("/portal/box/files/" + file), file,
                nurse.get("/portal/box/files/" + absent), absent);
        consents.unblock(person, other.id());
        WebSession leaving = accounts.signedIn(port, member);
        assertThat(leaving.getBytes("/portal/box/files/" + file).statusCode()).as("the office's nurse").isEqualTo(200);
        users.update(member.id(), new org.musubi.registry.UserDraft(member.loginId(), member.nameKanji(),
                member.nameKana(), member.profession(), List.of(new User.Membership(other.id(), false)), false,
                org.musubi.registry.UserStatus.ACTIVE));
        WebSession moved = accounts.signedIn(port, member);
        Answers.assertAlike("a member who left the facility it was sent to", moved.get("/portal/box/files/" + file), file,
                moved.get("/portal/box/files/" + absent), absent);
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(file).update();
        Answers.assertAlike("an expired file, before any sweep", nurse.get("/portal/box/files/" + file), file,
                nurse.get("/portal/box/files/" + absent), absent);
    }

    /**
     * Box previews: the preview page and the content it shows (a PDF here, which the named would see drawn) of a file
     * sent between others — no user of clinic B reaches either by its URL: each attempt answers exactly as a file id
     * nobody has, with one audit row (the content without the page's pass is a view of its own, refused alike).
     */
    @Test
    void clinicBNeverPreviewsABoxFileSentBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        org.musubi.box.Box.Sent sent = sendFiles.send(new org.musubi.record.Reader(sender.id(), hospital.id()),
                List.of(new org.musubi.box.Box.Upload("攻撃対象.pdf", "application/pdf", new java.io.ByteArrayInputStream(
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), hospital.id(), Set.of(Profession.NURSE)), null);
        String file = sent.files().getFirst().id().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            for (String route : List.of("/preview", "/preview/content")) {
                String what = caller.attacker() + " / Box " + route;
                String absent = UUID.randomUUID().toString();
                long before = audit.max();
                HttpResponse<String> asked = caller.web().get("/portal/box/files/" + file + route);
                long between = audit.max();
                HttpResponse<String> nothing = caller.web().get("/portal/box/files/" + absent + route);
                Answers.assertAlike(what, asked, file, nothing, absent);
                assertThat(asked.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on nothing").isEqualTo(1);
            }
        }
    }

    // ---- end of Box ------------------------------------------------------------------------------------------------

    // ---- Box over WOPI (issue 43): one contiguous block ------------------------------------------------------------

    @Autowired
    org.musubi.box.wopi.WopiAccess wopiAccess;

    /**
     * Hospital A's Box file through the WOPI host: every user of clinic B, holding a good access token for a file of
     * their own, asks for A's file on each WOPI route (CheckFileInfo, GetFile, Lock, PutFile) and on the portal's
     * "編集 / Edit" page; each attempt answers exactly as a file id nobody has, with one audit row. B's systems' bearer
     * tokens are no access token (401, whatever the id).
     */
    @Test
    void clinicBNeverOpensABoxFileSentBetweenOthersThroughTheEditor() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User sender = accounts.memberOf(hospital, Profession.DOCTOR);
        User named = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        String file = sendFiles.send(new org.musubi.record.Reader(sender.id(), hospital.id()), List.of(upload("攻撃対象.docx")),
                new org.musubi.box.Box.Recipients(Set.of(named.id()), null, null), null).files().getFirst().id().toString();
        User colleague = accounts.memberOf(clinic, Profession.MEDICAL_CLERK);
        HttpClient http = HttpClient.newHttpClient();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                HttpResponse<String> asked = http.send(wopi(file, "/contents", caller.api().token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(asked.statusCode()).as(caller.attacker() + " / WOPI with a bearer token").isEqualTo(401);
                continue;
            }
            org.musubi.record.Reader me = new org.musubi.record.Reader(caller.userId(), clinic.id());
            java.util.UUID own = sendFiles.send(me, List.of(upload("自分の.docx")), new org.musubi.box.Box.Recipients(
                    Set.of(colleague.id()), null, null), null).files().getFirst().id();
            String token = wopiAccess.launch(me, own).orElseThrow().token().token();
            Map<String, Supplier<HttpRequest.Builder>> routes = new java.util.LinkedHashMap<>();
            for (String id : List.of(file, java.util.UUID.randomUUID().toString())) {
                routes.put("CheckFileInfo " + id, () -> wopi(id, "", token).GET());
                routes.put("GetFile " + id, () -> wopi(id, "/contents", token).GET());
                routes.put("Lock " + id, () -> wopi(id, "", token).header("X-WOPI-Override", "LOCK")
                        .header("X-WOPI-Lock", "attack").POST(HttpRequest.BodyPublishers.noBody()));
                routes.put("PutFile " + id, () -> wopi(id, "/contents", token).header("X-WOPI-Override", "PUT")
                        .header("X-WOPI-Lock", "attack").POST(HttpRequest.BodyPublishers.ofString("上書き")));
            }
            String absent = java.util.UUID.randomUUID().toString();
            for (String route : List.of("CheckFileInfo ", "GetFile ", "Lock ", "PutFile ", "Edit ")) {
                String what = caller.attacker() + " / WOPI " + route.strip();
                long before = audit.max();
                HttpResponse<String> asked = route.equals("Edit ") ? caller.web().get("/portal/box/files/" + file + "/edit")
                        : http.send(routes.get(route + file).get().build(), HttpResponse.BodyHandlers.ofString());
                long between = audit.max();
                HttpResponse<String> nothing = route.equals("Edit ") ? caller.web().get("/portal/box/files/" + absent
                        + "/edit") : http.send(wopiAbsent(routes, route, file).get().build(),
                        HttpResponse.BodyHandlers.ofString());
                String nothingId = route.equals("Edit ") ? absent : absentId(routes, route, file);
                Answers.assertAlike(what, asked, file, nothing, nothingId);
                assertThat(asked.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
        }
    }

    private HttpRequest.Builder wopi(String id, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wopi/files/" + id + path
                + "?access_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Supplier<HttpRequest.Builder> wopiAbsent(Map<String, Supplier<HttpRequest.Builder>> routes,
                                                            String route, String real) {
        return routes.get(route + absentId(routes, route, real));
    }

    private static String absentId(Map<String, Supplier<HttpRequest.Builder>> routes, String route, String real) {
        return routes.keySet().stream().filter(k -> k.startsWith(route) && !k.endsWith(real)).findFirst().orElseThrow()
                .substring(route.length());
    }

    private static org.musubi.box.Box.Upload upload(String name) {
        return new org.musubi.box.Box.Upload(name, "application/octet-stream", new java.io.ByteArrayInputStream(
                ("Box の攻撃試験 " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // ---- end of Box over WOPI --------------------------------------------------------------------------------------
}
