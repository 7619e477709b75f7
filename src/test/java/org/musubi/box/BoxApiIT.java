package org.musubi.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * Box for facility systems over HTTP with their bearer tokens: a clinic's system sends a file (the request body,
 * streamed) to a named nurse of a hospital, who downloads it in the portal; another facility's system gets the one 404
 * for it, as for an id nobody has; a token without the write scope cannot send; one audit row each. A file a restore
 * found damaged is told as such to its sender and recipient only.
 */
@MusubiIntegrationTest
class BoxApiIT extends NetworkFixtures {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private final HttpClient http = HttpClient.newHttpClient();
    @org.springframework.beans.factory.annotation.Autowired CheckFilesAfterRestore checkFilesAfterRestore;
    @org.springframework.beans.factory.annotation.Autowired BoxStore store;
    @org.springframework.beans.factory.annotation.Autowired org.musubi.blob.BlobStore blobs;

    @Test
    void aSystemSendsAFileToANamedNurseAndNoOtherSystemGetsIt() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String writer = clients.token(port, clients.register(clinic, "system/*.read", "system/*.write"));
        byte[] bytes = ("介護保険の主治医意見書 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        long before = audit.max();
        HttpResponse<String> sent = send(writer, "/api/box/files?name=%E6%84%8F%E8%A6%8B%E6%9B%B8.txt&user=" + nurse.id()
                + "&message=ok", bytes);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        Matcher id = ID.matcher(sent.body());
        assertThat(id.find()).isTrue();
        String file = id.group(1);
        assertThat(audit.rowsSince(before)).filteredOn(r -> "BoxFile".equals(r.resourceType())).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("CREATE"));

        WebSession web = accounts.signedIn(port, nurse);
        HttpResponse<byte[]> downloaded = web.getBytes("/portal/box/files/" + file);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(bytes);

        String other = clients.token(port, clients.register(accounts.facilityOf(FacilityKind.PHARMACY), "system/*.read"));
        long refusals = audit.max();
        HttpResponse<String> asked = get(other, "/api/box/files/" + file);
        HttpResponse<String> nothing = get(other, "/api/box/files/" + UUID.randomUUID());
        assertThat(asked.statusCode()).isEqualTo(404);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(get(other, "/api/box/files").body()).doesNotContain(file);
        assertThat(audit.rowsSince(refusals)).filteredOn(r -> "BoxFile".equals(r.resourceType()))
                .extracting(r -> r.action() + " " + r.outcome() + " " + r.reason())
                .containsExactly("READ DENY box.notFound", "READ DENY box.notFound");

        HttpResponse<String> readOnly = send(other, "/api/box/files?name=x.txt&user=" + nurse.id(), bytes);
        assertThat(readOnly.statusCode()).as("a token without the write scope").isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/box/files")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> nobody = send(writer, "/api/box/files?name=x.txt", bytes);
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("box.fault.noRecipient").contains(" / ");
    }

    /**
     * A file whose content a restore found damaged (docs/backup.md): marked lost once, audited; its sender's system and
     * its recipient are told why (410), the recipient's Box page lists it as lost without a link, everyone else gets
     * the one 404.
     */
    @Test
    void aFileWhoseContentARestoreFoundDamagedIsMarkedLostAndItsSenderAndRecipientAreToldWhy() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String writer = clients.token(port, clients.register(clinic, "system/*.read", "system/*.write"));
        HttpResponse<String> sent = send(writer, "/api/box/files?name=result.txt&user=" + nurse.id(),
                ("検査結果 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Matcher id = ID.matcher(sent.body());
        assertThat(id.find()).as(sent.body()).isTrue();
        BoxFile file = store.find(UUID.fromString(id.group(1))).orElseThrow();
        blobs.putPart(file.part(), new java.io.ByteArrayInputStream("other bytes".getBytes(StandardCharsets.UTF_8)), 100);

        long before = audit.max();
        assertThat(checkFilesAfterRestore.markIfLost(file, java.time.Instant.now())).isTrue();
        assertThat(checkFilesAfterRestore.markIfLost(store.find(file.id()).orElseThrow(), java.time.Instant.now())).as("once").isFalse();
        HttpResponse<String> told = get(writer, "/api/box/files/" + file.id());
        String other = clients.token(port, clients.register(accounts.facilityOf(FacilityKind.PHARMACY), "system/*.read"));
        HttpResponse<String> stranger = get(other, "/api/box/files/" + file.id());
        WebSession web = accounts.signedIn(port, nurse);
        HttpResponse<String> page = web.get("/portal/box");
        HttpResponse<String> download = web.get("/portal/box/files/" + file.id());

        assertThat(told.statusCode()).isEqualTo(410);
        assertThat(told.body()).isEqualTo("{\"error\":\"lost\",\"message\":\"内容がありません（バックアップからの復元に含まれていませんでした）。"
                + "期限切れとして扱い、ダウンロードできません。 / No content: it was not in the backup that was restored. "
                + "Treated as expired; it cannot be downloaded.\"}");
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("data-file=\"" + file.id() + "\" data-lost=\"true\"")
                .doesNotContain("/portal/box/files/" + file.id() + "\"");
        assertThat(download.statusCode()).isEqualTo(410);
        assertThat(download.body()).contains("「result.txt」の内容は、");
        assertThat(audit.rowsSince(before)).filteredOn(r -> "BoxFile".equals(r.resourceType()))
                .extracting(r -> r.action() + " " + r.outcome() + " " + r.reason())
                .containsExactly("UPDATE PERMIT box.lostAtRestore", "READ DENY box.lostAtRestore", "READ DENY box.notFound",
                        "READ DENY box.lostAtRestore");
    }

    private HttpResponse<String> send(String token, String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
