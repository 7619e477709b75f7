package org.musubi.policy.disclosure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.registry.Profession;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V88 (issue 68): every letter, consultation thread, reading request, programme entry, Box file about a
 * person and municipal document made before it gets the disclosure its wing now writes when it makes one — read back
 * by id as the value each wing built until then — and a Box file about nobody gets none.
 */
class DisclosureMigrationIT {

    private static final UUID LETTER = UUID.randomUUID();
    private static final UUID THREAD = UUID.randomUUID();
    private static final UUID FILE = UUID.randomUUID();
    private static final UUID NOBODYS_FILE = UUID.randomUUID();
    private static final UUID OPINION = UUID.randomUUID();
    private static final UUID SHEET = UUID.randomUUID();

    @Test
    void theRowsMadeBeforeGetTheDisclosureTheirWingNowWrites() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "87");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            long hospital = facility(jdbc, "HOSPITAL");
            long centre = facility(jdbc, "HOSPITAL");
            long municipality = facility(jdbc, "MUNICIPALITY");
            long patient = jdbc.queryForObject("INSERT INTO source_patient (facility_id, local_id) VALUES (?, 'p1')"
                    + " RETURNING id", Long.class, hospital);
            jdbc.update("INSERT INTO imaging_study (study_uid, resource_id, source_patient_id, facility_id)"
                    + " VALUES ('1.2.3', 'is1', ?, ?)", patient, hospital);
            long person = 42;
            jdbc.update("""
                    INSERT INTO letter (id, person_id, patient_key, sender_facility, sender_user, addressee_facility,
                        kind, year, seq, document_id, task_id, patient_name, birth_date, author_name, document_blob,
                        status, sent_at, updated_at)
                    VALUES (?, ?, ?, ?, 7, ?, 'REFERRAL', 2026, 1, 'b1', 't1', '結 花子', '1950-01-01', '医師',
                        'blob', 'REQUESTED', now(), now())""", LETTER, person, patient, hospital, centre);
            jdbc.update("""
                    INSERT INTO consult_thread (id, person_id, patient_key, asking_facility, asking_user,
                        addressee_facility, addressee_user, subject, patient_name, header_id, status, created_at,
                        updated_at)
                    VALUES (?, ?, ?, ?, 7, ?, 8, '相談', '結 花子', 'h1', 'OPEN', now(), now())""",
                    THREAD, person, patient, hospital, centre);
            long request = jdbc.queryForObject("""
                    INSERT INTO reading_request (study_uid, person_id, requester_patient_id, requester_facility,
                        requester_user, centre_facility, status, question, requested_at, updated_at)
                    VALUES ('1.2.3', ?, ?, ?, 7, ?, 'REQUESTED', '読影依頼', now(), now()) RETURNING id""",
                    Long.class, person, patient, hospital, centre);
            long programme = jdbc.queryForObject("""
                    INSERT INTO reading_programme (name, kind, modality, centre_facility, chief_user)
                    VALUES ('胃内視鏡検診', 'GASTRIC_ENDOSCOPY', 'ES', ?, 9) RETURNING id""", Long.class, centre);
            long entry = jdbc.queryForObject("""
                    INSERT INTO reading_double (programme_id, study_uid, person_id, submitter_patient_id,
                        submitter_facility, submitter_user, first_reader, second_reader, submitted_at)
                    VALUES (?, '1.2.3', ?, ?, ?, 7, 10, 11, now()) RETURNING id""",
                    Long.class, programme, person, patient, hospital);
            jdbc.update("""
                    INSERT INTO box_file (id, sender_user, sender_facility, name, content_type, size, sha256,
                        scan_status, uploaded_at, expires_at, person_id)
                    VALUES (?, 7, ?, 'a.pdf', 'application/pdf', 1, 'x', 'CLEAN', now(),
                        '2026-12-01T00:00:00Z', ?)""", FILE, hospital, person);
            jdbc.update("""
                    INSERT INTO box_file (id, sender_user, sender_facility, name, content_type, size, sha256,
                        scan_status, uploaded_at, expires_at)
                    VALUES (?, 7, ?, 'b.pdf', 'application/pdf', 1, 'x', 'CLEAN', now(), now())""",
                    NOBODYS_FILE, hospital);
            jdbc.update("""
                    INSERT INTO municipal_document (id, kind, person_id, from_facility, from_user, to_facility,
                        to_user, status, patient_name)
                    VALUES (?, 'OPINION', ?, ?, 12, ?, 8, 'REQUESTED', '結 花子')""",
                    OPINION, person, municipality, hospital);
            jdbc.update("""
                    INSERT INTO municipal_document (id, kind, person_id, from_facility, from_user, to_facility,
                        status, patient_name)
                    VALUES (?, 'DISCHARGE_SHEET', ?, ?, 7, ?, 'RECEIVED', '結 花子')""",
                    SHEET, person, hospital, municipality);

            SchemaAt.migrate(source, "latest");

            JdbcDisclosureRows rows = new JdbcDisclosureRows(JdbcClient.create(source));
            assertThat(made(rows, "letter:" + LETTER))
                    .isEqualTo(Disclosure.letter(person, patient, centre).from(hospital));
            assertThat(made(rows, "consultation:" + THREAD))
                    .isEqualTo(Disclosure.consultation(person, patient, centre).from(hospital));
            assertThat(made(rows, "reading-request:" + request))
                    .isEqualTo(Disclosure.reading(person, patient, centre).from(hospital));
            assertThat(made(rows, "programme-entry:" + entry))
                    .isEqualTo(Disclosure.reading(person, patient, centre).from(hospital));
            assertThat(made(rows, "box-file:" + FILE)).isEqualTo(Disclosure.file(person, hospital));
            assertThat(rows.idOf("box-file:" + NOBODYS_FILE)).as("a file about nobody discloses nothing").isEmpty();
            assertThat(made(rows, "municipal-document:" + OPINION)).isEqualTo(Disclosure.document(person, hospital,
                    8L, DocumentKind.OPINION.addresseeReaders()).from(municipality));
            assertThat(made(rows, "municipal-document:" + OPINION + ":sender")).isEqualTo(Disclosure.document(person,
                    municipality, null, DocumentKind.OPINION.senderReaders()).from(municipality));
            assertThat(made(rows, "municipal-document:" + SHEET)).isEqualTo(Disclosure.document(person, municipality,
                    null, DocumentKind.DISCHARGE_SHEET.addresseeReaders()).from(hospital));
            assertThat(made(rows, "municipal-document:" + SHEET + ":sender")).isEqualTo(Disclosure.document(person,
                    hospital, null, DocumentKind.DISCHARGE_SHEET.senderReaders()).from(hospital));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM disclosure", Long.class)).isEqualTo(9);
            assertThat(jdbc.queryForList("SELECT coalesce(purpose, '-') || ' ' || coalesce(to_char(until AT TIME ZONE"
                    + " 'UTC', 'YYYY-MM-DD'), '-') FROM disclosure WHERE source IN (?, ?, ?) ORDER BY source",
                    String.class, "box-file:" + FILE, "letter:" + LETTER, "programme-entry:" + entry))
                    .containsExactly("- 2026-12-01", "REFERRAL -", "GASTRIC_ENDOSCOPY -");
        }
    }

    @Test
    void theBackfillNamesEachDocumentKindsReadersAsTheKindDoes() {
        // the migration writes the readers of DocumentKind by name: this test fails when the enum changes them
        assertThat(DocumentKind.OPINION.addresseeReaders()).isEqualTo(Set.of(Profession.DOCTOR));
        assertThat(DocumentKind.OPINION.senderReaders())
                .isEqualTo(Set.of(Profession.MUNICIPAL_STAFF, Profession.PUBLIC_HEALTH_NURSE));
        assertThat(DocumentKind.DISCHARGE_SHEET.addresseeReaders()).isEqualTo(Set.of(Profession.CARE_MANAGER));
        assertThat(DocumentKind.DISCHARGE_SHEET.senderReaders()).isEqualTo(Set.of(Profession.DOCTOR,
                Profession.NURSE, Profession.PUBLIC_HEALTH_NURSE, Profession.MEDICAL_CLERK));
        assertThat(List.of(DisclosureKind.values())).extracting(Enum::name)
                .containsExactly("LETTER", "CONSULTATION", "READING", "FILE", "DOCUMENT");
    }

    private static Disclosure made(JdbcDisclosureRows rows, String source) {
        return rows.find(rows.idOf(source).orElseThrow()).orElseThrow();
    }

    private static long facility(JdbcTemplate jdbc, String kind) {
        return jdbc.queryForObject("INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)"
                + " VALUES ('施設', 'シセツ', ?, 13, true, true) RETURNING id", Long.class, kind);
    }
}
