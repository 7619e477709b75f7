package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.receiptmaster.MasterKey;
import org.musubi.receiptmaster.MasterKind;
import org.musubi.receiptmaster.ReceiptMaster;
import org.musubi.receiptmaster.cli.ReceiptMasterCommand;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic without an EHR sends its receipts (UKE) after an operator loaded the receipt masters with {@code musubi
 * receipt-master load} (the demo's masters, written by the team in the official layout, plus one more file): the
 * clinic's doctor reads the chart in names, not codes — each drug with its 1日量 or dose and its comments where the
 * receipt put them, the procedures, the diagnosis — and a code no master knows as the code marked unknown, which the
 * import's warnings name. One audit row for the read.
 */
@MusubiIntegrationTest
class ReceiptNamesIT {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired Consents consents;
    @Autowired IdentityStore identities;
    @Autowired Facilities facilities;
    @Autowired ImportSources sources;
    @Autowired RunImport imports;
    @Autowired ImportLedger ledger;
    @Autowired ReceiptMaster master;
    @Autowired ReceiptMasterCommand command;
    @Autowired AuditRows audit;

    @Test
    void anOperatorLoadsAMasterFileAndItsRefusedRowsAreNamed() throws Exception {
        Path file = Files.createTempFile("y_extra", ".csv");
        Files.write(file, ("0,Y,622222201,8,テスト錠１ｍｇ,,,,,錠\r\n0,Y,62222220X,3,だめ,,,,,錠\r\n")
                .getBytes(Charset.forName("windows-31j")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = command.load(List.of(file), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).as("loaded, a row refused").isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REJECTED " + file.getFileName() + " row 2, コード: Code 62222220X is not 9 digits.")
                .contains("Receipt master " + file.getFileName() + ": 1 codes added or updated, 1 rows refused");
        assertThat(master.find(List.of(new MasterKey(MasterKind.MEDICATION, "622222201")))).extractingFromEntries(
                e -> e.getValue().name()).containsExactly("テスト錠１ｍｇ");
        assertThat(master.loads(1)).singleElement().satisfies(l -> {
            assertThat(l.fileName()).isEqualTo(file.getFileName().toString());
            assertThat(l.kinds()).isEqualTo("Y");
            assertThat(l.rowsLoaded()).isEqualTo(1);
            assertThat(l.rowsRejected()).isEqualTo(1);
            assertThat(l.loadedBy()).isEqualTo("cli");
        });
        assertThat(command.load(List.of(file.resolveSibling("none.csv")), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(1);
    }

    @Test
    void theChartShowsAReceiptsItemsByNameWithTheirCommentsAndAnUnknownCodeMarked() {
        int n = ThreadLocalRandom.current().nextInt(100_000);
        Facility clinic = facilities.insert(new FacilityDraft("むすび眼科" + n, "ムスビガンカ", FacilityKind.CLINIC,
                TestAccounts.unusedInstitutionCode(facilities, 1), 34, "広島市中区", "082-000-0000", true, true,
                FacilityStatus.ACTIVE));
        ImportSource source = sources.create(clinic.id(), ImportKind.UKE, "receipts", null, false);
        String karte = "E-" + n;
        String birth = String.format("19%02d%02d%02d", 30 + n % 60, 1 + n % 12, 1 + n % 28);
        UkeFiles receipts = UkeFiles.eyeClinicApril(clinic.code().value(), karte, "目白　花" + n, "ﾒｼﾞﾛ ﾊﾅｺ" + n, birth)
                .item("IY", "21", "629999901", "1", 5, 7, java.util.Map.of(15, 7))
                .go(1, 900);
        var batch = imports.run(source, List.of(new IncomingFile(SourceFile.of("eye.UKE", receipts.bytes()),
                Instant.now())).iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsStored()).isEqualTo(1);
        assertThat(ledger.problems(batch.id(), false, 0, 10)).extracting(p -> p.row().problem().where().line() + " "
                + p.row().problem().where().field() + " " + p.row().problem().code())
                .containsExactly("24 医薬品コード uke.name.unknown");

        long admin = accounts.networkAdmin().id();
        long patient = identities.sourcePatient(clinic.id(), karte).orElseThrow().id();
        long person = identities.personOf(patient).orElseThrow();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, clinic.id());
        consents.link(person, clinic.id(), admin);
        String regional = identities.person(person).orElseThrow().person().regionalId();
        WebSession doctor = new WebSession(port);
        accounts.logIn(doctor, accounts.memberOf(clinic, Profession.DOCTOR));
        long before = audit.max();

        String chart = doctor.get("/portal/patients/" + person).body();

        String timeline = chart.substring(chart.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("ロキソプロフェンＮａ錠６０ｍｇ").contains("疼痛時").contains("ジアゼパム錠２ｍｇ")
                .contains("ヒアルロン酸Ｎａ点眼液０．１％　５ｍＬ").contains("１日５回点眼").contains("右眼")
                .contains("アムロジピン錠５ｍｇ").contains("粉砕").contains("１日１回朝食後").contains("食直後")
                .contains("再診料").contains("眼処置").contains("部位　右").contains("前回実施年月日　令和6年3月20日")
                .contains("1日量").contains("1 錠").contains("10 錠")
                .contains("629999901（名称不明 / name unknown）");
        assertThat(timeline).as("no bare receipt code").doesNotContain(">620098801<").doesNotContain(">112007410<")
                .doesNotContain(">3659001<");
        assertThat(chart).contains("緑内障");
        assertThat(audit.forPatient(before, regional)).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }
}
