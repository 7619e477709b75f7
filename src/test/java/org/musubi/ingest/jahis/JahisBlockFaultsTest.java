package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;
import static org.musubi.ingest.jahis.JahisFiles.resources;
import static org.musubi.ingest.jahis.Notebooks.amlodipineBlock;
import static org.musubi.ingest.jahis.Notebooks.notebook;
import static org.musubi.ingest.jahis.Notebooks.ointmentBlock;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;

/** Faults that reject one dispensing block, one item or one record: the rest of the file still maps. */
class JahisBlockFaultsTest {

    @Test
    void rejectsOnlyTheBlockWithANonNumericDoseAndMapsTheBlocksAroundIt() {
        List<String> broken = with(ointmentBlock(), 2, "201,1,ヒルドイドソフト軟膏０．３％,２５g,g,1,,1");
        List<ParseResult> results = read("x.txt", notebook(amlodipineBlock(), broken, amlodipineDayLater()));

        assertThat(results).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Parsed", "Parsed", "Parsed", "Rejected", "Parsed");
        Rejected rejected = rejected(results).getFirst();
        assertThat(rejected.problem().code()).isEqualTo("jahis.field.number");
        assertThat(rejected.problem().where().line()).isEqualTo(18);
        assertThat(rejected.problem().where().field()).isEqualTo("201.用量");
        assertThat(rejected.raw()).startsWith("5,20260201,1\n11,しんばし薬局").contains("２５g");
        assertThat(resources(results, MedicationDispense.class)).hasSize(4);
    }

    @Test
    void rejectsTheBlockWithANonNumericQuantity() {
        List<String> broken = with(ointmentBlock(), 3, "301,1,１日２回患部に塗布,一,調剤,5,1,,1");

        assertThat(blockProblem(broken).where().field()).isEqualTo("301.調剤数量");
        assertThat(blockProblem(broken).code()).isEqualTo("jahis.field.integer");
    }

    @Test
    void rejectsTheBlockWithAnInvalidDispensingDate() {
        Problem problem = blockProblem(with(ointmentBlock(), 0, "5,20261340,1"));

        assertThat(problem.code()).isEqualTo("jahis.field.date");
        assertThat(problem.where().field()).isEqualTo("5.調剤等年月日");
    }

    @Test
    void rejectsTheBlockWhenAUsageNamesAnRpWithoutDrug() {
        Problem problem = blockProblem(with(ointmentBlock(), 3, "301,2,１日２回患部に塗布,1,調剤,5,1,,1"));

        assertThat(problem.code()).isEqualTo("jahis.record.orphan");
        assertThat(problem.english()).contains("Record 301 has no parent record 201 (RP 2)");
    }

    @Test
    void rejectsTheBlockWhenADrugNoteDoesNotFollowItsDrug() {
        List<String> block = new ArrayList<>(ointmentBlock());
        block.add("281,3,塗りすぎない,1");

        assertThat(blockProblem(block).where().field()).isEqualTo("281.RP番号");
    }

    @Test
    void rejectsDrugRecordsBeforeAnyDispensingDateTogether() {
        List<ParseResult> results = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT,
                "201,1,ロキソニン錠６０ｍｇ,3,錠,2,620098801,1", "301,1,毎食後,3,日分,1,1,,1");

        assertThat(parsed(results)).hasSize(1);
        assertThat(rejected(results)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.record.orphan");
            assertThat(r.problem().where().line()).isEqualTo(3);
            assertThat(r.problem().japanese()).contains("レコード 201 の前に、その親となるレコード 5 がありません");
            assertThat(r.raw().lines()).hasSize(2);
        });
    }

    @Test
    void skipsAnUnknownRecordWithAWarningOnThePatientRecord() {
        List<String> block = with(ointmentBlock(), 1, "999,なにか,1");
        List<ParseResult> results = read("x.txt", notebook(block));

        assertThat(rejected(results)).isEmpty();
        assertThat(parsed(results).getFirst().warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("jahis.record.unknown");
            assertThat(w.where().line()).isEqualTo(5);
        });
    }

    @Test
    void dropsADescriptiveFieldThatFailsItsCheckWithAWarningOnItsBlock() {
        List<String> block = with(ointmentBlock(), 1, "11,しんばし薬局,48,4,2345678,,,,1");
        List<ParseResult> results = read("x.txt", notebook(block));

        Parsed dispensing = parsed(results).get(2);
        assertThat(dispensing.warnings()).extracting(Problem::code).containsExactly("jahis.field.code");
        // the warning says what was done, not only what was wrong
        assertThat(dispensing.warnings().getFirst().japanese()).endsWith("この項目は取り込まず、記録の残りを保存しました。");
        assertThat(dispensing.warnings().getFirst().english()).contains("\"48\"")
                .endsWith("This field was left out; the rest of the record was stored.");
        assertThat(dispensing.recordKey()).contains(":n");
        Organization pharmacy = JahisFiles.stored(results,
                resources(results, MedicationDispense.class).getFirst().getPerformerFirstRep().getActor(), Organization.class);
        assertThat(pharmacy.hasIdentifier()).isFalse();
    }

    @Test
    void rejectsABrokenSplitRecordAloneAndMapsTheRest() {
        List<ParseResult> results = read("x.txt", append(notebook(ointmentBlock()), "911,123,2,1"));
        List<ParseResult> outOfRange = read("x.txt", append(notebook(ointmentBlock()), "911,12345678901234,2,3"));

        assertThat(parsed(results)).hasSize(3);
        assertThat(rejected(results)).singleElement()
                .satisfies(r -> assertThat(r.problem().where().field()).isEqualTo("911.データ固有ID"));
        assertThat(rejected(outOfRange)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.split.range");
            assertThat(r.problem().english()).contains("Expected 1 to 2");
        });
    }

    @Test
    void rejectsAPatientNoteOfAnUnknownTypeAlone() {
        String[] lines = Notebooks.replaced(notebook(ointmentBlock()), 2, "2,5,そばアレルギー,2");
        List<ParseResult> results = read("x.txt", lines);

        assertThat(parsed(results)).hasSize(2);
        assertThat(rejected(results)).singleElement().satisfies(r -> assertThat(r.problem().where().field()).isEqualTo("2.患者特記種別"));
    }

    private static Problem blockProblem(List<String> block) {
        List<ParseResult> results = read("x.txt", notebook(amlodipineBlock(), block));
        assertThat(parsed(results)).as("patient, note, the other block").hasSize(3);
        return rejected(results).getFirst().problem();
    }

    private static List<String> amlodipineDayLater() {
        return with(amlodipineBlock(), 0, "5,R080311,1");
    }

    private static List<String> with(List<String> block, int index, String line) {
        List<String> copy = new ArrayList<>(block);
        copy.set(index, line);
        return copy;
    }

    private static String[] append(String[] lines, String line) {
        List<String> all = new ArrayList<>(List.of(lines));
        all.add(line);
        return all.toArray(String[]::new);
    }
}
