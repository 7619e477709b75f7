package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;
import static org.musubi.ingest.jahis.Notebooks.HEADER;
import static org.musubi.ingest.jahis.Notebooks.PATIENT;
import static org.musubi.ingest.jahis.Notebooks.amlodipineBlock;
import static org.musubi.ingest.jahis.Notebooks.notebook;
import static org.musubi.ingest.jahis.Notebooks.ointmentBlock;
import static org.musubi.ingest.jahis.Notebooks.replaced;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;

/** Faults that reject the whole file, and what each says. */
class JahisValidationTest {

    @Test
    void rejectsAFileWithoutVersionRecord() {
        List<ParseResult> results = read("no-header.txt", PATIENT, "5,20260310,1");

        assertThat(results).singleElement().isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.header.missing");
            assertThat(r.problem().where()).isEqualTo(new Location("no-header.txt", 1, "1", "バージョン情報"));
            assertThat(r.problem().japanese()).contains("JAHISTCnn,出力区分");
        });
    }

    @Test
    void rejectsAnUnknownOutputDirection() {
        assertThat(fileProblem(read("x.txt", "JAHISTC08,3", PATIENT)).where().field()).isEqualTo("出力区分");
        assertThat(fileProblem(read("x.txt", "JAHISTCX8,1", PATIENT)).code()).isEqualTo("jahis.header.version");
    }

    @Test
    void rejectsAFileWithoutPatientRecord() {
        assertThat(fileProblem(read("x.txt", HEADER, "5,20260310,1")).code()).isEqualTo("jahis.patient.missing");
    }

    @Test
    void rejectsTheFileWhenThePatientSexIsNeitherMaleNorFemale() {
        var problem = fileProblem(read("x.txt", HEADER, "1,山田 花子,3,19800101"));

        assertThat(problem.code()).isEqualTo("jahis.field.code");
        assertThat(problem.where()).isEqualTo(new Location("x.txt", 2, "1", "1.患者性別"));
        assertThat(problem.english()).contains("\"3\"").contains("Expected one of 1, 2");
    }

    @Test
    void rejectsTheFileWhenTheBirthDateIsNoDate() {
        var problem = fileProblem(read("x.txt", HEADER, "1,山田 花子,2,S331332"));

        assertThat(problem.code()).isEqualTo("jahis.field.date");
        assertThat(problem.where().field()).isEqualTo("1.患者生年月日");
        assertThat(problem.japanese()).contains("GYYMMDD");
    }

    @Test
    void rejectsAFileWithTwoDifferentPatients() {
        String[] lines = notebook(amlodipineBlock());
        String[] twoPatients = Stream.concat(Arrays.stream(lines),
                Stream.of("1,鈴木 一郎,1,19700101")).toArray(String[]::new);

        assertThat(fileProblem(read("x.txt", twoPatients)).code()).isEqualTo("jahis.patient.conflict");
    }

    @Test
    void takesTheSamePatientRecordTwiceWithAWarning() {
        List<ParseResult> results = read("x.txt", HEADER, PATIENT, PATIENT);

        assertThat(parsed(results)).singleElement()
                .satisfies(p -> assertThat(p.warnings()).extracting(w -> w.code()).containsExactly("jahis.record.repeated"));
    }

    @Test
    void rejectsTheFileNotTheRestWhenOnlyTheHeaderIsBroken() {
        String[] lines = replaced(notebook(amlodipineBlock()), 0, "JAHISTC08");

        assertThat(read("x.txt", lines)).singleElement().isInstanceOf(Rejected.class);
    }

    private static Problem fileProblem(List<ParseResult> results) {
        assertThat(results).as("a rejected file gives one result").hasSize(1);
        return ((Rejected) results.getFirst()).problem();
    }

    @Test
    void readsEveryKnownVersionWithTheSameLayout() {
        for (String version : List.of("01", "04", "07", "08")) {
            List<ParseResult> results = read("x.txt", replaced(notebook(ointmentBlock()), 0, "JAHISTC" + version + ",2"));
            assertThat(rejected(results)).isEmpty();
            assertThat(parsed(results).getFirst().warnings()).isEmpty();
        }
    }
}
