package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/** Every NHO sample file gives exactly one result, with the outcome the file calls for. */
class NhoSamplesTest {

    private static final String MISPLACED = "000/000/0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1";
    private static final String DELETED = "000/000/0000001/20000401/OMP-11/0000001_20000401_OMP-11_123456789012346_20110701113813226_01_0";
    private static final String ADMISSION = "999/901/9999013/20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1";
    private static final String DISCHARGE = "999/901/9999013/20111220/ADT-52/9999013_20111220_ADT-52_999999999999999_20111220224447339_08_1";
    private static final String ODD_SEGMENTS = "000/000/0000001/20000401/OMP-11/0000001_20000401_OMP-11_123456789012345_20110701113813225_01_1";

    @Test
    void everyFileGivesOneResultWithTheRightOutcome() {
        Map<String, String> outcomes = NhoSamples.files().stream().collect(Collectors.toMap(f -> f, NhoSamplesTest::outcome));

        assertThat(outcomes).hasSize(22);
        assertThat(outcomes.get(MISPLACED)).isEqualTo("rejected ssmix2.misplaced");
        assertThat(outcomes.get(DELETED)).isEqualTo("DELETE");
        assertThat(outcomes.get(ODD_SEGMENTS)).isEqualTo("rejected ssmix2.unsupported");
        assertThat(select(outcomes, "999/.*/(ADT-..|PPR-01)/.*")).hasSize(6).containsOnly("STORE");
        assertThat(select(outcomes, "999/.*/(OMP|OML|OMG|OMD)[^/]*/.*")).hasSize(13).containsOnly("rejected ssmix2.unsupported");
    }

    @Test
    void aSampleWhoseNameHasA15DigitTimestampIsReadWithAWarning() {
        String shortened = ADMISSION.replace("_20111220224447339_", "_201112202244473_");
        List<ParseResult> results = new ArrayList<>();
        NhoSamples.reader().read(SourceFile.of(shortened, NhoSamples.root().resolve(ADMISSION)),
                NhoSamples.FACILITY, results::add);

        assertThat(results).singleElement().isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.recordKey()).isEqualTo(NhoSamples.parsed(ADMISSION).recordKey());
            assertThat(parsed.version()).isEqualTo("20111220224447300");
            assertThat(parsed.resources()).isNotEmpty();
            assertThat(parsed.warnings()).extracting(w -> w.code()).contains("ssmix2.name.timestamp-short");
        });
    }

    @Test
    void theDeletedFileKeepsItsRecordKeyAndVersion() {
        ParseResult.Parsed deleted = NhoSamples.parsed(DELETED);

        assertThat(deleted.recordKey()).isEqualTo("ssmix2:OMP-11:20000401:123456789012346");
        assertThat(deleted.version()).isEqualTo("20110701113813226");
        assertThat(deleted.resources()).isEmpty();
        assertThat(deleted.patient().localId()).isEqualTo("0000001");
        assertThat(deleted.warnings()).extracting(p -> p.code()).containsExactly("ssmix2.pid-differs");
    }

    @Test
    void readingTheSameFileTwiceGivesTheSameKeys() {
        String file = "999/901/9999013/-/PPR-01/9999013_-_PPR-01_999999999999999_20111209163030000_01_1";

        assertThat(keys(NhoSamples.parsed(file))).isEqualTo(keys(NhoSamples.parsed(file)))
                .containsExactly("ssmix2:PPR-01:-:999999999999999", "ssmix2:PPR-01:-:999999999999999/Condition/123456789012345");
    }

    @Test
    void everyMappedResourceWritesAsJson() {
        var json = FhirContext.forR4Cached().newJsonParser();
        List<ParseResult.Parsed> parsed = NhoSamples.files().stream().flatMap(f -> NhoSamples.read(f).stream())
                .filter(r -> r instanceof ParseResult.Parsed).map(r -> (ParseResult.Parsed) r).toList();

        assertThat(parsed).hasSize(7).allSatisfy(p -> {
            assertThat(json.encodeResourceToString(p.patientResource())).contains("\"Patient\"");
            p.resources().forEach(r -> assertThat(json.encodeResourceToString(r.resource())).contains(r.type()));
        });
    }

    @Test
    void theWalkerGivesEverySampleWithAdmissionBeforeDischarge() {
        List<StorageEntry> entries;
        try (var stream = new Ssmix2Storage(NhoSamples.root()).entries()) {
            entries = stream.toList();
        }

        assertThat(entries).hasSize(22).allMatch(e -> e instanceof StorageEntry.StoredFile);
        List<String> paths = entries.stream().map(StorageEntry::relativePath).toList();
        assertThat(paths.indexOf(ADMISSION)).isLessThan(paths.indexOf(DISCHARGE));
        assertThat(paths).containsAll(NhoSamples.files());
    }

    private static List<String> select(Map<String, String> outcomes, String pathPattern) {
        return outcomes.entrySet().stream().filter(e -> e.getKey().matches(pathPattern)).map(Map.Entry::getValue).toList();
    }

    private static List<String> keys(ParseResult.Parsed parsed) {
        return Stream.concat(Stream.of(parsed.recordKey()),
                parsed.resources().stream().map(r -> r.sourceKey())).toList();
    }

    private static String outcome(String file) {
        List<ParseResult> results = NhoSamples.read(file);
        assertThat(results).as(file).hasSize(1);
        return switch (results.getFirst()) {
            case ParseResult.Parsed parsed -> parsed.action().name();
            case ParseResult.Rejected rejected -> "rejected " + rejected.problem().code();
        };
    }
}
