package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.checkup.CheckupSamples;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team's synthetic 特定健診 files through the whole import into a checkup centre: three documents and a
 * submission ZIP stored under their examinees with the values they state, body measurements and blood pressure as
 * vital signs, the bad result of one document rejected alone with its element; each document audited once, the
 * organisations created once ({@link BatchAudits}); the same files again, or the same results in another file, change
 * nothing and leave no audit row; a corrected document updates its results.
 */
@MusubiIntegrationTest
class CheckupImportIT {

    static final String ZIP_FOLDER = "submission.zip!/3420000099_06349901_202508151_1/";

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityBatches identities;
    @Autowired AuditRows audit;

    private Facility centre;
    private ImportSource source;

    @BeforeEach
    void setUp() {
        centre = ImportFacilities.fresh(facilities, FacilityKind.CHECKUP_CENTRE, "むすび健診センター");
        source = sources.create(centre.id(), ImportKind.CHECKUP, "checkup-centre", null, false);
    }

    @Test
    void storesTheSamplesUnderTheirExamineesAndRejectsTheBadResultAlone() {
        long mark = audit.max();
        ImportBatch batch = run(samples());

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().filesDone()).isEqualTo(4);
        assertThat(batch.counts().recordsStored()).as("five documents").isEqualTo(5);
        assertThat(batch.counts().recordsRejected()).as("one result").isEqualTo(1);
        assertThat(batch.counts().warnings()).as("the submission's index, summary and claim").isEqualTo(3);
        ImportLedger.StoredProblem bad = ledger.problems(batch.id(), true, 0, 10).getFirst();
        assertThat(ledger.problems(batch.id(), true, 0, 10)).hasSize(1);
        assertThat(bad.row().problem().where().file()).isEqualTo(ZIP_FOLDER + "DATA/h34200000992025081510000002.xml");
        assertThat(bad.row().problem().where().record()).isEqualTo("observation 3D010000001926101");
        assertThat(bad.row().problem().where().field()).isEqualTo("value/@value");
        assertThat(bad.row().problem().japanese()).isEqualTo("value/@value の「九十」は数値ではありません。");
        assertThat(bad.row().raw()).contains("九十");
        assertThat(ledger.problems(batch.id(), false, 0, 10)).extracting(p -> p.row().problem().where().file())
                .contains(ZIP_FOLDER + "index.xml", ZIP_FOLDER + "summary.xml");

        assertThat(observations()).hasSize(20 + 14 + 2 + 2 + 1).contains("身長 171.2 cm VITALS", "収縮期血圧(1回目) 138 mmHg VITALS",
                "中性脂肪(トリグリセリド) 165 mg/dl LAB_RESULTS", "中性脂肪(トリグリセリド) 2000 mg/dl LAB_RESULTS",
                "尿糖(機械読み取り) － LAB_RESULTS", "尿糖(機械読み取り) ＋ LAB_RESULTS", "HDLコレステロール - LAB_RESULTS",
                "メタボリックシンドローム判定 予備群該当 LAB_RESULTS",
                // the minimal document sends its items without a name: the spec's name (issue 38)
                "腹囲（実測） 79 cm VITALS", "空腹時血糖（電位差法） 92 mg/dl LAB_RESULTS");
        assertThat(count("Encounter")).isEqualTo(5);
        assertThat(count("DiagnosticReport")).isEqualTo(5);

        BatchAudits.Rows audited = BatchAudits.assertFirstBatch(audit, jdbc, identities, mark, batch, centre.id(), "CHECKUP");
        assertThat(audited.records()).extracting(AuditRows.Row::reason).containsExactlyInAnyOrder(
                "import CHECKUP checkup:10:20250612:3420000099 (h-male-typical.xml)",
                "import CHECKUP checkup:10:20250701:3420000099 (h-female-coded.xml)",
                "import CHECKUP checkup:10:20250728:3420000099 (h-minimal.xml)",
                "import CHECKUP checkup:10:20250810:3420000099 (submission.zip)",
                "import CHECKUP checkup:10:20250811:3420000099 (submission.zip)");
        assertThat(audited.records()).extracting(AuditRows.Row::patientId).as("each examinee linked to a person")
                .doesNotContainNull().doesNotHaveDuplicates();
        assertThat(audited.directory()).as("the organisation as the documents name it, created once")
                .flatExtracting(AuditRows.Row::resourceIds).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM source_patient WHERE facility_id = ?").param(centre.id())
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theSameFilesAgainOrTheSameResultsInAnotherFileStoreNothingNew() {
        run(samples());
        long versions = versions();
        long mark = audit.max();

        ImportBatch again = run(samples());
        String male = CheckupSamples.text(CheckupSamples.MALE);
        ImportBatch copied = run(List.of(file("copy-of-male.xml", male.replace("written by the Musubi team", "sent again"))));

        assertThat(again.counts().filesSkipped()).isEqualTo(4);
        assertThat(copied.counts().filesDone()).isEqualTo(1);
        assertThat(copied.counts().recordsUnchanged()).isEqualTo(1);
        assertThat(copied.counts().resourcesWritten()).isZero();
        assertThat(versions()).isEqualTo(versions);
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).as("nothing changed, nothing audited").isEmpty();
    }

    @Test
    void aCorrectedDocumentUpdatesItsResults() {
        run(samples());
        long mark = audit.max();

        String male = CheckupSamples.text(CheckupSamples.MALE);
        ImportBatch corrected = run(List.of(file("h-male-corrected.xml", male.replace("value=\"72.4\"", "value=\"70.9\""))));

        assertThat(corrected.counts().recordsStored()).isEqualTo(1);
        assertThat(observations()).contains("体重 70.9 kg VITALS").doesNotContain("体重 72.4 kg VITALS");
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("UPDATE");
            assertThat(r.reason()).isEqualTo("import CHECKUP checkup:10:20250612:3420000099 (h-male-corrected.xml)");
        });
    }

    private List<IncomingFile> samples() {
        return List.of(sample(CheckupSamples.MALE), sample(CheckupSamples.FEMALE), sample(CheckupSamples.MINIMAL),
                new IncomingFile(SourceFile.of("submission.zip", CheckupSamples.zip(CheckupSamples.SUBMISSION, Map.of())),
                        Instant.now()));
    }

    private static IncomingFile sample(String name) {
        return new IncomingFile(SourceFile.of(name, CheckupSamples.bytes(name)), Instant.now());
    }

    private static IncomingFile file(String name, String text) {
        return new IncomingFile(SourceFile.of(name, text.getBytes(StandardCharsets.UTF_8)), Instant.now());
    }

    private ImportBatch run(List<IncomingFile> files) {
        return imports.run(source, files.iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
    }

    /** Each stored Observation as "name value unit category" ({@code -} for an absent value). */
    private List<String> observations() {
        return jdbc.sql("""
                SELECT (o->'code'->>'text') || ' ' || coalesce(o->'valueQuantity'->>'value', o->'valueCodeableConcept'->>'text',
                  o->>'valueString', '-') || coalesce(' ' || (o->'valueQuantity'->>'unit'), '') || ' ' || category
                FROM resource, LATERAL (SELECT content::jsonb AS o) AS parsed
                WHERE source_facility = ? AND type = 'Observation' AND NOT deleted""").param(centre.id()).query(String.class).list();
    }

    private long count(String type) {
        return jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = ? AND NOT deleted")
                .params(centre.id(), type).query(Long.class).single();
    }

    /** Every version stored: the current ones (resource) and the earlier ones (resource_version). */
    private long versions() {
        return jdbc.sql("SELECT (SELECT count(*) FROM resource WHERE source_facility = ?) + (SELECT count(*)"
                + " FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id"
                + " WHERE r.source_facility = ?)").params(centre.id(), centre.id()).query(Long.class).single();
    }
}
