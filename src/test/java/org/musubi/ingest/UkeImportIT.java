package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team's synthetic UKE files (written from the 記録条件仕様) through the whole import: a clinic's months (医科, one
 * DPC stay), a pharmacy's (調剤); each receipt audited once; a month re-sent — the same file, the same receipts
 * renumbered, a correction claimed later — leaves no duplicate and removes what the correction no longer has; a bad
 * record rejects its receipt alone with file, line, record type and field.
 */
@MusubiIntegrationTest
class UkeImportIT {

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityBatches identities;
    @Autowired AuditRows audit;

    private Facility clinic;
    private ImportSource source;

    @BeforeEach
    void setUp() {
        clinic = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "むすび内科");
        source = sources.create(clinic.id(), ImportKind.UKE, "receipts", null, false);
    }

    private UkeFiles april(String claim, boolean corrected) {
        UkeFiles file = UkeFiles.medical(code(), "むすび内科", claim)
                .re(1, "1112", "202404", "宇化　一郎", "1", "3450101", "K-0001", "ｳｹ ｲﾁﾛｳ")
                .ho("06340001", "記号", "1234", 2, 1200).sn("06340001", "記号", "1234", "01")
                .sy("8841934", "20240401", "1", "", corrected ? "本態性高血圧症" : "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 2, Map.of(1, 1, 15, 1))
                .item("IY", "21", "610406079", "1", 5, 14, Map.of(1, 14));
        if (!corrected) {
            file.to("40", "700590000", "1", 10, 1, "ガーゼ", Map.of(15, 1));
        }
        return file.re(2, "1211", "202404", "宇化　花子", "2", "19880229", "", "")
                .ko("54340012", "1234567", 3, 900)
                .record("BU", "040080xx99x0xx", "20240403", "20240409", "1", "0")
                .sy("4660007", "20240403", "2", "", "肺炎", "01", "")
                .item("SI", "50", "150000110", "", 500, 1, Map.of(3, 1))
                .go(2, 2100);
    }

    private UkeFiles may() {
        return UkeFiles.medical(code(), "むすび内科", "202406")
                .re(1, "1112", "202405", "宇化　一郎", "1", "3450101", "K-0001", "ｳｹ ｲﾁﾛｳ")
                .ho("06340001", "記号", "1234", 1, 73).sn("06340001", "記号", "1234", "01")
                .sy("8841934", "20240401", "1", "", "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(13, 1))
                .co("", "", "来月検査予定")
                .go(1, 73);
    }

    @Test
    void storesAClinicsMonthsReceiptByReceipt() {
        long mark = audit.max();
        ImportBatch batch = run(file("clinic-202404.UKE", april("202405", false)), file("clinic-202405.UKE", may()));

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().filesDone()).isEqualTo(2);
        assertThat(batch.counts().recordsStored()).isEqualTo(3);
        assertThat(batch.counts().recordsRejected()).isZero();
        assertThat(count("Encounter")).as("visits 4/1, 4/15, 4/3 (DPC), 5/13 and the DPC stay").isEqualTo(5);
        assertThat(count("Condition")).isEqualTo(3);
        assertThat(count("Procedure")).as("再診 twice, the gauze, the DPC day, May's 再診").isEqualTo(5);
        assertThat(count("MedicationRequest")).isEqualTo(1);
        assertThat(count("Communication")).as("a comment of no 診療識別 after the last 剤 closed: the receipt's").isEqualTo(1);
        assertThat(jdbc.sql("SELECT content::jsonb->'payload'->0->>'contentString' FROM resource WHERE source_facility = ?"
                + " AND source_key = 'uke:202405:1112/comment'").param(clinic.id()).query(String.class)
                .single()).isEqualTo("来月検査予定");
        assertThat(jdbc.sql("SELECT content::jsonb->'code'->>'text' FROM resource WHERE source_facility = ?"
                + " AND source_key = 'uke:202405:1112/SI/12/112007410/2024-05-13'").param(clinic.id()).query(String.class)
                .single()).as("named from the receipt masters").isEqualTo("再診料");
        assertThat(jdbc.sql("SELECT content::jsonb->'code'->'coding'->0->>'code' || ' ' || (content::jsonb->'code'->>'text') || ' '"
                        + " || (content::jsonb->>'onsetDateTime') FROM resource WHERE source_facility = ? AND type = 'Condition'"
                        + " AND source_key = 'uke:202404:1112/diagnosis/8841934/'").param(clinic.id()).query(String.class).single())
                .isEqualTo("8841934 高血圧症 2024-04-01");
        assertThat(jdbc.sql("SELECT content::jsonb->'type'->0->'coding'->0->>'code' FROM resource WHERE source_facility = ?"
                + " AND source_key = 'uke:202404:1211/stay'").param(clinic.id()).query(String.class).single())
                .isEqualTo("040080xx99x0xx");
        assertThat(jdbc.sql("SELECT count(*) FROM source_patient WHERE facility_id = ?").param(clinic.id())
                .query(Long.class).single()).as("the same カルテ番号 in both months is one patient").isEqualTo(2);
        assertThat(jdbc.sql("SELECT content::jsonb::text FROM resource WHERE source_facility = ? AND type = 'Patient'"
                + " AND content::jsonb::text LIKE '%K-0001%'").param(clinic.id()).query(String.class).single())
                .as("the Patient stored as sent, its insured-person number too")
                .contains("06340001:記号:1234:01", "JP_Insurance_memberID");
        assertThat(jdbc.sql("SELECT count(*) FROM source_patient_insured i JOIN source_patient s ON s.id = i.source_patient_id"
                + " WHERE s.facility_id = ? AND s.local_id = 'K-0001' AND i.member_hash IS NOT NULL").param(clinic.id())
                .query(Long.class).single()).as("and kept hashed, for 名寄せ").isEqualTo(1);

        BatchAudits.Rows audited = BatchAudits.assertFirstBatch(audit, jdbc, identities, mark, batch, clinic.id(), "UKE");
        assertThat(audited.records()).extracting(AuditRows.Row::reason).containsExactlyInAnyOrder(
                "import UKE uke:202404:1112 (clinic-202404.UKE)", "import UKE uke:202404:1211 (clinic-202404.UKE)",
                "import UKE uke:202405:1112 (clinic-202405.UKE)");
    }

    @Test
    void aMonthSentAgainLeavesNoDuplicateAndACorrectionReplacesIt() {
        run(file("clinic-202404.UKE", april("202405", false)));
        long resources = all();

        ImportBatch same = run(file("clinic-202404.UKE", april("202405", false)));
        String renumbered = april("202405", false).text().replace("RE,1,1112", "RE,9,1112").replace("RE,2,1211", "RE,8,1211");
        ImportBatch again = run(new IncomingFile(SourceFile.of("resent.UKE", renumbered.getBytes(UkeFiles.SHIFT_JIS)),
                Instant.now()));
        assertThat(same.counts().filesSkipped()).isEqualTo(1);
        assertThat(again.counts().recordsUnchanged()).isEqualTo(2);
        assertThat(again.counts().resourcesWritten()).isZero();
        assertThat(all()).isEqualTo(resources);

        long mark = audit.max();
        ImportBatch corrected = run(file("clinic-202404-saiseikyu.UKE", april("202406", true)));
        assertThat(corrected.counts().recordsStored()).as("the changed receipt").isEqualTo(1);
        assertThat(corrected.counts().recordsUnchanged()).as("the DPC receipt: the same content, claimed later").isEqualTo(1);
        assertThat(count("Procedure")).as("the gauze removed").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND deleted AND source_key LIKE '%/TO/%'")
                .param(clinic.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT content::jsonb->'code'->>'text' FROM resource WHERE source_facility = ? AND type = 'Condition'"
                + " AND source_key = 'uke:202404:1112/diagnosis/8841934/'").param(clinic.id()).query(String.class).single())
                .isEqualTo("本態性高血圧症");
        assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT (patient_key, type, source_key)) FROM resource"
                + " WHERE source_facility = ?").param(clinic.id()).query(Long.class).single()).as("no duplicates").isZero();
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).extracting(AuditRows.Row::reason).contains(
                "import UKE uke:202404:1112 (clinic-202404-saiseikyu.UKE)");

        ImportBatch older = run(file("clinic-202404-old.UKE", april("202405", false).record("GO", "2", "0", "99")));
        assertThat(older.counts().recordsUnchanged()).as("a receipt claimed earlier does not undo the correction")
                .isEqualTo(2);
        assertThat(count("Procedure")).isEqualTo(3);
    }

    /**
     * 返戻: the payer returns 花子's April receipt. Re-claimed (再請求) in July's file beside June's receipts, it replaces
     * the April receipt and nothing else; 一郎's April receipt, absent from July's file, stays. A returned receipt that is
     * never re-claimed stays too: the care happened, whatever became of the claim. And April's claim file sent again
     * without 花子's receipt leaves her re-claimed receipt alone: it belongs to July's claim now (and is a DPC receipt,
     * which no file's scope takes back).
     */
    @Test
    void aReturnedReceiptIsReplacedOnlyByItsReclaimAndOtherwiseStays() {
        run(file("clinic-202404.UKE", april("202405", false)));
        String ichiroApril = "uke:202404:1112/SI/12/112007410/2024-04-15";
        String hanakoApril = "uke:202404:1211/SI/50/150000110/2024-04-03";
        assertThat(live(ichiroApril)).isEqualTo(1);
        assertThat(live(hanakoApril)).isEqualTo(1);

        UkeFiles july = UkeFiles.medical(code(), "むすび内科", "202407")
                .re(1, "1112", "202406", "宇化　一郎", "1", "3450101", "K-0001", "ｳｹ ｲﾁﾛｳ")
                .ho("06340001", "記号", "1234", 1, 73).sn("06340001", "記号", "1234", "01")
                .sy("8841934", "20240401", "1", "", "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(10, 1))
                .re(2, "1211", "202404", "宇化　花子", "2", "19880229", "", "")
                .ko("54340012", "1234567", 3, 900)
                .record("BU", "040080xx99x0xx", "20240403", "20240409", "1", "")
                .sy("4660007", "20240403", "2", "", "肺炎", "01", "")
                .item("SI", "50", "150000110", "", 500, 1, Map.of(4, 1))
                .go(2, 573);
        ImportBatch reclaimed = run(file("clinic-202406.UKE", july));

        assertThat(reclaimed.counts().recordsStored()).isEqualTo(2);
        assertThat(live(hanakoApril)).as("the re-claimed receipt moved the procedure to 4/4").isZero();
        assertThat(live("uke:202404:1211/SI/50/150000110/2024-04-04")).isEqualTo(1);
        assertThat(live(ichiroApril)).as("a receipt the later file does not carry stays").isEqualTo(1);
        assertThat(live("uke:202406:1112/SI/12/112007410/2024-06-10")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT (patient_key, type, source_key)) FROM resource"
                + " WHERE source_facility = ?").param(clinic.id()).query(Long.class).single()).as("no duplicates").isZero();

        String withoutHanako = april("202405", false).text();
        withoutHanako = withoutHanako.substring(0, withoutHanako.indexOf("RE,2,1211")) + "GO,1,1200,99\r\n";
        ImportBatch resent = run(new IncomingFile(SourceFile.of("clinic-202404-resent.UKE",
                withoutHanako.getBytes(UkeFiles.SHIFT_JIS)), Instant.now()));
        assertThat(resent.counts().recordsUnchanged()).isEqualTo(1);
        assertThat(live("uke:202404:1211/SI/50/150000110/2024-04-04"))
                .as("not removed by a file that leaves it out").isEqualTo(1);
    }

    /**
     * 取り下げ: a claim month's file sent again without a receipt it carried before takes that receipt back — its
     * resources deleted, one DELETE audit row —, while the month's other receipts, another claim month's receipts and
     * another payer's file of the same month are untouched; a file cut short (no trailer) takes nothing back; the
     * receipt sent once more comes back, without duplicates.
     */
    @Test
    void aClaimMonthSentAgainWithoutAReceiptTakesItBack() {
        run(file("clinic-202404.UKE", twoPatients("202405", true, true)));
        run(file("clinic-202403.UKE", UkeFiles.medical(code(), "むすび内科", "202404")
                .re(1, "1112", "202403", "宇化　一郎", "1", "3450101", "K-0001", "ｳｹ ｲﾁﾛｳ")
                .ho("06340001", "記号", "1234", 1, 73).sn("06340001", "記号", "1234", "01")
                .sy("8841934", "20240301", "1", "", "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(7, 1))
                .go(1, 73)));
        String jiro = "uke:202404:1112/SI/12/112007410/2024-04-05";
        String ichiro = "uke:202404:1112/SI/12/112007410/2024-04-15";
        String ichiroMarch = "uke:202403:1112/SI/12/112007410/2024-03-07";
        assertThat(live(jiro)).isEqualTo(1);

        String cut = twoPatients("202405", true, false).text();
        cut = cut.substring(0, cut.indexOf("GO,"));
        ImportBatch shortFile = run(new IncomingFile(SourceFile.of("clinic-202404-cut.UKE", cut.getBytes(UkeFiles.SHIFT_JIS)),
                Instant.now()));
        assertThat(shortFile.counts().recordsDeleted()).as("a file without its trailer takes nothing back").isZero();
        String otherPayer = UkeFiles.medical(code(), "むすび内科", "202405")
                .re(1, "1112", "202404", "宇化　三郎", "1", "3550707", "K-0003", "ｳｹ ｻﾌﾞﾛｳ")
                .ho("67340012", "", "9012", 1, 73)
                .sy("8841934", "20240408", "1", "", "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(8, 1))
                .go(1, 73).text().replaceFirst("^IR,1,", "IR,2,");
        ImportBatch kokuho = run(new IncomingFile(SourceFile.of("clinic-202404-kokuho.UKE",
                otherPayer.getBytes(UkeFiles.SHIFT_JIS)), Instant.now()));
        assertThat(kokuho.counts().recordsDeleted()).as("another payer's file of the month").isZero();
        assertThat(live(ichiro)).isEqualTo(1);

        long mark = audit.max();
        ImportBatch resent = run(file("clinic-202404-resent.UKE", twoPatients("202405", true, false)));
        assertThat(resent.counts().recordsDeleted()).isEqualTo(1);
        assertThat(live(jiro)).as("次郎's receipt taken back").isZero();
        assertThat(live(ichiro)).as("the month's other receipt").isEqualTo(1);
        assertThat(live(ichiroMarch)).as("another claim month's receipt").isEqualTo(1);
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).filteredOn(r -> r.action().equals("DELETE"))
                .extracting(AuditRows.Row::reason).containsExactly("import UKE uke:202404:1112 (clinic-202404-resent.UKE)");

        ImportBatch again = run(file("clinic-202404-again.UKE", twoPatients("202405", true, true)));
        assertThat(again.counts().recordsStored()).as("the receipt sent once more").isEqualTo(1);
        assertThat(live(jiro)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT (patient_key, type, source_key)) FROM resource"
                + " WHERE source_facility = ?").param(clinic.id()).query(Long.class).single()).as("no duplicates").isZero();
    }

    /** A claim month's 医科 file (no DPC receipt) with 一郎's April receipt and, when asked, 次郎's. */
    private UkeFiles twoPatients(String claim, boolean withIchiro, boolean withJiro) {
        UkeFiles file = UkeFiles.medical(code(), "むすび内科", claim);
        int number = 0;
        if (withIchiro) {
            file.re(++number, "1112", "202404", "宇化　一郎", "1", "3450101", "K-0001", "ｳｹ ｲﾁﾛｳ")
                    .ho("06340001", "記号", "1234", 1, 73).sn("06340001", "記号", "1234", "01")
                    .sy("8841934", "20240401", "1", "", "高血圧症", "01", "")
                    .item("SI", "12", "112007410", "", 73, 1, Map.of(15, 1));
        }
        if (withJiro) {
            file.re(++number, "1112", "202404", "宇化　次郎", "1", "3500505", "K-0002", "ｳｹ ｼﾞﾛｳ")
                    .ho("06340001", "記号", "5678", 1, 73).sn("06340001", "記号", "5678", "01")
                    .sy("8841934", "20240405", "1", "", "高血圧症", "01", "")
                    .item("SI", "12", "112007410", "", 73, 1, Map.of(5, 1));
        }
        return file.go(number, 73 * number);
    }

    private long live(String sourceKey) {
        return jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND source_key = ? AND NOT deleted")
                .params(clinic.id(), sourceKey).query(Long.class).single();
    }

    @Test
    void aPharmacysReceiptsAreDispensings() {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "むすび薬局");
        ImportSource own = sources.create(pharmacy.id(), ImportKind.UKE, "receipts", null, false);
        UkeFiles file = UkeFiles.pharmacy(pharmacy.code().value(), "むすび薬局", "202405")
                .pharmacyRe(1, "4112", "202404", "宇化　一郎", "1", "19700101", "ｳｹ ｲﾁﾛｳ")
                .ho("06340001", "記号", "1234", 1, 300).sn("06340001", "記号", "1234", "01")
                .sh("01", "1", "003", "").cz("20240401", "20240402", 7)
                .pharmacyIy("610406079", "3")
                .pharmacyIy("620000001", "1")
                .record("KI", "20240402", "1", "1", "410005910", "35")
                .go(1, 300);
        ImportBatch batch = imports.run(own, List.of(file("pharmacy.UKE", file)).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);

        assertThat(batch.counts().recordsStored()).isEqualTo(1);
        assertThat(batch.counts().recordsRejected()).isZero();
        assertThat(jdbc.sql("SELECT (content::jsonb->'medicationCodeableConcept'->'coding'->0->>'code') || ' '"
                        + " || (content::jsonb->>'whenHandedOver') || ' ' || (content::jsonb->'quantity'->>'value') || ' '"
                        + " || (content::jsonb->'daysSupply'->>'value') FROM resource"
                        + " WHERE source_facility = ? AND type = 'MedicationDispense' ORDER BY source_key").param(pharmacy.id())
                .query(String.class).list()).containsExactly("610406079 2024-04-02 21 7", "620000001 2024-04-02 7 7");
    }

    @Test
    void aBadRecordRejectsItsReceiptAloneWithFileLineRecordAndField() {
        String text = april("202405", false).text().replace("SY,4660007,20240403", "SY,4660007,2024040");
        ImportBatch batch = run(new IncomingFile(SourceFile.of("bad.UKE", text.getBytes(UkeFiles.SHIFT_JIS)), Instant.now()));

        assertThat(batch.counts().recordsStored()).isEqualTo(1);
        assertThat(batch.counts().recordsRejected()).isEqualTo(1);
        ImportLedger.StoredProblem bad = ledger.problems(batch.id(), true, 0, 10).getFirst();
        assertThat(bad.row().problem().where().file()).isEqualTo("bad.UKE");
        assertThat(bad.row().problem().where().line()).isEqualTo(12);
        assertThat(bad.row().problem().where().record()).isEqualTo("SY");
        assertThat(bad.row().problem().where().field()).isEqualTo("診療開始日");
        assertThat(bad.row().raw()).startsWith("RE,2,1211");
    }

    private String code() {
        return clinic.code().value();
    }

    private static IncomingFile file(String name, UkeFiles file) {
        return new IncomingFile(SourceFile.of(name, file.bytes()), Instant.now());
    }

    private ImportBatch run(IncomingFile... files) {
        return imports.run(source, List.of(files).iterator(), new RunImport.Runner(null, Actor.system("test"),
                BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    private long count(String type) {
        return jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = ? AND NOT deleted")
                .params(clinic.id(), type).query(Long.class).single();
    }

    private long all() {
        return jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ?").param(clinic.id()).query(Long.class).single();
    }
}
