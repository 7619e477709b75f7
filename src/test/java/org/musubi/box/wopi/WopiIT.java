package org.musubi.box.wopi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.box.DownloadFile;
import org.musubi.box.BoxContent;
import org.musubi.box.BoxFile;
import org.musubi.box.BoxSettings;
import org.musubi.box.BoxStore;
import org.musubi.box.BoxVersions;
import org.musubi.box.jdbc.JdbcBoxVersionRows;
import org.musubi.scan.Scanner;
import org.musubi.scan.TooLargePolicy;
import org.musubi.scan.Verdict;
import org.musubi.box.wopi.jdbc.JdbcWopiLocks;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.SecretBox;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box's WOPI host against the real server. Neither OnlyOffice nor Collabora can run here: {@link Editor}, a plain
 * {@code java.net.http} client, stands in for the editor's server and makes the calls they make (CheckFileInfo, GetFile,
 * Lock, GetLock, RefreshLock, UnlockAndRelock, PutFile, Unlock), with the access token the portal's "編集 / Edit" page
 * hands over. Each call's answer and audit rows are asserted, and everything the token does not reach answers like a
 * file that does not exist.
 */
@MusubiIntegrationTest
class WopiIT extends NetworkFixtures {

    private static final String EDITOR = "https://editor.invalid/hosting/wopi/word/edit";
    @Autowired
    SendFiles sendFiles;
    @Autowired
    DownloadFile downloadFile;
    @Autowired
    BoxStore store;
    @Autowired
    BoxContent content;
    @Autowired
    BlobStore blobs;
    @Autowired
    Audit auditTrail;
    @Autowired
    WopiAccess access;
    @Autowired
    SecretBox secrets;
    @Autowired
    Users users;

    @Test
    void anEditorOpensLocksSavesAndUnlocksAFileAsOnlyOfficeOrCollaboraWould() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        byte[] original = ("主治医意見書 第1版 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        BoxFile file = send(doctor, "意見書.docx", original, nurse);
        BoxFile pdf = send(doctor, "scan.pdf", "pdf".getBytes(StandardCharsets.UTF_8), nurse);
        String id = file.id().toString();

        // The portal: "編集 / Edit" on the file the editor opens, a page that posts the token to the editor.
        WebSession web = accounts.signedIn(port, nurse);
        String list = web.get("/portal/box").body();
        assertThat(list).contains("/portal/box/files/" + id + "/edit").doesNotContain("/portal/box/files/" + pdf.id()
                + "/edit");
        assertThat(web.get("/portal/box/files/" + pdf.id() + "/edit").statusCode()).as("not an editor's file")
                .isEqualTo(404);
        long opened = audit.max();
        HttpResponse<String> page = web.get("/portal/box/files/" + id + "/edit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(audit.countSince(opened)).as("a token reads no content: not audited").isZero();
        String action = attribute(page.body(), "form id=\"wopi-launch\" method=\"post\" action=\"([^\"]+)\"");
        assertThat(action).isEqualTo(EDITOR + "?WOPISrc=" + URLEncoder.encode("http://localhost:" + port
                + "/wopi/files/" + id, StandardCharsets.UTF_8));
        assertThat(attribute(page.body(), "(?s)(<form id=\"wopi-launch\".*?</form>)")).as("nothing else goes to the editor")
                .doesNotContain("_csrf").contains("access_token");
        String token = attribute(page.body(), "name=\"access_token\" value=\"([^\"]+)\"");
        long ttl = Long.parseLong(attribute(page.body(), "name=\"access_token_ttl\" value=\"([0-9]+)\""));
        assertThat(Instant.ofEpochMilli(ttl)).isBetween(Instant.now().plus(Duration.ofMinutes(110)),
                Instant.now().plus(Duration.ofMinutes(121)));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' https://editor.invalid");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        Editor editor = new Editor(URLDecoder.decode(action.substring(action.indexOf("WOPISrc=") + 8),
                StandardCharsets.UTF_8), token);
        long before = audit.max();
        HttpResponse<String> info = editor.checkFileInfo();
        assertThat(info.statusCode()).isEqualTo(200);
        String version = sha256(original);
        assertThat(json(info.body(), "BaseFileName")).isEqualTo("\"意見書.docx\"");
        assertThat(json(info.body(), "OwnerId")).isEqualTo("\"" + doctor.id() + "\"");
        assertThat(json(info.body(), "UserId")).isEqualTo("\"" + nurse.id() + "\"");
        assertThat(json(info.body(), "UserFriendlyName")).isEqualTo("\"" + nurse.nameKanji() + "\"");
        assertThat(json(info.body(), "Size")).isEqualTo(String.valueOf(original.length));
        assertThat(json(info.body(), "Version")).isEqualTo("\"" + version + "\"");
        assertThat(List.of("SupportsLocks", "SupportsGetLock", "SupportsUpdate", "UserCanWrite", "UserCanNotWriteRelative"))
                .allSatisfy(flag -> assertThat(json(info.body(), flag)).as(flag).isEqualTo("true"));
        assertThat(json(info.body(), "ReadOnly")).isEqualTo("false");
        assertThat(info.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        assertThat(audit.countSince(before)).as("CheckFileInfo reads no content: not audited").isZero();

        HttpResponse<byte[]> got = editor.getFile();
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(original);
        assertThat(got.headers().firstValue("X-WOPI-ItemVersion")).hasValue(version);
        assertThat(reasons(before)).containsExactly("READ PERMIT box.downloaded");

        // A save without the lock, or with another, is refused with the current lock; the content stays.
        long refused = audit.max();
        HttpResponse<String> unlocked = editor.putFile(null, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(unlocked.statusCode()).isEqualTo(409);
        assertThat(unlocked.headers().firstValue("X-WOPI-Lock")).hasValue("");
        assertThat(editor.lock("L1").statusCode()).isEqualTo(200);
        assertThat(editor.getLock().headers().firstValue("X-WOPI-Lock")).hasValue("L1");
        HttpResponse<String> taken = editor.lock("L2");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.headers().firstValue("X-WOPI-Lock")).hasValue("L1");
        HttpResponse<String> wrong = editor.putFile("L2", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(wrong.headers().firstValue("X-WOPI-Lock")).hasValue("L1");
        assertThat(editor.getFile().body()).isEqualTo(original);
        assertThat(reasons(refused)).as("each refused save once; locks are not audited").containsExactly(
                "UPDATE DENY box.wopi.lockMismatch", "UPDATE DENY box.wopi.lockMismatch", "READ PERMIT box.downloaded");

        // With the lock: a new version, its own version string, for everyone the file was shared with.
        byte[] edited = ("主治医意見書 第2版 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long saving = audit.max();
        HttpResponse<String> saved = editor.putFile("L1", edited);
        assertThat(saved.statusCode()).isEqualTo(200);
        String newVersion = saved.headers().firstValue("X-WOPI-ItemVersion").orElseThrow();
        assertThat(newVersion).startsWith(sha256(edited)).isNotEqualTo(version);
        assertThat(audit.rowsSince(saving)).singleElement().satisfies(r -> {
            assertThat(r.action() + " " + r.outcome()).isEqualTo("UPDATE PERMIT");
            assertThat(r.reason()).isEqualTo("box.wopi.saved " + edited.length + " bytes");
            assertThat(r.resourceIds()).containsExactly(id);
        });
        HttpResponse<byte[]> again = editor.getFile();
        assertThat(again.body()).isEqualTo(edited);
        assertThat(again.headers().firstValue("X-WOPI-ItemVersion")).hasValue(newVersion);
        assertThat(json(editor.checkFileInfo().body(), "Version")).isEqualTo("\"" + newVersion + "\"");
        assertThat(json(editor.checkFileInfo().body(), "Size")).isEqualTo(String.valueOf(edited.length));
        assertThat(accounts.signedIn(port, doctor).getBytes("/portal/box/files/" + id).body()).as("the sender's download")
                .isEqualTo(edited);
        assertThat(blobs.openPart("box-" + id)).as("the replaced version's bytes are gone").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM box_part_trash WHERE part LIKE ?").param("box-" + id + "%")
                .query(Integer.class).single()).isZero();
        byte[] sameAgain = edited.clone();
        assertThat(editor.putFile("L1", sameAgain).headers().firstValue("X-WOPI-ItemVersion").orElseThrow())
                .as("the same bytes saved again: a version never repeats").isNotEqualTo(newVersion);

        // RefreshLock, UnlockAndRelock, Unlock; what needs the lock answers 409 with the current one.
        assertThat(editor.refreshLock("L1").statusCode()).isEqualTo(200);
        assertThat(editor.refreshLock("L2").headers().firstValue("X-WOPI-Lock")).hasValue("L1");
        assertThat(editor.relock("L2", "L3").statusCode()).as("the old lock is not L2").isEqualTo(409);
        assertThat(editor.relock("L1", "L3").statusCode()).isEqualTo(200);
        assertThat(editor.getLock().headers().firstValue("X-WOPI-Lock")).hasValue("L3");
        HttpResponse<String> notMine = editor.unlock("L1");
        assertThat(notMine.statusCode()).isEqualTo(409);
        assertThat(notMine.headers().firstValue("X-WOPI-Lock")).hasValue("L3");
        assertThat(editor.unlock("L3").statusCode()).isEqualTo(200);
        assertThat(editor.getLock().headers().firstValue("X-WOPI-Lock")).hasValue("");
        HttpResponse<String> none = editor.unlock("L3");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.headers().firstValue("X-WOPI-Lock")).hasValue("");
        assertThat(editor.post("", Map.of("X-WOPI-Override", "LOCK")).statusCode()).as("no lock id").isEqualTo(400);
        assertThat(editor.post("", Map.of("X-WOPI-Override", "LOCK", "X-WOPI-Lock", "L".repeat(1025))).statusCode())
                .as("a lock id over 1024 characters").isEqualTo(400);
        assertThat(editor.lock("L".repeat(1024)).statusCode()).isEqualTo(200);
        assertThat(editor.unlock("L".repeat(1024)).statusCode()).isEqualTo(200);
        assertThat(editor.post("", Map.of("X-WOPI-Override", "PUT_RELATIVE", "X-WOPI-SuggestedTarget", ".pdf"))
                .statusCode()).isEqualTo(501);
        assertThat(editor.post("", Map.of("X-WOPI-Override", "RENAME_FILE")).statusCode()).isEqualTo(501);
    }

    @Test
    void whatTheTokenDoesNotReachAnswersLikeAFileThatDoesNotExist() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        Facility elsewhere = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User member = accounts.memberOf(office, Profession.NURSE);
        User stranger = accounts.memberOf(clinic, Profession.NURSE);
        User stays = accounts.memberOf(office, Profession.NURSE);
        BoxFile file = sendFiles.send(reader(doctor), List.of(new Box.Upload("a.docx", "application/octet-stream",
                new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)))), new Box.Recipients(Set.of(),
                office.id(), Set.of(Profession.NURSE)), null).files().getFirst();
        BoxFile other = sendFiles.send(reader(doctor), List.of(new Box.Upload("b.docx", "application/octet-stream",
                new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)))), new Box.Recipients(Set.of(),
                office.id(), Set.of(Profession.NURSE)), null).files().getFirst();
        String token = access.launch(reader(member), file.id()).orElseThrow().token().token();
        String base = "http://localhost:" + port + "/wopi/files/";

        assertThat(access.launch(reader(stranger), file.id())).as("not a recipient: no token").isEmpty();
        assertThat(accounts.signedIn(port, stranger).get("/portal/box/files/" + file.id() + "/edit").statusCode())
                .isEqualTo(404);

        // The token is for `file`: another real file, a guessed id and no id at all answer alike, each audited once.
        for (String asked : List.of(other.id().toString(), UUID.randomUUID().toString(), "not-an-id")) {
            Editor editor = new Editor(base + asked, token);
            long before = audit.max();
            List<HttpResponse<String>> answers = List.of(editor.checkFileInfo(), editor.getFileText(), editor.lock("L"),
                    editor.getLock(), editor.putFile("L", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(answers).as(asked).allSatisfy(a -> {
                assertThat(a.statusCode()).isEqualTo(404);
                assertThat(a.body()).isEmpty();
                assertThat(a.headers().firstValue("X-WOPI-Lock")).isEmpty();
                assertThat(a.headers().firstValue("X-WOPI-ItemVersion")).isEmpty();
            });
            assertThat(audit.rowsSince(before)).as(asked).extracting(r -> r.action() + " " + r.outcome() + " " + r.reason())
                    .containsExactly("READ DENY box.notFound", "READ DENY box.notFound", "READ DENY box.notFound",
                            "READ DENY box.notFound", "UPDATE DENY box.notFound");
        }
        Editor editor = new Editor(base + file.id(), token);
        assertThat(editor.checkFileInfo().statusCode()).isEqualTo(200);

        // Garbage, a forged or expired token, none at all, a disabled account's: 401, before any file is looked at.
        WopiTokens past = new WopiTokens(secrets.derive("musubi.box.wopi.access-token"),
                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC), Duration.ofHours(2));
        String expired = past.issue(file.id(), member.id(), office.id(), 0).token();
        String forged = new WopiTokens(new byte[32], Clock.systemUTC(), Duration.ofHours(2))
                .issue(file.id(), member.id(), office.id(), 0).token();
        HttpResponse<String> garbage = new Editor(base + file.id(), "garbage").checkFileInfo();
        assertThat(garbage.statusCode()).isEqualTo(401);
        for (String bad : List.of(expired, forged, "")) {
            HttpResponse<String> answer = new Editor(base + file.id(), bad).checkFileInfo();
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(garbage.body());
        }
        assertThat(new Editor(base + file.id(), null).checkFileInfo().statusCode()).isEqualTo(401);
        assertThat(garbage.body()).contains(" / ");
        HttpResponse<String> guessed = new Editor(base + UUID.randomUUID(), "garbage").checkFileInfo();
        assertThat(guessed.body()).isEqualTo(garbage.body());

        // The rules at call time: a recipient who left the facility, then an expired file, answer as absent.
        String staying = access.launch(reader(stays), file.id()).orElseThrow().token().token();
        users.update(member.id(), new UserDraft(member.loginId(), member.nameKanji(), member.nameKana(),
                member.profession(), List.of(new User.Membership(elsewhere.id(), false)), false, UserStatus.ACTIVE));
        long left = audit.max();
        assertThat(editor.checkFileInfo().statusCode()).as("left the facility").isEqualTo(404);
        assertThat(editor.getFile().statusCode()).isEqualTo(404);
        assertThat(audit.countSince(left)).isEqualTo(2);
        Editor stayingEditor = new Editor(base + file.id(), staying);
        assertThat(stayingEditor.checkFileInfo().statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 second' WHERE id = ?").param(file.id()).update();
        assertThat(stayingEditor.checkFileInfo().statusCode()).as("expired, the sweep not run").isEqualTo(404);
        assertThat(stayingEditor.getFile().statusCode()).isEqualTo(404);
        assertThat(stayingEditor.lock("L").statusCode()).isEqualTo(404);

        accounts.disable(stays);
        assertThat(stayingEditor.checkFileInfo().statusCode()).as("a disabled account's token").isEqualTo(401);
    }

    @Test
    void aLockExpiresAfterThirtyMinutesAndAnEmptyUnlockedFileMayBeWritten() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        BoxFile file = send(doctor, "memo.txt", "memo".getBytes(StandardCharsets.UTF_8), nurse);
        WopiTokens.Grant grant = grant(nurse, file);
        Instant start = Instant.now();
        assertThat(at(start).lock(grant, file.id(), "A", null).status()).isEqualTo(Wopi.Status.OK);
        Instant later = start.plus(Duration.ofMinutes(29));
        assertThat(at(later).lock(grant, file.id(), "B", null)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Wopi.Status.LOCK_MISMATCH);
            assertThat(a.lock()).isEqualTo("A");
        });
        assertThat(at(later).refresh(grant, file.id(), "A").status()).as("30 minutes again from now")
                .isEqualTo(Wopi.Status.OK);
        assertThat(at(later.plus(Duration.ofMinutes(29))).currentLock(grant, file.id()).lock()).isEqualTo("A");
        Wopi wopi = at(later.plus(Duration.ofMinutes(31)));
        assertThat(wopi.currentLock(grant, file.id()).lock()).as("expired").isEmpty();
        assertThat(wopi.save(grant, file.id(), "A", stream("late")).status()).as("an expired lock saves nothing")
                .isEqualTo(Wopi.Status.LOCK_MISMATCH);
        assertThat(wopi.lock(grant, file.id(), "B", null).status()).isEqualTo(Wopi.Status.OK);

        // An empty file, unlocked, may be written without a lock (WOPI: a new document); once not empty, no more.
        BoxFile empty = send(doctor, "new.docx", new byte[0], nurse);
        Editor editor = new Editor("http://localhost:" + port + "/wopi/files/" + empty.id(),
                access.launch(reader(nurse), empty.id()).orElseThrow().token().token());
        assertThat(editor.putFile(null, "first".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(editor.getFile().body()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        assertThat(editor.putFile(null, "second".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(409);
    }

    @Test
    void aVersionTooLargeOverQuotaOrInfectedIsRefusedAndOnAStandbyOnlyViewingWorks() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        BoxFile file = send(doctor, "plan.xlsx", "0123456789".getBytes(StandardCharsets.UTF_8), nurse);
        WopiTokens.Grant grant = grant(nurse, file);
        Scanner scanner = new Scanner() {
            @Override
            public Verdict scan(InputStream in, long size) {
                try {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return text.equals("infected") ? new Verdict.Infected("Test-Signature")
                            : text.equals("broken") ? new Verdict.Failed("clamd went away") : Verdict.CLEAN;
                } catch (IOException e) {
                    return new Verdict.Failed(e.getMessage());
                }
            }

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public long maxBytes() {
                return 1000;
            }
        };
        BoxContent scanned = new BoxContent(blobs, scanner, TooLargePolicy.REFUSE);
        // 20 bytes a file; the sender's quota: what they use now (this file's 10 bytes included) and 15 or 5 more.
        long used = store.usedBytes(doctor.id(), Instant.now());
        Wopi roomy = new Wopi(access, downloadFile, versions(scanned, new BoxSettings(20, used + 15, Duration.ofDays(7)), false),
                new JdbcWopiLocks(jdbc), Clock.systemUTC(), new Wopi.Options(Wopi.LOCK_TTL, () -> false));
        Wopi small = new Wopi(access, downloadFile, versions(scanned, new BoxSettings(20, used + 5, Duration.ofDays(7)), false),
                new JdbcWopiLocks(jdbc), Clock.systemUTC(), new Wopi.Options(Wopi.LOCK_TTL, () -> false));
        assertThat(small.lock(grant, file.id(), "L", null).status()).isEqualTo(Wopi.Status.OK);
        long before = audit.max();
        assertThat(roomy.save(grant, file.id(), "L", stream("x".repeat(21)))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Wopi.Status.TOO_LARGE);
            assertThat(a.reason()).isEqualTo(BoxVersions.TOO_LARGE);
        });
        assertThat(small.save(grant, file.id(), "L", stream("x".repeat(16)))).as("10 bytes now, 5 to spare")
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(Wopi.Status.TOO_LARGE);
                    assertThat(a.reason()).isEqualTo(BoxVersions.QUOTA);
                });
        assertThat(small.save(grant, file.id(), "L", stream("infected")).status()).isEqualTo(Wopi.Status.REFUSED);
        assertThat(small.save(grant, file.id(), "L", stream("broken")).reason()).isEqualTo(BoxVersions.NOT_SCANNED);
        assertThat(reasons(before)).containsExactly("UPDATE DENY box.wopi.tooLarge", "UPDATE DENY box.wopi.quota",
                "UPDATE DENY box.wopi.infected", "UPDATE DENY box.wopi.notScanned");
        try (InputStream in = downloadFile.download(reader(nurse), file.id()).orElseThrow().content()) {
            assertThat(in.readAllBytes()).as("the file keeps its content").isEqualTo("0123456789".getBytes(
                    StandardCharsets.UTF_8));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM box_part_trash WHERE part LIKE ?").param("box-" + file.id() + "%")
                .query(Integer.class).single()).as("no refused version left behind").isZero();
        assertThat(small.save(grant, file.id(), "L", stream("x".repeat(15))).status()).as("within both")
                .isEqualTo(Wopi.Status.OK);

        Wopi standby = new Wopi(access, downloadFile, versions(content, BoxSettings.DEFAULTS, true), new JdbcWopiLocks(jdbc),
                Clock.systemUTC(), new Wopi.Options(Wopi.LOCK_TTL, () -> true));
        assertThat(standby.info(grant, file.id()).orElseThrow().canWrite()).isFalse();
        assertThat(standby.lock(grant, file.id(), "M", null).status()).isEqualTo(Wopi.Status.STANDBY);
        assertThat(standby.unlock(grant, file.id(), "L").status()).isEqualTo(Wopi.Status.STANDBY);
        assertThat(standby.save(grant, file.id(), "L", stream("y")).status()).isEqualTo(Wopi.Status.STANDBY);
        assertThat(standby.content(grant, file.id(), Integer.MAX_VALUE).status()).isEqualTo(Wopi.Status.OK);
        assertThat(standby.content(grant, file.id(), 3).status()).as("X-WOPI-MaxExpectedSize")
                .isEqualTo(Wopi.Status.PRECONDITION_FAILED);
    }

    /** The WOPI host as it is at {@code now} (the locks' clock). */
    private Wopi at(Instant now) {
        return new Wopi(access, downloadFile, versions(content, BoxSettings.DEFAULTS, false), new JdbcWopiLocks(jdbc),
                Clock.fixed(now, ZoneOffset.UTC), new Wopi.Options(Wopi.LOCK_TTL, () -> false));
    }

    private BoxVersions versions(BoxContent with, BoxSettings settings, boolean readOnly) {
        return new BoxVersions(store, new JdbcBoxVersionRows(jdbc), with, auditTrail, Clock.systemUTC(),
                new Box.Options(settings, () -> readOnly));
    }

    private WopiTokens.Grant grant(User user, BoxFile file) {
        return access.caller(access.launch(reader(user), file.id()).orElseThrow().token().token()).orElseThrow().grant();
    }

    private BoxFile send(User from, String name, byte[] bytes, User to) {
        return sendFiles.send(reader(from), List.of(new Box.Upload(name, "application/octet-stream",
                new ByteArrayInputStream(bytes))), new Box.Recipients(Set.of(to.id()), null, null), null).files().getFirst();
    }

    private List<String> reasons(long after) {
        return audit.rowsSince(after).stream().filter(r -> "BoxFile".equals(r.resourceType()))
                .map(r -> r.action() + " " + r.outcome() + " " + r.reason()).toList();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String attribute(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as(pattern).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** A field's raw JSON value in CheckFileInfo's flat object. */
    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\"[^\"]*\"|[^,}]+)").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The test's WOPI client, standing in for OnlyOffice's or Collabora's server: the calls they make on a file's
     * WOPISrc, with the access token as the {@code access_token} query parameter.
     */
    private static final class Editor {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String source;
        private final String token;

        Editor(String source, String token) {
            this.source = source;
            this.token = token;
        }

        HttpResponse<String> checkFileInfo() throws IOException, InterruptedException {
            return http.send(request("").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getFile() throws IOException, InterruptedException {
            return http.send(request("/contents").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> getFileText() throws IOException, InterruptedException {
            return http.send(request("/contents").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> putFile(String lock, byte[] bytes) throws IOException, InterruptedException {
            HttpRequest.Builder put = request("/contents").header("X-WOPI-Override", "PUT")
                    .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (lock != null) {
                put.header("X-WOPI-Lock", lock);
            }
            return http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> lock(String lock) throws IOException, InterruptedException {
            return post("", Map.of("X-WOPI-Override", "LOCK", "X-WOPI-Lock", lock));
        }

        HttpResponse<String> relock(String old, String lock) throws IOException, InterruptedException {
            return post("", Map.of("X-WOPI-Override", "LOCK", "X-WOPI-OldLock", old, "X-WOPI-Lock", lock));
        }

        HttpResponse<String> getLock() throws IOException, InterruptedException {
            return post("", Map.of("X-WOPI-Override", "GET_LOCK"));
        }

        HttpResponse<String> refreshLock(String lock) throws IOException, InterruptedException {
            return post("", Map.of("X-WOPI-Override", "REFRESH_LOCK", "X-WOPI-Lock", lock));
        }

        HttpResponse<String> unlock(String lock) throws IOException, InterruptedException {
            return post("", Map.of("X-WOPI-Override", "UNLOCK", "X-WOPI-Lock", lock));
        }

        HttpResponse<String> post(String path, Map<String, String> headers) throws IOException, InterruptedException {
            HttpRequest.Builder post = request(path).POST(HttpRequest.BodyPublishers.noBody());
            headers.forEach(post::header);
            return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(source + path + (token == null ? ""
                    : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        }
    }
}
