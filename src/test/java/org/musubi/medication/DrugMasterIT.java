package org.musubi.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.medication.cli.DrugsCommand;
import org.musubi.medication.master.DrugMaster;
import org.musubi.medication.master.DrugMasterLoad;
import org.musubi.medication.master.LoadDrugMaster;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The drug master in the real database: loading the team's sample, lookups, reloads and the command. */
@MusubiIntegrationTest
class DrugMasterIT {

    private static final Path SAMPLE = Path.of("src/test/resources/medication/drug-price-list-sample.csv");
    private static final Path INVALID = Path.of("src/test/resources/medication/drug-price-list-invalid.csv");

    @Autowired
    LoadDrugMaster load;
    @Autowired
    DrugMaster master;
    @Autowired
    MedicationChecks checks;
    @Autowired
    DrugsCommand command;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @Test
    void demoModeStartsWithTheDemoMasterOfTheSyntheticDrugs() {
        assertThat(jdbc.sql("SELECT count(*) FROM drug_master_load WHERE loaded_by = 'demo' AND file_name = 'demo-drug-master.csv'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(master.find("urn:oid:1.2.392.100495.20.1.73", "3339003F1020", "エドキサバン錠30mg"))
                .map(Drug::productName).contains("エドキサバン錠30mg");
    }

    @Test
    void loadsTheSampleAndFindsDrugsByCodeAndByName() {
        LoadDrugMaster.Outcome outcome = load.load(SAMPLE, "test");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.load().rowsLoaded()).isEqualTo(25);
        assertThat(master.findByYjCode("2171022F1020")).map(Drug::ingredientName).contains("アムロジピンベシル酸塩");
        assertThat(master.findByPriceCode("２１７１０２２Ｆ２０２７")).map(Drug::productName).contains("アムロジピン錠10mg");
        assertThat(master.findByYjCode("2189010F2027")).get().satisfies(d -> {
            assertThat(d.price()).isEqualByComparingTo("1234.50");
            assertThat(d.kind()).isEqualTo(DrugKind.ORAL);
            assertThat(d.listed()).isTrue();
        });
        assertThat(master.findByName("アムロジピン OD錠5mg「ユイ」")).extracting(Drug::yjCode).containsExactly("2171022F3023");
        assertThat(master.find("http://medis.or.jp/CodeSystem/master-HOT9", "112233401", "ｱﾑﾛｼﾞﾋﾟﾝ錠10mg"))
                .map(Drug::yjCode).contains("2171022F2027");
        assertThat(master.findByCodes(List.of("3962002F1010", "9999999X9999")).keySet()).containsExactly("3962002F1010");
        assertThat(master.loads(1)).singleElement().extracting(DrugMasterLoad::fileName, DrugMasterLoad::loadedBy)
                .containsExactly("drug-price-list-sample.csv", "test");
        assertThat(checks.check(List.of(
                MedicationEntry.forDays("rx1", FhirSystems.YJ, "2329028F1029", "ランソプラゾール口腔内崩壊錠15mg",
                        LocalDate.of(2026, 4, 1), 14, Source.named("A病院"), null, MedicationEntry.Kind.PRESCRIPTION),
                MedicationEntry.forDays("rx2", null, null, "オメプラゾール腸溶錠20mg",
                        LocalDate.of(2026, 4, 7), 14, Source.named("B医院"), null, MedicationEntry.Kind.PRESCRIPTION)))
                .alerts()).singleElement().isInstanceOf(SameClass.class);
    }

    @Test
    void aNewerListUpdatesProductsAndMarksThoseOfItsKindsItNoLongerCarries() throws IOException {
        load.load(SAMPLE, "test");
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        String newer = lines.stream().filter(l -> !l.contains("2189017F1023"))
                .map(l -> l.contains("2149044F2023") ? l.replace("24.50", "23.10") : l)
                .filter(l -> !l.startsWith("注射薬")).collect(Collectors.joining("\r\n"));
        Path file = Files.writeString(temp.resolve("newer.csv"), newer, StandardCharsets.UTF_8);

        LoadDrugMaster.Outcome outcome = load.load(file, "test");

        assertThat(master.findByYjCode("2149044F2023")).map(Drug::price).get().satisfies(p -> assertThat(p).isEqualByComparingTo("23.10"));
        assertThat(master.findByYjCode("2189017F1023")).map(Drug::listed).contains(false);
        assertThat(master.findByYjCode("3319550A1000")).map(Drug::listed).contains(true);
        assertThat(outcome.load().rowsUnlisted()).isEqualTo(1);
        load.load(SAMPLE, "test");
        assertThat(master.findByYjCode("2189017F1023")).map(Drug::listed).contains(true);
    }

    @Test
    void theCommandPrintsEachRefusedRowAndExitsWithThreeOrOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = command.load(INVALID, print(out), print(err));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(3);
        assertThat(printed.lines().filter(l -> l.startsWith("REJECTED drug-price-list-invalid.csv row "))).hasSize(6);
        assertThat(printed).contains("REJECTED drug-price-list-invalid.csv row 4, 薬価: The price (薬価) is not a number")
                .contains("Drug master: 1 products added or updated, 6 rows refused, 0 products marked as no longer listed"
                        + " / 医薬品マスタ: 1 件を登録・更新、6 行を取り込めず、0 件を収載なしにしました");
        assertThat(command.load(SAMPLE, print(out), print(err))).isZero();
        assertThat(command.load(temp.resolve("missing.xlsx"), print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No readable file:").contains("読み取れるファイルがありません");
    }

    @Test
    void theCommandExitsWithOneForAFileThatIsNoPriceList() throws IOException {
        Path file = Files.writeString(temp.resolve("other.csv"), "a,b\n1,2\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(command.load(file, print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No header row").contains("見出し行");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
