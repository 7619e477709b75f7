package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.blob.BlobStore;
import org.musubi.consent.Refused;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.phr.checkups.PaperForms;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.photos.TestPictures;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A care team's wound photos on the real database: a visiting nurse's photo (a JPEG with EXIF GPS) is kept in the blob
 * store without any EXIF segment, as a Media of category CARE_RECORDS under the station's source patient, audited once;
 * it is served to a live member (the stored bytes, with headers that let nothing run, be sniffed or cached) and to the
 * team's care manager, one audit row each; a non-member, an ex-member, a guessed id and another team's photo get the
 * same 404, each audited once. A file that is no picture is refused with its reason, nothing stored or audited; a
 * read-only standby refuses the upload and still serves photos.
 */
@MusubiIntegrationTest
class TeamPhotosIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CareTeams teams;
    @Autowired
    AddTeamPhoto addPhotos;
    @Autowired
    OpenTeamPhoto openPhotos;
    @Autowired
    BlobStore blobs;
    @Autowired
    WriteRecords writes;
    @Autowired
    ReadRecords reads;
    @Autowired
    PersonAccess access;
    @Autowired
    org.musubi.registry.Users users;

    HomeCareTeam team() {
        Facility hospital = accounts.newHospital();
        return HomeCareTeam.of(accounts, teams, hospital, linkedConsentedPatientAt(hospital));
    }

    @Test
    void aPhotoIsKeptWithoutItsLocationAuditedOnceAndServedToLiveMembersOnly() throws IOException {
        HomeCareTeam t = team();
        UUID id = t.team().id();
        byte[] original = TestPictures.jpegWithExif(400, 300, 1);
        assertThat(TestPictures.indexOf(original, TestPictures.GPS_MARK)).isNotNegative();
        assertThat(exifSegment(original)).as("the fixture carries EXIF").isTrue();

        long before = audit.max();
        String media = addPhotos.add(actor(t.nurse()), id, "wound.jpg", original, "仙骨部の発赤 2cm", "仙骨部");
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).extracting(AuditRows.Row::action).as("the station's first entry links its source patient")
                .containsExactly("IDENTITY_LINK", "CREATE");
        assertThat(rows.get(1).resourceType()).isEqualTo("Media");
        assertThat(rows.get(1).resourceIds()).contains("Media/" + media).anyMatch(r -> r.startsWith("Provenance/"));
        assertThat(jdbc.sql("SELECT category FROM resource WHERE id = ?").param(media).query(String.class).single())
                .isEqualTo("CARE_RECORDS");
        assertThat(jdbc.sql("SELECT kind FROM care_team_entry WHERE resource_id = ?").param(media).query(String.class)
                .single()).isEqualTo("PHOTO");

        JsonNode stored = JSON.readTree(jdbc.sql("SELECT content FROM resource WHERE id = ?").param(media)
                .query(String.class).single());
        assertThat(stored.path("status").asString()).isEqualTo("completed");
        assertThat(stored.path("note").path(0).path("text").asString()).isEqualTo("仙骨部の発赤 2cm");
        assertThat(stored.path("bodySite").path("text").asString()).isEqualTo("仙骨部");
        assertThat(stored.path("extension").path(0).path("valueReference").path("reference").asString())
                .isEqualTo("CareTeam/" + id);
        assertThat(stored.path("content").path("contentType").asString()).isEqualTo("image/jpeg");
        String url = stored.path("content").path("url").asString();
        assertThat(url).startsWith("urn:musubi:blob-sha256:");
        byte[] kept;
        try (InputStream in = blobs.open(url.substring("urn:musubi:blob-sha256:".length())).orElseThrow()) {
            kept = in.readAllBytes();
        }
        assertThat(TestPictures.indexOf(kept, TestPictures.GPS_MARK)).as("no GPS position kept").isNegative();
        assertThat(exifSegment(kept)).as("no APP1/Exif segment kept").isFalse();
        assertThat(stored.path("content").path("size").asLong()).isEqualTo(kept.length);

        WebSession pharmacist = accounts.signedIn(port, t.pharmacist());
        String path = "/portal/care-teams/" + id + "/photos/" + media;
        long reading = audit.max();
        HttpResponse<byte[]> served = pharmacist.getBytes(path);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(kept);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store").contains("private");
        List<AuditRows.Row> read = audit.rowsSince(reading);
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("READ");
            assertThat(r.outcome()).isEqualTo("PERMIT");
            assertThat(r.resourceType()).isEqualTo(OpenTeamPhoto.PHOTO_TARGET);
            assertThat(r.resourceIds()).anyMatch(i -> i.endsWith(media));
        });

        String page = pharmacist.get("/portal/care-teams/" + id).body();
        assertThat(page).as("the timeline's thumbnail links to the picture").contains("src=\"" + path + "\"")
                .contains("href=\"" + path + "\"").contains("仙骨部の発赤 2cm");

        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        User careManager = accounts.memberOf(office, Profession.CARE_MANAGER);
        teams.invite(actor(t.doctor()), id, careManager.id(), CareTeams.Role.CARE_MANAGER, null);
        try (InputStream in = openPhotos.open(actor(careManager), id, media).content()) {
            assertThat(in.readAllBytes()).as("a care manager member reads the team's photo (CARE_RECORDS)")
                    .isEqualTo(kept);
        }

        HomeCareTeam other = team();
        String theirs = addPhotos.add(actor(other.nurse()), other.team().id(), "b.png", TestPictures.png(40, 30),
                null, null);
        refusedAlike(actor(t.outsider()), id, media, "never a member");
        refusedAlike(actor(t.nurse()), id, UUID.randomUUID().toString(), "a guessed photo id");
        refusedAlike(actor(t.nurse()), id, theirs, "another team's photo asked through this team");
        refusedAlike(actor(t.nurse()), other.team().id(), theirs, "another team's photo asked through that team");
        refusedAlike(actor(t.nurse()), UUID.randomUUID(), media, "a guessed team");
        teams.end(actor(t.pharmacist()), id, t.pharmacist().id());
        refusedAlike(actor(t.pharmacist()), id, media, "left the team");

        HttpResponse<byte[]> missing = pharmacist.getBytes("/portal/care-teams/" + id + "/photos/" + UUID.randomUUID());
        for (String asked : List.of(path, "/portal/care-teams/" + id + "/photos/" + theirs,
                "/portal/care-teams/not-a-team/photos/" + media)) {
            HttpResponse<byte[]> answer = pharmacist.getBytes(asked);
            assertThat(answer.statusCode()).as(asked).isEqualTo(404);
            assertThat(answer.body()).as("the same answer as for no photo").isEqualTo(missing.body());
        }
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(accounts.signedIn(port, t.outsider()).getBytes(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNoPictureIsRefusedWithItsReasonAndNothingIsStoredOrAudited() {
        HomeCareTeam t = team();
        UUID id = t.team().id();
        long entries = jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(id).query(Long.class)
                .single();
        long before = audit.max();
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> addPhotos.add(actor(t.nurse()), id, "report.pdf", pdf, "説明", null))
                .isInstanceOf(PhotoSanitizer.Refused.class)
                .satisfies(e -> assertThat(((PhotoSanitizer.Refused) e).messageKey()).isEqualTo("phr.photo.notJpegOrPng"));
        assertThat(audit.countSince(before)).isZero();

        WebSession nurse = accounts.signedIn(port, t.nurse());
        long signedIn = audit.max();
        nurse.get("/portal/care-teams/" + id);
        String action = "/portal/care-teams/" + id + "/photos";
        HttpResponse<String> refused = PaperForms.multipart(nurse, action, nurse.csrf(), "scan.gif", "image/gif",
                "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "caption", "写真ではない");
        assertThat(refused.statusCode()).isEqualTo(302);
        String shown = nurse.get(WebSession.location(refused)).body();
        assertThat(shown).contains("JPEG か PNG の写真だけ使えます").contains("写真は保存していません");
        assertThat(audit.rowsSince(signedIn)).as("nothing audited: the team's page, read twice, is all")
                .extracting(AuditRows.Row::action, AuditRows.Row::resourceType)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("READ", "CareTeam")).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(id).query(Long.class)
                .single()).as("nothing stored").isEqualTo(entries);

        HttpResponse<String> saved = PaperForms.multipart(nurse, action, nurse.csrf(), "wound.png", "image/png",
                TestPictures.png(64, 48), "caption", "踵の創", "bodySite", "右踵");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).endsWith("?saved");
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ? AND kind = 'PHOTO'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReadOnlyStandbyRefusesTheUploadWithItsMessageAndStillServesPhotos() throws IOException {
        HomeCareTeam t = team();
        UUID id = t.team().id();
        String media = addPhotos.add(actor(t.nurse()), id, "a.png", TestPictures.png(40, 30), null, "左下腿");
        TeamWorkspace standby = new TeamWorkspace(teams, writes, reads, new org.musubi.carenet.jdbc.JdbcTeamEntries(jdbc),
                new TeamWorkspace.Parts(null, null, users, access, Standby.fixed(true)::readOnly,
                        new TeamPhotos(blobs, PhotoSanitizer.DEFAULT_MAX_BYTES)));
        long before = audit.max();
        assertThatThrownBy(() -> new AddTeamPhoto(standby).add(actor(t.nurse()), id, "b.png", TestPictures.png(40, 30),
                null, null))
                .isInstanceOf(ReadOnlyStandbyException.class).hasMessage(Standby.MESSAGE);
        assertThat(audit.countSince(before)).as("nothing read, nothing audited").isZero();
        try (InputStream in = new OpenTeamPhoto(standby).open(actor(t.pharmacist()), id, media).content()) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
        assertThat(audit.countSince(before)).isEqualTo(1);
    }

    /** The same refusal as for no photo: one DENY row, nothing served. */
    private void refusedAlike(CareTeams.Actor by, UUID team, String media, String why) {
        long before = audit.max();
        assertThatThrownBy(() -> openPhotos.open(by, team, media)).as(why).isInstanceOf(Refused.class)
                .hasMessage(CareTeams.NOT_FOUND);
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).as(why).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("DENY"));
    }

    /** Whether a JPEG has an APP1 segment holding EXIF (before its image data starts). */
    private static boolean exifSegment(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                return false;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE1 && i + 8 <= jpeg.length
                    && new String(jpeg, i + 4, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                return true;
            }
            i += 2 + length;
        }
        return false;
    }

    private static CareTeams.Actor actor(User user) {
        return HomeCareTeam.actor(user);
    }
}
