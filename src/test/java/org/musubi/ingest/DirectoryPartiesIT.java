package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pharmacies, pharmacists, prescribing institutions and doctors of JAHIS dispensings are stored once per
 * importing facility, as directory resources shared by every dispensing and patient of that facility that names them
 * with the same content (their ids are keyed by facility, so one facility's parties are never another's): two
 * pharmacies importing at once (chunks stored side by side) create each of their own exactly once, audited, and
 * importing again creates nothing.
 */
@MusubiIntegrationTest
class DirectoryPartiesIT {

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;

    @Test
    void eachPartyIsStoredOnceForEveryPatientAndFacilityThatNamesIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Facility first = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "共有薬局");
        Facility second = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "共有第二薬局");
        ImportSource a = sources.create(first.id(), ImportKind.JAHIS, "a", null, false);
        ImportSource b = sources.create(second.id(), ImportKind.JAHIS, "b", null, false);
        // The first pharmacy's 300 patients fill two chunks, stored side by side; every notebook names the
        // same hospital and doctor, which the second pharmacy's notebooks name too.
        List<IncomingFile> firstFiles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            firstFiles.add(notebook(Integer.toHexString(0x100 + i), "みなと薬局" + tag, "薬剤師 一郎" + tag, tag));
        }
        List<IncomingFile> secondFiles = List.of(notebook("b00", "しんばし薬局" + tag, "薬剤師 二郎" + tag, tag),
                notebook("b01", "しんばし薬局" + tag, "薬剤師 二郎" + tag, tag));
        long auditBefore = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportBatch> one = pool.submit(() -> run(a, firstFiles));
            Future<ImportBatch> two = pool.submit(() -> run(b, secondFiles));
            assertThat(one.get().status()).isEqualTo(BatchStatus.DONE);
            assertThat(two.get().status()).isEqualTo(BatchStatus.DONE);
            assertThat(one.get().counts().recordsRejected() + two.get().counts().recordsRejected()).isZero();
        } finally {
            pool.shutdown();
        }

        List<String> pharmacies = refs(first, "d->'performer'->0->'actor'->>'reference'");
        List<String> pharmacists = refs(first, "d->'performer'->1->'actor'->>'reference'");
        List<String> institutions = refs(first, "d->'contained'->0->'organization'->>'reference'");
        List<String> doctors = refs(first, "d->'contained'->0->'practitioner'->>'reference'");
        assertThat(pharmacies).hasSize(3_000).containsOnly(pharmacies.getFirst());
        assertThat(pharmacists).hasSize(3_000).containsOnly(pharmacists.getFirst());
        assertThat(institutions).hasSize(3_000).containsOnly(institutions.getFirst());
        assertThat(doctors).hasSize(3_000).containsOnly(doctors.getFirst());
        List<String> secondsInstitutions = refs(second, "d->'contained'->0->'organization'->>'reference'");
        List<String> secondsDoctors = refs(second, "d->'contained'->0->'practitioner'->>'reference'");
        assertThat(secondsInstitutions).as("the same hospital, the second pharmacy's own").hasSize(20)
                .containsOnly(secondsInstitutions.getFirst()).doesNotContain(institutions.getFirst());
        assertThat(secondsDoctors).hasSize(20).containsOnly(secondsDoctors.getFirst()).doesNotContain(doctors.getFirst());
        String otherPharmacy = refs(second, "d->'performer'->0->'actor'->>'reference'").getFirst();
        assertThat(otherPharmacy).isNotEqualTo(pharmacies.getFirst());

        Set<String> firsts = Set.of(pharmacies.getFirst(), pharmacists.getFirst(), institutions.getFirst(), doctors.getFirst());
        Set<String> seconds = Set.of(otherPharmacy, refs(second, "d->'performer'->1->'actor'->>'reference'").getFirst(),
                secondsInstitutions.getFirst(), secondsDoctors.getFirst());
        Set<String> named = new HashSet<>(firsts);
        named.addAll(seconds);
        assertThat(named).hasSize(8);
        for (String ref : named) {
            String[] typeAndId = ref.split("/");
            long owner = (firsts.contains(ref) ? first : second).id();
            assertThat(jdbc.sql("SELECT patient_key || ' ' || type || ' ' || version || ' ' || deleted || ' ' || source_facility"
                    + " FROM resource WHERE id = ?").param(typeAndId[1]).query(String.class).list()).as(ref)
                    .containsExactly("0 " + typeAndId[0] + " 1 false " + owner);
        }
        assertThat(jdbc.sql("SELECT content::jsonb->>'name' FROM resource WHERE id = ?")
                .param(pharmacies.getFirst().split("/")[1]).query(String.class).single()).isEqualTo("みなと薬局" + tag);
        assertThat(jdbc.sql("SELECT content::jsonb->>'name' FROM resource WHERE id = ?")
                .param(institutions.getFirst().split("/")[1]).query(String.class).single()).isEqualTo("共有病院" + tag);
        List<String> audited = directoryAudits(auditBefore);
        assertThat(audited).as("each created once, and audited once").containsExactlyInAnyOrderElementsOf(named);

        long auditAgain = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        List<IncomingFile> changed = List.of(notebook("100", "みなと薬局" + tag, "薬剤師 一郎" + tag, tag + "再"));
        assertThat(run(a, changed).status()).isEqualTo(BatchStatus.DONE);
        assertThat(run(b, secondFiles).counts().filesSkipped()).isEqualTo(2);
        assertThat(directoryAudits(auditAgain)).as("only the doctor of the changed notebook is new")
                .singleElement().asString().startsWith("Practitioner/");
    }

    /**
     * A notebook of one patient: ten dispensings at {@code pharmacy} prescribed at the shared hospital, so
     * 300 notebooks are 3,300 records, more than one chunk.
     */
    private static IncomingFile notebook(String patient, String pharmacy, String pharmacist, String tag) {
        StringBuilder kana = new StringBuilder();
        for (char c : patient.toCharArray()) {
            kana.append("アイウエオカキクケコサシスセソタ".charAt(Character.digit(c, 16) < 0 ? 0 : Character.digit(c, 16)));
        }
        List<String> lines = new ArrayList<>(List.of("JAHISTC08,1", "1,共有 " + kana + ",2,19660303,,,,,,,キョウユウ " + kana));
        for (int day = 1; day <= 10; day++) {
            lines.addAll(List.of(String.format("5,202601%02d,1", day), "11," + pharmacy + ",34,4,1234567,,,082-000-0000,1",
                    "15," + pharmacist + ",082-000-0000,1", "51,共有病院" + tag.substring(0, 8) + ",34,1,7654321,1",
                    "55,共有 医師" + tag + ",内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                    "301,1,朝食後,28,日分,1,1,,1"));
        }
        String text = String.join("\r\n", lines) + "\r\n";
        return new IncomingFile(SourceFile.of(patient + ".txt", text.getBytes(StandardCharsets.UTF_8)), Instant.now());
    }

    private ImportBatch run(ImportSource source, List<IncomingFile> files) {
        return imports.run(source, files.iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
    }

    /** A reference every live MedicationDispense of {@code facility} holds at {@code path} (over {@code d}). */
    private List<String> refs(Facility facility, String path) {
        return jdbc.sql("SELECT " + path + " FROM resource, LATERAL (SELECT content::jsonb AS d) AS p"
                + " WHERE source_facility = ? AND type = 'MedicationDispense' AND NOT deleted")
                .param(facility.id()).query(String.class).list();
    }

    /** The resources named by the import audit rows for directory resources written after {@code seq}. */
    private List<String> directoryAudits(long seq) {
        return jdbc.sql("SELECT unnest(resource_ids) FROM audit_event WHERE seq > ? AND reason = 'import JAHIS directory'")
                .param(seq).query(String.class).list();
    }
}
