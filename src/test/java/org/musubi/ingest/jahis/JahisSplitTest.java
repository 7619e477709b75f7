package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;
import static org.musubi.ingest.jahis.JahisFiles.resources;
import static org.musubi.ingest.jahis.JahisFiles.sample;
import static org.musubi.ingest.jahis.JahisFiles.utf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.jahis.JahisSplit.Part;
import org.musubi.ingest.jahis.SplitJoin.Joined;
import org.musubi.ingest.jahis.SplitJoin.NotJoined;

class JahisSplitTest {

    static final String ID = "20260310123456";

    /** Part 1 of 3 ends in the middle of a block: its 301 is in part 2. */
    static byte[] part1() {
        return utf8(Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1", "11,みなと薬局,13,4,1234567,,,,1",
                "201,1,ロキソニン錠６０ｍｇ,3,錠,2,620098801,1", "911," + ID + ",3,1");
    }

    static byte[] part2() {
        return utf8(Notebooks.HEADER, "301,1,毎食後服用,5,日分,1,1,,1", "401,胃が荒れたら相談,1", "911," + ID + ",3,2");
    }

    static byte[] part3() {
        return (String.join("\r\n", Notebooks.HEADER, Notebooks.PATIENT, "5,20260301,1", "11,しんばし薬局,,,,,,,1",
                "201,1,ムコダイン錠２５０ｍｇ,3,錠,2,620002499,1", "301,1,毎食後服用,7,日分,1,1,,1", "911," + ID + ",3,3"))
                .getBytes(JahisFiles.SHIFT_JIS);
    }

    @Test
    void aSplitRecordIsFoundInTheBytesWhateverTheEncodingAndLineEnds() {
        String part = "JAHISTC08,1\r\n1,ヤマダ　タロウ,,1,19700102\r\n911,12345678901234,3,2\r\n";
        assertThat(JahisSplit.hasSplitRecord(part.getBytes(Charset.forName("Shift_JIS")))).isTrue();
        assertThat(JahisSplit.hasSplitRecord(part.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(JahisSplit.hasSplitRecord("JAHISTC08,1\r\n1,ヤマダ,,1,19700102\r\n5,20260101,9119\r\n"
                .getBytes(Charset.forName("Shift_JIS")))).as("911 inside a record").isFalse();
    }

    @Test
    void tellsWhichPartASampleIsAndThatItStandsAlone() {
        assertThat(JahisSplit.of(sample("tc-supported-records-full.txt"))).contains(new Part("12345678901234", 2, 1, true));
        assertThat(JahisSplit.of(sample("tc-split-output-part-2.txt"))).contains(new Part("12345678901234", 3, 2, true));
    }

    @Test
    void saysAPartWithoutPatientOrWithRecordsOfAnEarlierBlockDoesNotStandAlone() {
        assertThat(JahisSplit.of(part2())).contains(new Part(ID, 3, 2, false));
        assertThat(JahisSplit.of(part1())).contains(new Part(ID, 3, 1, true));
    }

    @Test
    void findsNoPartInAWholeFileOrABrokenSplitRecord() {
        assertThat(JahisSplit.of(utf8(Notebooks.notebook(Notebooks.ointmentBlock())))).isEmpty();
        assertThat(JahisSplit.of(utf8(Notebooks.HEADER, Notebooks.PATIENT, "911,1234,2,1"))).isEmpty();
        assertThat(JahisSplit.of(new byte[] {0, 1, 2})).isEmpty();
    }

    @Test
    void refusesToReadAPartThatCannotStandAloneAndSaysToJoinIt() {
        List<ParseResult> results = read("part-2.txt", utf8("301,1,毎食後服用,5,日分,1,1,,1", "911," + ID + ",3,2"));

        assertThat(rejected(results)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.split.notAlone");
            assertThat(r.problem().where()).isEqualTo(new Location("part-2.txt", 2, "911", null));
        });
    }

    @Test
    void joinsACompleteSetInAnyOrderAndEncodingIntoOneNotebook() {
        SplitJoin joined = JahisSplit.join(List.of(part3(), part1(), part2()));

        assertThat(joined).isInstanceOfSatisfying(Joined.class, j -> {
            assertThat(j.dataId()).isEqualTo(ID);
            String text = new String(j.bytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith(Notebooks.HEADER + "\r\n" + Notebooks.PATIENT + "\r\n5,20260310,1\r\n")
                    .doesNotContain("911,").endsWith("301,1,毎食後服用,7,日分,1,1,,1\r\n");
            assertThat(text.lines().filter(l -> l.startsWith("JAHISTC"))).hasSize(1);
            List<ParseResult> results = read("joined.txt", j.bytes());
            assertThat(rejected(results)).isEmpty();
            assertThat(parsed(results)).hasSize(3);
            MedicationDispense loxonin = resources(results, MedicationDispense.class).getFirst();
            assertThat(loxonin.getDaysSupply().getValue()).as("the usage from part 2").isEqualByComparingTo("5");
            assertThat(loxonin.getNoteFirstRep().getText()).isEqualTo("胃が荒れたら相談");
        });
    }

    @Test
    void refusesToJoinSamplePartsWithDifferentPartCounts() {
        SplitJoin joined = JahisSplit.joinFiles(List.of(
                SourceFile.of("tc-supported-records-full.txt", sample("tc-supported-records-full.txt")),
                SourceFile.of("tc-split-output-part-2.txt", sample("tc-split-output-part-2.txt"))));

        assertThat(joined).isInstanceOfSatisfying(NotJoined.class, n -> {
            assertThat(n.problem().code()).isEqualTo("jahis.split.countMismatch");
            assertThat(n.problem().where()).isEqualTo(new Location("tc-split-output-part-2.txt", 11, "911", "911.分割数"));
            assertThat(n.problem().english()).contains("part count 3 differs from the part count 2");
        });
    }

    @Test
    void refusesToJoinAnIncompleteSetAPartTwiceOrPartsOfOtherData() {
        assertThat(problemOf(JahisSplit.join(List.of(part1(), part3())))).satisfies(p -> {
            assertThat(p.code()).isEqualTo("jahis.split.incomplete");
            assertThat(p.english()).contains("of 3 parts, 2 are missing");
        });
        assertThat(problemOf(JahisSplit.join(List.of(part1(), part1(), part2()))).code()).isEqualTo("jahis.split.duplicate");
        byte[] other = new String(part2(), StandardCharsets.UTF_8).replace(ID, "20260310999999").getBytes(StandardCharsets.UTF_8);
        assertThat(problemOf(JahisSplit.join(List.of(part1(), other, part3()))).code()).isEqualTo("jahis.split.dataIdMismatch");
        assertThat(problemOf(JahisSplit.join(List.of(part1(), utf8(Notebooks.HEADER, Notebooks.PATIENT)))).where().file())
                .isEqualTo("part 2");
        assertThat(problemOf(JahisSplit.join(List.of())).code()).isEqualTo("jahis.split.none");
    }

    private static Problem problemOf(SplitJoin join) {
        assertThat(join).isInstanceOf(NotJoined.class);
        return ((NotJoined) join).problem();
    }
}
