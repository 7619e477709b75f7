package org.musubi.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.read.PersonRecord;
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
 * Publishing by hand: a facility with standing (a card-made link, no system of its own) publishes a document and a
 * note, corrects and withdraws them; each is one audit row; another facility's doctor sees what was published, and
 * no longer what was withdrawn; a facility without a link, or a profession the matrix refuses, is answered as for a
 * person who does not exist.
 */
@MusubiIntegrationTest
class PublishIT extends NetworkFixtures {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Publishing publishing;
    @Autowired
    ReadRecords reads;
    @Autowired
    IdentityStore identities;

    record Setting(Facility clinic, User doctor, Facility hospital, User reader, long person, String regionalId) {
    }

    /** A person registered at a hospital and consented; a clinic without a system linked to them with the card. */
    private Setting setting() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        Facility clinic = accounts.newHospital();
        consents.link(person, clinic.id(), accounts.networkAdmin().id());
        return new Setting(clinic, accounts.memberOf(clinic, Profession.DOCTOR), hospital,
                accounts.memberOf(hospital, Profession.DOCTOR), person,
                identities.person(person).orElseThrow().person().regionalId());
    }

    private static Reader reader(User user, Facility facility) {
        return new Reader(user.id(), facility.id(), Purpose.TREATMENT);
    }

    /**
     * Issue 67: withdrawing a publication asks once. One click withdraws nothing and comes back to the publishing page
     * with the question open (the item named, what withdrawing means); only the POST with {@code confirmed=yes}
     * withdraws it.
     */
    @Test
    void withdrawingAPublicationAsksOnceAndOnlyTheConfirmationWithdrawsIt() {
        Setting s = setting();
        String condition = publishing.note(reader(s.doctor(), s.clinic()), s.person(), new Publishing.Note(
                List.of(new Publishing.Diagnosis("取り下げ確認用の高血圧症", "I10")), List.of(), List.of()))
                .orElseThrow().getFirst();
        WebSession web = accounts.signedIn(port, s.doctor());
        String page = "/portal/patients/" + s.person() + "/publish";
        web.get(page);
        String withdraw = page + "/Condition/" + condition + "/withdraw";

        assertThat(WebSession.location(web.post(withdraw))).isEqualTo(page + "?confirm=" + condition);
        assertThat(web.get(page + "?confirm=" + condition).body())
                .contains("<details class=\"confirm\" id=\"withdraw-" + condition + "\" open=\"open\">")
                .contains("「取り下げ確認用の高血圧症")
                .contains("を取り下げます。取り下げると、統合ビューアには表示されなくなります（履歴は残ります）。");
        assertThat(publishing.published(reader(s.doctor(), s.clinic()), s.person()).orElseThrow().items())
                .filteredOn(p -> p.id().equals(condition)).singleElement()
                .satisfies(p -> assertThat(p.withdrawn()).as("not withdrawn without the confirmation").isFalse());

        assertThat(WebSession.location(web.post(withdraw, "confirmed", "yes"))).isEqualTo(page + "?withdrawn");
        assertThat(publishing.published(reader(s.doctor(), s.clinic()), s.person()).orElseThrow().items())
                .filteredOn(p -> p.id().equals(condition)).singleElement()
                .satisfies(p -> assertThat(p.withdrawn()).isTrue());
    }

    @Test
    void aLinkedFacilityPublishesCorrectsAndWithdrawsAndAnotherFacilitySeesIt() {
        Setting s = setting();
        Reader doctor = reader(s.doctor(), s.clinic());

        long before = audit.max();
        String document = publishing.document(doctor, s.person(), new Publishing.Upload("referral.pdf", PDF),
                new Publishing.Described("紹介状（A医院から）", DocumentKind.REFERRAL, LocalDate.of(2026, 11, 20)))
                .orElseThrow();
        List<AuditRows.Row> rows = of(before, s);
        assertThat(rows).filteredOn(r -> r.resourceType().equals(Publishing.TARGET)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("CREATE");
            assertThat(r.outcome()).isEqualTo("PERMIT");
            assertThat(r.patientId()).isEqualTo(s.regionalId());
            assertThat(r.resourceIds()).anyMatch(id -> id.equals("DocumentReference/" + document));
        });
        assertThat(rows).as("the first entry also links the clinic's new source patient, once")
                .filteredOn(r -> !r.resourceType().equals(Publishing.TARGET)).hasSizeLessThanOrEqualTo(1);

        long note = audit.max();
        List<String> lines = publishing.note(doctor, s.person(), new Publishing.Note(
                List.of(new Publishing.Diagnosis("2型糖尿病", "E11"), new Publishing.Diagnosis(" ", null)),
                List.of("ペニシリン", ""), List.of("メトホルミン 500mg 1日2回"))).orElseThrow();
        assertThat(lines).hasSize(3);
        assertThat(of(note, s)).as("one row for the note").singleElement()
                .satisfies(r -> assertThat(r.resourceIds()).hasSize(4)); // three lines and their Provenance

        Reader other = reader(s.reader(), s.hospital());
        List<Outline> seen = reads.readPerson(other, PatientRef.person(s.person()), AuditAction.READ, "Patient",
                PersonRecord::outline).value();
        assertThat(seen).filteredOn(o -> o.sourceFacilityId() == s.clinic().id()).extracting(Outline::type)
                .contains("DocumentReference", "Binary", "Condition", "AllergyIntolerance", "MedicationRequest");
        String condition = lines.getFirst();
        assertThat(json(other, s.person(), condition)).contains("2型糖尿病").contains("E11");
        assertThat(json(other, s.person(), document)).contains("紹介状（A医院から）").contains("57133-1")
                .contains("\"current\"");

        long corrected = audit.max();
        assertThat(publishing.correct(doctor, s.person(), "Condition", condition,
                new Publishing.Described("2型糖尿病（インスリン非依存）", null, null))).isTrue();
        assertThat(of(corrected, s)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("UPDATE");
            assertThat(r.resourceType()).isEqualTo(Publishing.TARGET);
        });
        assertThat(json(other, s.person(), condition)).contains("インスリン非依存");

        long withdrawn = audit.max();
        assertThat(publishing.withdraw(doctor, s.person(), "DocumentReference", document)).isTrue();
        assertThat(of(withdrawn, s)).hasSize(1);
        assertThat(json(other, s.person(), document)).contains("entered-in-error");
        assertThat(publishing.withdraw(doctor, s.person(), "DocumentReference", document))
                .as("a withdrawn publication is not withdrawn again").isFalse();

        Publishing.Listing listing = publishing.published(doctor, s.person()).orElseThrow();
        assertThat(listing.items()).filteredOn(p -> p.id().equals(document)).singleElement().satisfies(p -> {
            assertThat(p.withdrawn()).isTrue();
            assertThat(p.version()).isEqualTo(2);
        });
        assertThat(listing.items()).filteredOn(p -> p.id().equals(condition)).singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo(2));
        assertThat(version(document, 1)).as("the history kept: the first version, as published")
                .contains("\"current\"").contains("紹介状（A医院から）");
    }

    @Test
    void aFacilityWithoutALinkOrAProfessionTheMatrixRefusesIsAnsweredAsForNoSuchPerson() {
        Setting s = setting();
        Facility stranger = accounts.newHospital();
        User outsider = accounts.memberOf(stranger, Profession.DOCTOR);
        User clerk = accounts.memberOf(s.clinic(), Profession.MEDICAL_CLERK);
        Publishing.Note note = new Publishing.Note(List.of(), List.of("卵"), List.of());

        long before = audit.max();
        assertThat(publishing.note(reader(outsider, stranger), s.person(), note)).isEmpty();
        assertThat(publishing.note(reader(outsider, stranger), Long.MAX_VALUE - 7, note)).isEmpty();
        assertThat(publishing.published(reader(outsider, stranger), s.person())).isEmpty();
        assertThat(publishing.note(reader(clerk, s.clinic()), s.person(), note)).as("a clerk sees no allergies")
                .isEmpty();
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.resourceType().startsWith("manual-publication"))
                .hasSize(4).allMatch(r -> r.outcome().equals("DENY"));

        String mine = publishing.note(reader(s.doctor(), s.clinic()), s.person(), note).orElseThrow().getFirst();
        assertThat(publishing.withdraw(reader(outsider, stranger), s.person(), "AllergyIntolerance", mine)).isFalse();
        User hospitalDoctor = s.reader();
        assertThat(publishing.withdraw(reader(hospitalDoctor, s.hospital()), s.person(), "AllergyIntolerance", mine))
                .as("another facility's doctor, with standing, cannot withdraw the clinic's publication").isFalse();
        assertThat(publishing.correct(reader(s.doctor(), s.clinic()), s.person(), "Patient", mine,
                new Publishing.Described("x", null, null))).as("only publications").isFalse();
    }

    @Test
    void contentThatIsNoPdfOrPictureIsRefusedBeforeAnythingIsAudited() {
        Setting s = setting();
        long before = audit.max();
        assertThatThrownBy(() -> publishing.document(reader(s.doctor(), s.clinic()), s.person(),
                new Publishing.Upload("evil.pdf", "<html><script>".getBytes(StandardCharsets.UTF_8)),
                new Publishing.Described("x", DocumentKind.OTHER, LocalDate.of(2026, 1, 1))))
                .isInstanceOf(Publishing.Invalid.class)
                .satisfies(e -> assertThat(((Publishing.Invalid) e).messageKey()).isEqualTo("publish.fault.notPdfOrPicture"));
        assertThatThrownBy(() -> publishing.note(reader(s.doctor(), s.clinic()), s.person(),
                new Publishing.Note(List.of(), List.of(" "), List.of())))
                .isInstanceOf(Publishing.Invalid.class);
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.resourceType().startsWith("manual-publication")).isEmpty();
    }

    /** The audit rows since {@code after} naming the setting's person. */
    private List<AuditRows.Row> of(long after, Setting s) {
        return audit.rowsSince(after).stream().filter(r -> s.regionalId().equals(r.patientId())).toList();
    }

    private String json(Reader reader, long person, String id) {
        Optional<StoredResource> found = reads.readPerson(reader, PatientRef.person(person),
                AuditAction.READ, "Patient", r -> r.contents(List.of(id)).stream().findFirst()).value();
        return found.orElseThrow().json();
    }

    private String version(String id, int version) {
        return jdbc.sql("SELECT content FROM resource_version WHERE id = ? AND version = ?").params(id, version)
                .query(String.class).single();
    }
}
