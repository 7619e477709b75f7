package org.musubi.ingest.checkup;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.musubi.ingest.adapter.MappedEncoding;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.record.fhir.FhirJsonWriter;

/**
 * Any bytes given to the checkup reader, as an XML file or a ZIP, end as parsed records or rejections: never an
 * exception, never an internal fault turned into a rejection, never a record without resources, and every resource
 * mapped can be written as FHIR JSON. Seeds: {@code CheckupXmlReaderFuzzTestInputs/} (the samples, a submission ZIP, a
 * DOCTYPE). {@code JAZZER_FUZZ=1} fuzzes; otherwise the seeds run as a normal test.
 */
@Tag("fuzz")
class CheckupXmlReaderFuzzTest {

    private static final FhirJsonWriter WRITER = new FhirJsonWriter(MappedEncoding.CONTEXT);
    private final CheckupXmlReader reader = new CheckupXmlReader();

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesIntoRecordsOrRejections(byte[] data) {
        reader.read(SourceFile.of("fuzz.xml", data), CheckupSamples.CENTRE, CheckupXmlReaderFuzzTest::check);
    }

    static void check(ParseResult result) {
        if (result instanceof ParseResult.Rejected rejected && rejected.problem().code().equals("checkup.internal")) {
            throw new AssertionError("internal fault: " + rejected.problem());
        }
        if (result instanceof ParseResult.Parsed parsed) {
            if (parsed.resources().isEmpty()) {
                throw new AssertionError("a record without resources: " + parsed.recordKey());
            }
            for (MappedResource resource : parsed.resources()) {
                WRITER.write(resource.resource());
            }
            WRITER.write(parsed.patientResource());
        }
    }
}
