package org.musubi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.musubi.audit.Actor;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dispensing data as pharmacies send it: a JAHIS e-medication-notebook file (JAHISTC08) imported
 * through the real import pipeline, for a fresh pharmacy of the test's own.
 */
@Component
public class PharmacyNotebooks {

    private final RunImport imports;
    private final ImportSources sources;
    private final Facilities facilities;
    private final JdbcClient jdbc;
    private final UnlinkSourcePatient unlink;
    private final LinkSourcePatient link;

    /** Dispensing records in each {@link #randomNotebook} file. */
    public static final int RANDOM_NOTEBOOK_DISPENSINGS = 2;
    private static final String KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

    /**
     * A JAHISTC08 file (CRLF) of one patient with a random four-kana given name and birth date and
     * {@value #RANDOM_NOTEBOOK_DISPENSINGS} dispensings of amlodipine in 2026, for crash drills and load runs.
     */
    public static String randomNotebook(String holder, String kanaFamily, String pharmacy, RandomGenerator random) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(KANA.charAt(random.nextInt(KANA.length())));
        }
        String birth = String.format(Locale.ROOT, "19%02d%02d%02d", 20 + random.nextInt(80), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        List<String> lines = new ArrayList<>(List.of("JAHISTC08,1", "1," + holder + ",1," + birth + ",,,,,,," + kanaFamily
                + " " + name));
        for (int block = 0; block < RANDOM_NOTEBOOK_DISPENSINGS; block++) {
            lines.add(String.format(Locale.ROOT, "5,2026%02d%02d,1", 1 + block, 1 + random.nextInt(28)));
            lines.add("11," + pharmacy + ",34,4,1234567,,,082-000-0000,1");
            lines.add("201,1,アムロジピン錠" + (block + 1) + "ｍｇ,1,錠,4,217102" + block + "F1021,1");
            lines.add("301,1,朝食後,14,日分,1,1,,1");
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    PharmacyNotebooks(RunImport imports, ImportSources sources, Facilities facilities, JdbcClient jdbc,
                      UnlinkSourcePatient unlink, LinkSourcePatient link) {
        this.imports = imports;
        this.sources = sources;
        this.facilities = facilities;
        this.jdbc = jdbc;
        this.unlink = unlink;
        this.link = link;
    }

    /** A new pharmacy with its own 医療機関コード. */
    public Facility pharmacy(String name) {
        String code = TestAccounts.unusedInstitutionCode(facilities, 4);
        return facilities.insert(new FacilityDraft(name, "ヤッキョク", FacilityKind.PHARMACY, code, 34, "広島市中区",
                "082-000-0000", true, true, FacilityStatus.ACTIVE));
    }

    /** A patient of a notebook: kanji and kana names ("姓 名"), sex 1 male / 2 female, birth date yyyymmdd. */
    public record Holder(String kanji, String kana, String sex, String birth) {
    }

    /** A dispensing of one drug (YJ code) on {@code date} (yyyymmdd) for {@code days} days, prescribed by a hospital. */
    public record Dispensed(String date, String drug, String yj, int days, String hospital, String hospitalCode7) {
    }

    /** Imports one notebook file of {@code pharmacy} with the dispensings; returns the batch. */
    public ImportBatch send(Facility pharmacy, Holder holder, Dispensed... dispensings) {
        StringBuilder file = new StringBuilder("JAHISTC08,1\r\n")
                .append("1,").append(holder.kanji()).append(',').append(holder.sex()).append(',').append(holder.birth())
                .append(",,,,,,,").append(holder.kana()).append("\r\n");
        String shop = pharmacy.code().value().substring(3);
        for (Dispensed d : dispensings) {
            file.append("5,").append(d.date()).append(",1\r\n")
                    .append("11,").append(pharmacy.nameKanji()).append(",34,4,").append(shop).append(",,,082-000-0000,1\r\n")
                    .append("15,薬剤 師子,082-000-0000,1\r\n")
                    .append("51,").append(d.hospital()).append(",34,1,").append(d.hospitalCode7()).append(",1\r\n")
                    .append("55,処方 医師,内科,1\r\n")
                    .append("201,1,").append(d.drug()).append(",1,錠,4,").append(d.yj()).append(",1\r\n")
                    .append("301,1,1日1回朝食後,").append(d.days()).append(",日分,1,1,,1\r\n");
        }
        var source = sources.create(pharmacy.id(), ImportKind.JAHIS, "test notebooks " + pharmacy.id(), null, false);
        return imports.run(source, List.of(new IncomingFile(SourceFile.of("notebook-" + pharmacy.id() + ".txt",
                        file.toString().getBytes(StandardCharsets.UTF_8)), Instant.now())).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    /** The person the pharmacy's (only) patient is linked to. */
    public long personOf(Facility pharmacy) {
        return jdbc.sql("""
                SELECT l.person_id FROM source_patient s JOIN person_link l ON l.source_patient_id = s.id
                WHERE s.facility_id = ?""").param(pharmacy.id()).query(Long.class).single();
    }

    /** Makes the pharmacy's patient one with {@code personId} (as an operator would after review). */
    public void samePerson(Facility pharmacy, long personId, long operatorId) {
        long source = jdbc.sql("SELECT id FROM source_patient WHERE facility_id = ?").param(pharmacy.id())
                .query(Long.class).single();
        Optional<Long> linked = jdbc.sql("SELECT person_id FROM person_link WHERE source_patient_id = ?")
                .param(source).query(Long.class).optional();
        if (linked.isPresent() && linked.get() == personId) {
            return;
        }
        if (linked.isPresent()) {
            unlink.unlink(operatorId, source, "test: the same person");
        }
        link.link(operatorId, source, personId, LinkMethod.OPERATOR, "test: the same person");
    }
}
