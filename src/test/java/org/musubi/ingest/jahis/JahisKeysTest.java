package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.Notebooks.amlodipineBlock;
import static org.musubi.ingest.jahis.Notebooks.notebook;
import static org.musubi.ingest.jahis.Notebooks.ointmentBlock;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.record.IdKey;

/** Record keys come from content only: the same dispensing or note sent again is the same record. */
class JahisKeysTest {

    @Test
    void givesTheSameDispensingInAnotherFileAndEncodingTheSameRecordAndSourceKeys() {
        Parsed alone = dispensingOn("20260310", parsed(read("2026-03-10.txt", notebook(amlodipineBlock()))));
        Parsed later = dispensingOn("20260310", parsed(read("export/all.jahis",
                JahisFiles.shiftJisCrlf(notebook(ointmentBlock(), amlodipineBlock())))));

        SameResults.assertSameParsed(later, alone);
        assertThat(alone.resources()).extracting(MappedResource::sourceKey)
                .containsExactly(alone.recordKey() + ":1:1:1", alone.recordKey() + ":1:2:1");
        assertThat(later.where().line()).isNotEqualTo(alone.where().line());
    }

    @Test
    void namesNeitherFileNorLineInAnyKey() {
        List<Parsed> results = parsed(read("notebook-of-yamada.txt", notebook(ointmentBlock(), amlodipineBlock())));

        assertThat(results).extracting(Parsed::recordKey).hasSize(4).allSatisfy(key -> {
            assertThat(key).startsWith("jahis:").doesNotContain("yamada").doesNotContain("notebook");
        });
    }

    @Test
    void keepsTheKeyOfACorrectedQuantityButNotOfAnotherDrug() {
        List<String> corrected = new ArrayList<>(amlodipineBlock());
        corrected.set(6, "301,1,１日１回朝食後服用,28,日分,1,2,1013041400000000,1");
        List<String> otherDrug = new ArrayList<>(amlodipineBlock());
        otherDrug.set(5, "201,1,アムロジピン錠２．５ｍｇ「サワイ」,1,錠,4,2171022F1020,1");

        String key = dispensingOn("20260310", parsed(read("a.txt", notebook(amlodipineBlock())))).recordKey();

        assertThat(dispensingOn("20260310", parsed(read("b.txt", notebook(corrected)))).recordKey()).isEqualTo(key);
        assertThat(dispensingOn("20260310", parsed(read("c.txt", notebook(otherDrug)))).recordKey()).isNotEqualTo(key);
    }

    @Test
    void numbersTheSameDispensingTwiceInOneFile() {
        List<Parsed> results = parsed(read("x.txt", notebook(amlodipineBlock(), amlodipineBlock())));

        assertThat(results.get(3).recordKey()).isEqualTo(results.get(2).recordKey() + "~2");
    }

    @Test
    void derivesThePatientIdFromKanaBirthDateAndSexOnly() {
        String id = patientId("1,山田 花子,2,S330303,105-0004,東京都港区新橋1-2-3,03-1234-5678,,,,ヤマダ ハナコ");

        assertThat(id).matches("jahis-[0-9a-f]{16}");
        assertThat(patientId("1,山田 花子,2,19580303,,大阪府,,,,,ヤマダ　ハナコ")).as("moved; full-width space").isEqualTo(id);
        assertThat(patientId("1,山田 花子,2,19580304,,,,,,,ヤマダ ハナコ")).isNotEqualTo(id);
        assertThat(patientId("1,山田 花子,1,19580303,,,,,,,ヤマダ ハナコ")).isNotEqualTo(id);
        assertThat(patientId("1,山田 花子,2,19580303")).as("no kana: the kanji name").isNotEqualTo(id)
                .isEqualTo(patientId("1,山田　花子,2,19580303"));
    }

    @Test
    void keysThePatientIdOnAKeyedInstallationAndKeepsTheOldOneOnALegacyOne() {
        String line = "1,山田 太郎,1,19660303,,,,,,,ヤマダ タロウ";
        IdKey key = IdKey.random(IdKey.Scheme.KEYED);

        assertThat(patientId(line)).as("legacy: printed by the code before V22").isEqualTo("jahis-26e7aca355d8a5af");
        String keyed = patientId(line, new MappingContext("1341234567", "テスト薬局", ImportIds.of(key, 17)));
        assertThat(keyed).matches("jahis-[0-9a-f]{16}").isNotEqualTo("jahis-26e7aca355d8a5af")
                .isEqualTo(patientId(line, new MappingContext("1341234567", "テスト薬局", ImportIds.of(key, 17))))
                .isNotEqualTo(patientId(line, new MappingContext("1341234567", "テスト薬局", ImportIds.of(key, 18))))
                .isNotEqualTo(patientId(line, new MappingContext("1341234567", "テスト薬局",
                        ImportIds.of(IdKey.random(IdKey.Scheme.KEYED), 17))));
    }

    private static String patientId(String patientLine, MappingContext context) {
        List<ParseResult> results = new ArrayList<>();
        new JahisReader(JahisFiles.TODAY).read(SourceFile.of("x.txt",
                JahisFiles.utf8(Notebooks.HEADER, patientLine)), context, results::add);
        return parsed(results).getFirst().patient().localId();
    }

    private static String patientId(String patientLine) {
        return parsed(read("x.txt", Notebooks.HEADER, patientLine)).getFirst().patient().localId();
    }

    private static Parsed dispensingOn(String date, List<Parsed> results) {
        return results.stream().filter(p -> p.recordKey().startsWith("jahis:dispense:" + date + ":")).findFirst().orElseThrow();
    }
}
