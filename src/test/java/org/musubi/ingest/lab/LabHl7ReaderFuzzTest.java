package org.musubi.ingest.lab;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.OrderMappers;

/**
 * Any bytes given to the lab HL7 reader end as parsed records or rejections; and every message HAPI
 * accepts, given to each SS-MIX2 order and result mapper, is mapped or rejected, never an exception.
 * Seeds ({@code LabHl7ReaderFuzzTestInputs/}) cover each data type's message. {@code JAZZER_FUZZ=1}
 * fuzzes; otherwise the seeds run as a normal test.
 */
@Tag("fuzz")
class LabHl7ReaderFuzzTest {

    private static final Hl7Parsing PARSING = new Hl7Parsing();
    private final LabHl7Reader reader = new LabHl7Reader(PARSING);

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesIntoRecordsOrRejections(byte[] data) {
        reader.read(SourceFile.of("fuzz.hl7", data), LabHl7ReaderTest.FACILITY, LabCsvReaderFuzzTest::check);
        Hl7Text.decode(data).ifPresent(text -> everyMapper(text.text()));
    }

    private static void everyMapper(String text) {
        for (Hl7Batch.Message message : Hl7Batch.split(text).messages()) {
            try {
                var parsed = PARSING.parse(message.text());
                for (var mapper : OrderMappers.byDataType().entrySet()) {
                    map(mapper.getValue(), new MessageInput(parsed, LabHl7ReaderTest.FACILITY, "fuzz:" + mapper.getKey(), "fuzz"));
                }
            } catch (Hl7Parsing.Hl7Failure e) {
                // not a message HAPI takes: the reader rejected it too
            }
        }
    }

    private static void map(MessageMapper mapper, MessageInput input) {
        try {
            mapper.map(input);
        } catch (MessageRejected e) {
            // a rejection is an allowed answer
        }
    }
}
