package org.musubi.letters.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.musubi.identity.IdentityStore;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.LettersProperties;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.signature.SignatureStatus;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sweep of the letters' files no letter names (issue 68), on the real embedded PostgreSQL and blob store: a
 * letter's files — its signed PDF, its document, an attachment taken from the record — are kept before its row is
 * written, so a send that fails after them leaves files no row names; those older than {@code musubi.letters.file-grace}
 * go, a letter's own and a fresh one stay, nothing goes on a read-only standby or while another node sweeps.
 */
@MusubiIntegrationTest
class LetterFileSweepIT extends NetworkFixtures {

    @Autowired
    SendLetter sendLetter;
    @Autowired
    OpenLetter openLetter;
    @Autowired
    LetterTable table;
    @Autowired
    LetterFiles files;
    @Autowired
    BlobStore blobs;
    @Autowired
    IdentityStore identities;
    @Autowired
    JobLocks jobs;
    @Autowired
    LettersProperties properties;

    @Test
    void anOldFileNoLetterNamesIsSweptAndALettersOwnAndAFreshOneAreKept() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterExchangeIT.Patient patient = LetterExchangeIT.patientAt(clients, port, consents, identities,
                accounts.networkAdmin().id(), clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        LetterRow row = ((LetterExchange.Sent.Done) sendLetter.send(reader(doctor), patient.person(),
                withLab(hospital, patient), null)).letter();
        LetterTable.Stored stored = table.find(row.id()).orElseThrow();
        String attachment = ((Attachment.Uploaded) LetterResources.letter(stored.letterJson()).content().attachments()
                .getFirst().source()).blobKey();
        assertThat(List.of(stored.pdfBlob(), stored.documentBlob(), attachment))
                .allMatch(k -> k.startsWith(LetterFileSweep.PREFIX));
        assertThat(attachment).isEqualTo(LetterFileSweep.attachment(row.id(), 0));
        String dangling = files.keep(bytes("a letter whose transaction failed")).key();
        String danglingAttachment = files.keep(LetterFileSweep.attachment(UUID.randomUUID(), 0),
                bytes("an attachment of a letter never stored")).key();

        Clock later = Clock.offset(Clock.systemUTC(), properties.fileGrace().plusHours(1));
        assertThat(sweep(() -> false, later).sweep()).as("the old files").isGreaterThanOrEqualTo(2);
        String fresh = files.keep(bytes("a letter being sent now")).key();
        sweep(() -> false, Clock.systemUTC()).sweep();

        assertThat(blobs.openPart(dangling)).as("no letter names it").isEmpty();
        assertThat(blobs.openPart(danglingAttachment)).as("its letter was never stored").isEmpty();
        assertThat(blobs.openPart(fresh)).as("within the grace period").isPresent();
        assertThat(blobs.openPart(stored.pdfBlob())).as("the letter's signed PDF").isPresent();
        assertThat(blobs.openPart(stored.documentBlob())).as("the letter's document").isPresent();
        assertThat(blobs.openPart(attachment)).as("the letter's attachment").isPresent();
        var opened = openLetter.open(reader(accounts.memberOf(hospital, Profession.NURSE)), row.id()).orElseThrow();
        assertThat(opened.pdfSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(opened.bundleSignature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(openLetter.attachment(reader(accounts.memberOf(hospital, Profession.NURSE)), row.id(), 0))
                .isPresent();
    }

    @Test
    void nothingIsSweptOnAStandbyNorWhileAnotherNodeSweeps() throws Exception {
        String dangling = files.keep(bytes("a letter whose transaction failed")).key();
        Clock later = Clock.offset(Clock.systemUTC(), properties.fileGrace().plusHours(1));

        assertThat(sweep(() -> true, later).sweep()).as("a read-only standby").isZero();
        assertThat(blobs.openPart(dangling)).isPresent();
        try (JobLocks.Held otherNode = jobs.tryHold(LetterFileSweep.JOB).orElseThrow()) {
            assertThat(sweep(() -> false, later).runOnOneNode(jobs)).as("another node sweeps").isFalse();
            assertThat(blobs.openPart(dangling)).isPresent();
        }
        assertThat(sweep(() -> false, later).runOnOneNode(jobs)).isTrue();
        assertThat(blobs.openPart(dangling)).isEmpty();
    }

    @Test
    void theGracePeriodIsASettingOfAtLeastTenMinutes() {
        assertThat(properties.fileGrace()).isEqualTo(Duration.ofDays(1));
        assertThat(properties.sweepEvery()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new LettersProperties(Duration.ofMinutes(1),
                Duration.ofHours(1))).hasMessageContaining("musubi.letters.file-grace");
    }

    private LetterFileSweep sweep(java.util.function.BooleanSupplier readOnly, Clock clock) {
        return new LetterFileSweep(blobs, table, readOnly, clock, properties.fileGrace());
    }

    private static LetterRequest withLab(Facility hospital, LetterExchangeIT.Patient patient) {
        return new LetterRequest(LetterKind.INFORMATION, hospital.id(), null, null,
                new Content(null, null, "経過のご報告", null, null, null, null, null, null, null, null, null,
                        List.of(new Attachment("HbA1c", "application/fhir+json", 1, "0".repeat(64),
                                new Attachment.Stored("Observation/" + patient.lab())))), null, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }
}
