package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lab centre's files for a clinic: a CSV and an HL7 v2 file through one "lab" source, a bad row refused alone; each
 * order stored audited once under the patient's regional ID, the refused row not at all.
 */
@MusubiIntegrationTest
class LabImportIT {

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityBatches identities;
    @Autowired AuditRows audit;

    @Test
    void takesCsvAndHl7ResultsAndRefusesOnlyTheBadRow() {
        Facility clinic = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "検査依頼診療所");
        ImportSource source = sources.create(clinic.id(), ImportKind.LAB_HL7, "lab-centre", null, false);
        String patient = "L" + ThreadLocalRandom.current().nextInt(1_000_000);
        String csv = String.join("\r\n", "patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,jlac10,test_name,"
                        + "value,unit,ref_low,ref_high,abnormal_flag",
                patient + ",検査 花子,ケンサ ハナコ,1961-06-0" + (1 + ThreadLocalRandom.current().nextInt(9))
                        + ",F,A100,2026-04-01 08:30,3D046000001920402,HbA1c(NGSP),7.4,%,4.6,6.2,H",
                patient + ",検査 花子,ケンサ ハナコ,1961-06-01,F,A100,2026-04-01 08:30,3D010,グルコース,132,mg/dL,70,109,H");
        String hl7 = String.join("\r", "MSH|^~\\&|LAB|CENTRE|GW|RCV|20260402100000||OUL^R22^OUL_R22|1|P|2.5",
                "PID|0001||" + patient + "^^^^PI||検査^花子^^^^^L^I~ケンサ^ハナコ^^^^^L^P||19610601|F",
                "SPM|1|||023^血清^JC10|||||||||||||202604020900",
                "OBR|1|A200||E001^生化学^99O03|||20260402",
                "ORC|SC|A200",
                "OBX|1|NM|3F077000002327101^LDLコレステロール^JC10||141|mg/dL|70-139|H|||F") + "\r";

        long mark = audit.max();
        ImportBatch batch = imports.run(source, List.of(file("results.csv", csv), file("results.hl7", hl7)).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);

        assertThat(batch.counts().filesDone()).isEqualTo(2);
        assertThat(ledger.problems(batch.id(), true, 0, 10)).extracting(p -> p.row().problem().where().file() + " line "
                + p.row().problem().where().line() + " " + p.row().problem().code()).containsExactly("results.csv line 3 csv.jlac10");
        assertThat(jdbc.sql("""
                SELECT (content::jsonb->'code'->>'text') || ' ' || (content::jsonb->'valueQuantity'->>'value') FROM resource
                WHERE source_facility = ? AND type = 'Observation' AND NOT deleted ORDER BY 1""").param(clinic.id())
                .query(String.class).list()).containsExactly("HbA1c(NGSP) 7.4", "LDLコレステロール 141");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'DiagnosticReport'")
                .param(clinic.id()).query(Long.class).single()).isEqualTo(2);

        BatchAudits.Rows audited = BatchAudits.assertFirstBatch(audit, jdbc, identities, mark, batch, clinic.id(), "LAB_HL7");
        long key = identities.sourcePatients(clinic.id(), List.of(patient)).get(patient).id();
        String regionalId = identities.regionalIdsOf(List.of(key)).get(key);
        assertThat(regionalId).as("the patient is linked to a person").isNotNull();
        assertThat(audited.records()).extracting(r -> r.action() + " " + r.patientId() + " " + r.reason()).containsExactly(
                "CREATE " + regionalId + " import LAB_HL7 lab:csv:A100 (results.csv)",
                "CREATE " + regionalId + " import LAB_HL7 lab:OUL_R22:A200 (results.hl7)");
        assertThat(audited.directory()).isEmpty();
    }

    private static IncomingFile file(String name, String text) {
        return new IncomingFile(SourceFile.of(name, text.getBytes(StandardCharsets.UTF_8)), Instant.now());
    }
}
