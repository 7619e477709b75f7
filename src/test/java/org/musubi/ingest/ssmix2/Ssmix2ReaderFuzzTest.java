package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/**
 * Any bytes under any name give exactly one result, Parsed or Rejected, never an exception nor an
 * internal error, and a record's source keys are distinct and under its record key (or a shared
 * stay or visit key). The input's first line is the
 * file name; a first line that is just a data type (e.g. {@code ADT-22}) stands for a well-placed
 * file of that type, so the fuzzer spends its time in the messages. Seeds: {@code
 * Ssmix2ReaderFuzzTestInputs/readsAnyFileWithoutThrowing/}. Run {@code JAZZER_FUZZ=1} to fuzz.
 */
@Tag("fuzz")
class Ssmix2ReaderFuzzTest {

    private static final Ssmix2Reader READER = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of(),
            (patientId, date) -> Stays.Stay.admittedAt("202404011030"));

    @FuzzTest(maxDuration = "30s")
    void readsAnyFileWithoutThrowing(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String firstLine = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] content = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);

        List<ParseResult> results = new ArrayList<>();
        READER.read(SourceFile.of(name(firstLine), content), Ssmix2Messages.FACILITY, results::add);

        assertThat(results).hasSize(1);
        switch (results.getFirst()) {
            case ParseResult.Rejected rejected -> assertThat(rejected.problem().code()).isNotEqualTo("ssmix2.internal");
            case ParseResult.Parsed parsed -> {
                List<String> keys = parsed.resources().stream().map(MappedResource::sourceKey).toList();
                assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.startsWith(parsed.recordKey() + "/")
                        || key.startsWith("ssmix2:stay:") || key.startsWith("ssmix2:visit:"));
            }
        }
    }

    /** A bare data type becomes a well-placed file of that type; anything else is the name as given. */
    static String name(String firstLine) {
        if (!firstLine.matches("[A-Z]{3}(-\\d{2})?(_[012])?")) {
            return firstLine;
        }
        String[] typeAndFlag = firstLine.split("_");
        String type = typeAndFlag[0];
        String flag = typeAndFlag.length > 1 ? typeAndFlag[1] : "1";
        boolean undated = List.of("ADT-00", "ADT-61", "PPR-01").contains(type);
        String date = undated ? "-" : "20240415";
        return "000/100/0001000052/" + date + "/" + type + "/0001000052_" + date + "_" + type
                + "_999999999999999_20240415100000000_-_" + flag;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
