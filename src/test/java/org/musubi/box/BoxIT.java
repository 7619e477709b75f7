package org.musubi.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.box.BoxTestFiles.close;
import static org.musubi.box.BoxTestFiles.reader;
import static org.musubi.box.BoxTestFiles.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.audit.Purpose;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box on the real database and blob store: a file reaches its named recipient and a facility's chosen members, nobody
 * else; it is gone at its expiry whenever the sweep runs, and the sweep — cut off after deleting content, or run
 * twice — deletes each file once, audited once, never content a record or another Box file holds; sizes and the
 * quota are refused before anything is kept.
 */
@MusubiIntegrationTest
class BoxIT extends NetworkFixtures {

    @Autowired
    SendFiles sendFiles;
    @Autowired
    ListInbox listInbox;
    @Autowired
    DownloadFile downloadFile;
    @Autowired
    ListSentFiles listSentFiles;
    @Autowired
    BoxStore store;
    @Autowired
    BlobStore blobs;
    @Autowired
    Audit auditTrail;
    @Autowired
    BoxContent content;
    @Autowired
    org.musubi.registry.Users users;

    @Test
    void aFileReachesItsNamedRecipientAndTheChosenMembersOfAFacilityAndNobodyElse() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User named = accounts.memberOf(accounts.facilityOf(FacilityKind.PHARMACY), Profession.PHARMACIST);
        User officeNurse = accounts.memberOf(office, Profession.NURSE);
        User officeClerk = accounts.memberOf(office, Profession.MEDICAL_CLERK);
        User stranger = accounts.memberOf(clinic, Profession.NURSE);
        byte[] bytes = "要介護認定の主治医意見書（試験）".getBytes(StandardCharsets.UTF_8);

        long before = audit.max();
        Box.Sent sent = sendFiles.send(reader(doctor), List.of(new Box.Upload("意見書.pdf", "application/pdf",
                new ByteArrayInputStream(bytes))), new Box.Recipients(Set.of(named.id()), office.id(),
                Set.of(Profession.NURSE)), "ご確認ください");
        assertThat(sent.faults()).isEmpty();
        BoxFile file = sent.files().getFirst();
        assertThat(file.size()).isEqualTo(bytes.length);
        assertThat(audit.rowsSince(before)).singleElement().satisfies(r -> assertThat(r.action()).isEqualTo("CREATE"));

        assertThat(listInbox.received(reader(named))).extracting(BoxFile::id).containsExactly(file.id());
        assertThat(listInbox.received(reader(officeNurse))).extracting(BoxFile::id).containsExactly(file.id());
        assertThat(listInbox.received(reader(officeClerk))).as("not a chosen profession").isEmpty();
        assertThat(listInbox.waiting(reader(named))).isEqualTo(1);

        long downloads = audit.max();
        try (InputStream in = downloadFile.download(reader(named), file.id()).orElseThrow().content()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(listInbox.waiting(reader(named))).isZero();
        assertThat(downloadFile.download(reader(stranger), file.id())).as("not named").isEmpty();
        assertThat(downloadFile.download(reader(officeClerk), file.id())).as("a member not chosen").isEmpty();
        assertThat(downloadFile.download(reader(named), UUID.randomUUID())).as("a guessed id").isEmpty();
        assertThat(audit.rowsSince(downloads)).extracting(r -> r.action() + " " + r.outcome() + " " + r.reason())
                .containsExactly("READ PERMIT box.downloaded", "READ DENY box.notFound", "READ DENY box.notFound",
                        "READ DENY box.notFound");
        assertThat(listSentFiles.recipients(reader(doctor), file.id()).orElseThrow())
                .filteredOn(r -> r.userId() == named.id()).singleElement().matches(r -> r.downloadedAt() != null);
        assertThat(listSentFiles.recipients(reader(named), file.id())).as("only the sender sees who downloaded").isEmpty();
    }

    @Test
    void aMemberWhoLeftTheFacilityAndADisabledAccountNoLongerReceiveTheFile() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        Facility elsewhere = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User leaving = accounts.memberOf(office, Profession.NURSE);
        User staying = accounts.memberOf(office, Profession.NURSE);
        User named = accounts.memberOf(elsewhere, Profession.PHARMACIST);
        BoxFile file = sendFiles.send(reader(doctor), List.of(upload("ケアプラン")), new Box.Recipients(Set.of(named.id()),
                office.id(), Set.of(Profession.NURSE)), null).files().getFirst();
        assertThat(listInbox.received(reader(leaving))).extracting(BoxFile::id).contains(file.id());

        users.update(leaving.id(), new org.musubi.registry.UserDraft(leaving.loginId(), leaving.nameKanji(),
                leaving.nameKana(), leaving.profession(), List.of(new User.Membership(elsewhere.id(), false)),
                false, org.musubi.registry.UserStatus.ACTIVE));
        accounts.disable(named);
        Reader moved = new Reader(leaving.id(), elsewhere.id(), Purpose.TREATMENT);
        assertThat(listInbox.received(moved)).as("chosen as the office's member, no longer one").isEmpty();
        assertThat(downloadFile.download(moved, file.id())).isEmpty();
        assertThat(downloadFile.download(reader(named), file.id())).as("a disabled account").isEmpty();
        try (InputStream in = downloadFile.download(reader(staying), file.id()).orElseThrow().content()) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
    }

    @Test
    void sizesAndTheQuotaAreRefusedBeforeAnythingIsKeptAndNoRecipientIsNoSend() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        Box small = new Box(store, content, auditTrail, Clock.systemUTC(),
                new Box.Options(new BoxSettings(10, 15, Duration.ofDays(7)), () -> false));
        Box.Recipients toNurse = new Box.Recipients(Set.of(nurse.id()), null, null);

        assertThat(new SendFiles(small).send(reader(doctor), List.of(upload("01234567890")), toNurse, null).faults())
                .containsExactly("box.fault.tooLarge");
        assertThat(new SendFiles(small).send(reader(doctor), List.of(upload("0123456789"), upload("0123456")), toNurse, null))
                .satisfies(s -> assertThat(s.files()).hasSize(1))
                .satisfies(s -> assertThat(s.faults()).containsExactly("box.fault.quota"));
        assertThat(new SendFiles(small).send(reader(doctor), List.of(upload("x")), new Box.Recipients(Set.of(doctor.id()), null, null),
                null).faults()).as("the sender alone").containsExactly("box.fault.noRecipient");
        assertThat(new ListSentFiles(small).sent(reader(doctor))).hasSize(1);
    }

    @Test
    void anExpiredFileIsGoneAtOnceAndTheSweepDeletesEachFileOnceNeverSharedContent() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User other = accounts.memberOf(clinic, Profession.PHARMACIST);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        String same = "同じ内容のファイル " + UUID.randomUUID();
        Blob recordContent = blobs.put(new ByteArrayInputStream(same.getBytes(StandardCharsets.UTF_8)), 1_000);
        MutableClock clock = new MutableClock(Instant.now());
        Box timed = new Box(store, content, auditTrail, clock, new Box.Options(BoxSettings.DEFAULTS, () -> false));
        Box.Recipients toNurse = new Box.Recipients(Set.of(nurse.id()), null, null);
        BoxFile early = new SendFiles(timed).send(reader(doctor), List.of(upload(same)), toNurse, null).files().getFirst();
        clock.at = clock.at.plus(Duration.ofDays(3));
        BoxFile later = new SendFiles(timed).send(reader(other), List.of(upload(same)), toNurse, null).files().getFirst();
        BoxFile cutOff = new SendFiles(timed).send(reader(other), List.of(upload("cut off")), toNurse, null).files().getFirst();

        clock.at = clock.at.plus(Duration.ofDays(4)).plusSeconds(1);
        assertThat(new DownloadFile(timed).download(reader(nurse), early.id())).as("expired, the sweep not run yet").isEmpty();
        assertThat(new ListInbox(timed).received(reader(nurse))).extracting(BoxFile::id).doesNotContain(early.id());

        long before = audit.max();
        assertThat(new SweepExpiredFiles(timed).sweep()).isGreaterThanOrEqualTo(1);
        assertThat(store.find(early.id())).isEmpty();
        assertThat(blobs.openPart(early.part())).isEmpty();
        try (InputStream in = new DownloadFile(timed).download(reader(nurse), later.id()).orElseThrow().content()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("the same bytes, another file").isEqualTo(same);
        }
        assertThat(blobs.open(recordContent.key())).as("a record's content with the same bytes").isPresent();

        // A sweep cut off after deleting a file's content but before its rows: the next one finishes it.
        blobs.deletePart(cutOff.part());
        clock.at = clock.at.plus(Duration.ofDays(4));
        new SweepExpiredFiles(timed).sweep();
        new SweepExpiredFiles(timed).sweep();
        assertThat(store.find(cutOff.id())).isEmpty();
        assertThat(audit.naming(before, early.id().toString())).singleElement()
                .satisfies(r -> assertThat(r.action() + " " + r.reason()).isEqualTo("DELETE box.expired"));
        assertThat(audit.naming(before, cutOff.id().toString())).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("DELETE"));
        assertThat(timed.lastSweep()).isPresent();
    }

    @Test
    void contentChangedInTheStoreFailsTheDownloadAtItsEnd() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        BoxFile file = sendFiles.send(reader(doctor), List.of(upload("original")), new Box.Recipients(Set.of(nurse.id()), null,
                null), null).files().getFirst();
        blobs.deletePart(file.part());
        blobs.putPart(file.part(), new ByteArrayInputStream("tampered".getBytes(StandardCharsets.UTF_8)), 100);
        assertThatThrownBy(() -> {
            try (InputStream in = downloadFile.download(reader(nurse), file.id()).orElseThrow().content()) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
    }

    /**
     * What Box does with each verdict. The verdicts come from a scanner of the test's own (clamd itself is tested with a
     * real clamd in {@code ClamdScannerIT}): an infected file is kept quarantined and never downloadable, a file too
     * large to scan is refused (nothing kept) or held unscanned by the operator's policy, a failed scan holds it.
     */
    @Test
    void anInfectedFileIsQuarantinedAFileTooLargeToScanRefusedOrHeldAFailedScanHeld() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        org.musubi.scan.Scanner verdicts = new org.musubi.scan.Scanner() {
            @Override
            public org.musubi.scan.Verdict scan(InputStream in, long size) {
                String text;
                try {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return new org.musubi.scan.Verdict.Failed(e.getMessage());
                }
                return switch (text) {
                    case "infected" -> new org.musubi.scan.Verdict.Infected("Test-Signature");
                    case "huge" -> org.musubi.scan.Verdict.TOO_LARGE;
                    case "broken" -> new org.musubi.scan.Verdict.Failed("clamd went away");
                    default -> org.musubi.scan.Verdict.CLEAN;
                };
            }

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public long maxBytes() {
                return 100;
            }
        };
        Box.Recipients toNurse = new Box.Recipients(Set.of(nurse.id()), null, null);
        for (org.musubi.scan.TooLargePolicy policy : org.musubi.scan.TooLargePolicy.values()) {
            Box scanned = new Box(store, new BoxContent(blobs, verdicts, policy), auditTrail, Clock.systemUTC(),
                    new Box.Options(BoxSettings.DEFAULTS, () -> false));
            Box.Sent sent = new SendFiles(scanned).send(reader(doctor), List.of(upload("clean"), upload("infected"), upload("huge"),
                    upload("broken")), toNurse, null);
            if (policy == org.musubi.scan.TooLargePolicy.REFUSE) {
                assertThat(sent.faults()).containsExactly("box.fault.scanTooLarge");
                assertThat(sent.files()).extracting(BoxFile::scan).containsExactly(BoxFile.ScanStatus.CLEAN,
                        BoxFile.ScanStatus.INFECTED, BoxFile.ScanStatus.NOT_SCANNED);
            } else {
                assertThat(sent.faults()).isEmpty();
                assertThat(sent.files()).extracting(BoxFile::scan).containsExactly(BoxFile.ScanStatus.CLEAN,
                        BoxFile.ScanStatus.INFECTED, BoxFile.ScanStatus.NOT_SCANNED, BoxFile.ScanStatus.NOT_SCANNED);
            }
            assertThat(new DownloadFile(scanned).download(reader(nurse), sent.files().get(0).id())).isPresent()
                    .hasValueSatisfying(d -> close(d.content()));
            for (BoxFile held : sent.files().subList(1, sent.files().size())) {
                assertThat(new DownloadFile(scanned).download(reader(nurse), held.id())).as(held.scan().name()).isEmpty();
                assertThat(new DownloadFile(scanned).download(reader(doctor), held.id())).as("not the sender either").isEmpty();
            }
        }
    }

    @Test
    void aReadOnlyStandbyRefusesUploadsSkipsTheSweepAndStillDownloads() throws IOException {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(accounts.newHospital(), Profession.NURSE);
        Box.Recipients toNurse = new Box.Recipients(Set.of(nurse.id()), null, null);
        BoxFile live = sendFiles.send(reader(doctor), List.of(upload("before the failover")), toNurse, null).files().getFirst();
        BoxFile old = sendFiles.send(reader(doctor), List.of(upload("expired")), toNurse, null).files().getFirst();
        jdbc.sql("UPDATE box_file SET expires_at = now() - interval '1 minute' WHERE id = ?").param(old.id()).update();
        Box standby = new Box(store, content, auditTrail, Clock.systemUTC(),
                new Box.Options(BoxSettings.DEFAULTS, () -> true));

        long before = audit.max();
        assertThat(new SendFiles(standby).send(reader(doctor), List.of(upload("refused")), toNurse, null).faults())
                .containsExactly("box.fault.standby");
        assertThat(new SweepExpiredFiles(standby).sweep()).as("the sweep is skipped").isZero();
        assertThat(store.find(old.id())).as("the expired file is the primary's sweep's").isPresent();
        assertThat(new DownloadFile(standby).download(reader(old.senderUser() == doctor.id() ? nurse : doctor), old.id()))
                .as("expired: never downloadable, sweep or not").isEmpty();
        try (InputStream in = new DownloadFile(standby).download(reader(nurse), live.id()).orElseThrow().content()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("before the failover");
        }
        assertThat(new ListInbox(standby).waiting(reader(nurse))).as("a standby records no download").isEqualTo(1);
        assertThat(audit.rowsSince(before)).extracting(r -> r.action() + " " + r.outcome())
                .containsExactly("READ DENY", "READ PERMIT");
    }


    /** A clock the test moves (the retention is days). */
    private static final class MutableClock extends Clock {
        Instant at;

        MutableClock(Instant at) {
            this.at = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
