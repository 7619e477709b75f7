package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.synth.sources.jahis.JahisWriter;

/** Pharmacies write JAHIS e-medication-notebook files of what they dispensed, in the record order of the format. */
class JahisFilesTest {

    private static final Pattern YJ_IN_RXE = Pattern.compile("\rRXE\\|\\|(\\w{12})\\^");

    @TempDir
    static Path out;
    static List<Path> files;

    @BeforeAll
    static void write() {
        SourceFiles.write(SourceTrees.wideNetwork(9, 60), out, SourceOptions.defaults(9).withMessagesPerPatient(12)
                .withJahisUtf8Percent(0));
        files = SourceTrees.jahisFiles(out);
    }

    @Test
    void filesAreShiftJisWithCrlfAfterEveryRecord() {
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = SourceTrees.decode(file, JahisWriter.SHIFT_JIS);
            assertThat(text).startsWith("JAHISTC08,1\r\n").endsWith("\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
            assertThat(file.getFileName().toString()).matches("\\d{7,}\\.txt");
        }
    }

    @Test
    void recordsComeInTheOrderOfTheFormatWithDispensingsNewestFirst() {
        for (Path file : files) {
            List<String> records = List.of(SourceTrees.decode(file, JahisWriter.SHIFT_JIS).split("\r\n"));
            assertThat(records.get(1)).startsWith("1,");
            assertThat(records.get(1).split(",", -1)).hasSize(11);
            String order = String.join(" ", records.subList(2, records.size()).stream().map(r -> r.split(",")[0]).toList()) + " ";
            assertThat(order).as(file.toString()).matches("(5 11 15 51 55 (201 (291 )?301 )+)+");
            List<String> dates = records.stream().filter(r -> r.startsWith("5,")).map(r -> r.split(",")[1]).toList();
            assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void dispensedDrugsAreThoseHospitalsAndClinicsPrescribedWithYjCodes() {
        Set<String> prescribed = new HashSet<>();
        for (Path file : SourceTrees.ssmix2Files(out)) {
            if (file.getFileName().toString().contains("_OMP-01_")) {
                Matcher matcher = YJ_IN_RXE.matcher(SourceTrees.hl7(file));
                while (matcher.find()) {
                    prescribed.add(matcher.group(1));
                }
            }
        }
        Set<String> dispensed = new HashSet<>();
        for (Path file : files) {
            for (String record : SourceTrees.decode(file, JahisWriter.SHIFT_JIS).split("\r\n")) {
                String[] fields = record.split(",", -1);
                if (fields[0].equals("201")) {
                    assertThat(fields[5]).isEqualTo("4");
                    dispensed.add(fields[6]);
                }
            }
        }
        assertThat(dispensed).isNotEmpty();
        assertThat(prescribed).containsAll(dispensed);
    }

    @Test
    void theSameDispensingCanComeFromTwoPharmacies() {
        Map<String, Set<String>> pharmaciesByBlock = new HashMap<>();
        for (Path file : files) {
            String pharmacy = out.relativize(file).getName(0).toString();
            for (String block : blocks(SourceTrees.decode(file, JahisWriter.SHIFT_JIS))) {
                pharmaciesByBlock.computeIfAbsent(block, b -> new HashSet<>()).add(pharmacy);
            }
        }
        assertThat(pharmaciesByBlock.values()).anySatisfy(pharmacies -> assertThat(pharmacies).hasSizeGreaterThan(1));
    }

    @Test
    void someFilesAreUtf8WhenAsked(@TempDir Path utf8Out) {
        SourceFiles.write(SourceTrees.network(9, 10), utf8Out, SourceOptions.defaults(9).withMessagesPerPatient(10)
                .withJahisUtf8Percent(100));
        assertThat(SourceTrees.jahisFiles(utf8Out)).isNotEmpty().allSatisfy(file ->
                assertThat(SourceTrees.decode(file, StandardCharsets.UTF_8)).startsWith("JAHISTC08,1\r\n1,"));
    }

    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : text.split("\r\n(?=5,)")) {
            if (block.startsWith("5,")) {
                blocks.add(block.endsWith("\r\n") ? block.substring(0, block.length() - 2) : block);
            }
        }
        return blocks;
    }
}
