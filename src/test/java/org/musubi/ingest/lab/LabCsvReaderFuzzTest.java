package org.musubi.ingest.lab;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/**
 * Any bytes given to the lab CSV reader end as parsed records or rejections, never an exception and
 * never an internal fault turned into a rejection. Seeds: {@code LabCsvReaderFuzzTestInputs/}.
 * {@code JAZZER_FUZZ=1} fuzzes; otherwise the seeds run as a normal test.
 */
@Tag("fuzz")
class LabCsvReaderFuzzTest {

    private final LabCsvReader reader = new LabCsvReader();

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesIntoRecordsOrRejections(byte[] data) {
        reader.read(SourceFile.of("fuzz.csv", data), LabHl7ReaderTest.FACILITY, LabCsvReaderFuzzTest::check);
    }

    static void check(ParseResult result) {
        if (result instanceof ParseResult.Rejected rejected && rejected.problem().code().equals("lab.internal")) {
            throw new AssertionError("internal fault: " + rejected.problem());
        }
        if (result instanceof ParseResult.Parsed parsed && parsed.resources().isEmpty()) {
            throw new AssertionError("a record without resources: " + parsed.recordKey());
        }
    }
}
