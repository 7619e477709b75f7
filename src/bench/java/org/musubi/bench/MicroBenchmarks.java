package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.identity.Person;
import org.musubi.identity.matching.Matcher;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.hl7.orders.OrderMappers;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.ingest.ssmix2.Ssmix2Reader;
import org.musubi.record.fhir.FhirJsonWriter;
import org.musubi.synth.SourceRecord;
import org.musubi.synth.SourceRecordGenerator;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro benchmarks of the CPU work behind the suite's end-to-end figures, one operation at a
 * time, sampled ({@link Mode#SampleTime}, so the suite reports percentiles): reading one SS-MIX2
 * message (decode, HAPI HL7 parse, map to FHIR), one JAHIS notebook of four dispensing blocks, writing
 * the resources mapped from one of each as JSON, and
 * matching one source record against its candidates from 100,000 synthetic persons. Run by
 * {@link MicroRun} ({@code bench/suite.sh}), never by {@code ./mvnw verify}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
public class MicroBenchmarks {

    private static final MappingContext HOSPITAL = new MappingContext("1312345678", "ベンチ病院");
    private static final MappingContext PHARMACY = new MappingContext("1341234567", "ベンチ薬局");

    /** 2,000 SS-MIX2 messages of the shapes a hospital storage holds, read in turn. */
    @State(Scope.Thread)
    public static class Ssmix2Messages {
        List<SourceFile> files;
        Ssmix2Reader reader;
        int next;

        @Setup
        public void setUp() {
            files = Ssmix2MessageShapes.generate(2_000, 1);
            reader = new Ssmix2Reader(new Hl7Parsing(), Map.of());
        }
    }

    /** 500 JAHIS notebooks (half UTF-8 LF, half Shift_JIS CRLF), four dispensing blocks each. */
    @State(Scope.Thread)
    public static class JahisNotebooks {
        List<SourceFile> files;
        JahisReader reader;
        int next;

        @Setup
        public void setUp() {
            files = JahisParseBenchmark.notebooks(500, 4, new SplittableRandom(1));
            reader = new JahisReader();
        }
    }

    /**
     * The resources mapped from 500 JAHIS notebooks and from 2,000 SS-MIX2 messages, one list per file, and
     * Musubi's JSON writer with the import's encoding options (no automatic containment).
     */
    @State(Scope.Thread)
    public static class MappedResources {
        List<List<Resource>> notebooks;
        List<List<Resource>> messages;
        FhirJsonWriter writer;
        int next;

        @Setup
        public void setUp() {
            notebooks = mapped(new JahisReader(), JahisParseBenchmark.notebooks(500, 4, new SplittableRandom(1)), PHARMACY);
            messages = mapped(new Ssmix2Reader(new Hl7Parsing(), Map.of()), Ssmix2MessageShapes.generate(2_000, 1), HOSPITAL);
            FhirContext context = FhirContext.forR4();
            context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
            writer = new FhirJsonWriter(context);
        }

        private static List<List<Resource>> mapped(SourceReader reader, List<SourceFile> files, MappingContext context) {
            List<List<Resource>> mapped = new ArrayList<>();
            for (SourceFile file : files) {
                List<Resource> resources = new ArrayList<>();
                reader.read(file, context, result -> {
                    if (result instanceof ParseResult.Parsed parsed) {
                        parsed.resources().forEach(m -> resources.add(m.resource()));
                    }
                });
                mapped.add(resources);
            }
            return mapped;
        }
    }

    /**
     * The SS-MIX2 messages {@code synth} writes for 30 persons of a 20-facility network (100 messages a
     * patient: the mix the ingest benchmark imports, mostly prescriptions, visits and lab orders), as
     * read from the storage and as decoded text.
     */
    @State(Scope.Thread)
    public static class SynthStorage {
        List<SourceFile> files;
        List<String> texts;
        Ssmix2Reader reader;
        Hl7Parsing parsing;
        int next;

        @Setup
        public void setUp() throws IOException {
            Path dir = Files.createTempDirectory("musubi-micro-ssmix2");
            SourceFiles.write(new SyntheticNetworkGenerator().generate(1, new SynthSize(20, 60, 0), 34), 30, dir,
                    SourceOptions.defaults(1).withMessagesPerPatient(100), done -> { });
            files = new ArrayList<>();
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted().toList()) {
                    String name = path.toString();
                    int root = name.indexOf("/ssmix2/");
                    if (root >= 0 && Files.isRegularFile(path)) {
                        files.add(SourceFile.of(name.substring(root + "/ssmix2/".length()), Files.readAllBytes(path)));
                    }
                }
            }
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            texts = files.stream().map(f -> Hl7Text.decode(f.bytes()).orElseThrow().text()).toList();
            parsing = new Hl7Parsing();
            reader = new Ssmix2Reader(parsing, OrderMappers.byDataType());
        }
    }

    /** 100,000 persons indexed by blocking keys and 20,000 source records with the usual corruptions. */
    @State(Scope.Thread)
    public static class Population {
        PersonIndex index;
        List<SourceRecord> records;
        Matcher matcher;
        int next;

        @Setup
        public void setUp() {
            List<Person> persons = new SyntheticNetworkGenerator().persons(2026, 100_000, 34).toList();
            index = new PersonIndex(persons);
            records = new SourceRecordGenerator().records(2026, persons.size(), 20_000, 34).toList();
            matcher = new Matcher();
        }
    }

    @Benchmark
    public void ssmix2MessageParseAndMap(Ssmix2Messages state, Blackhole sink) {
        SourceFile file = state.files.get(state.next++ % state.files.size());
        state.reader.read(file, HOSPITAL, sink::consume);
    }

    @Benchmark
    public void jahisNotebookParseAndMap(JahisNotebooks state, Blackhole sink) {
        SourceFile file = state.files.get(state.next++ % state.files.size());
        state.reader.read(file, PHARMACY, sink::consume);
    }

    /** HAPI's parse of one message of the synth storage's mix (Musubi's Hl7Parsing: HAPI's PipeParser, then the segment split). */
    @Benchmark
    public Object ssmix2SynthHl7Parse(SynthStorage state) throws Hl7Parsing.Hl7Failure {
        return state.parsing.parse(state.texts.get(state.next++ % state.texts.size()));
    }

    /** Reading one message of the synth storage's mix: decode, parse, check and map to FHIR. */
    @Benchmark
    public void ssmix2SynthReadAndMap(SynthStorage state, Blackhole sink) {
        state.reader.read(state.files.get(state.next++ % state.files.size()), HOSPITAL, sink::consume);
    }

    /** Writing as JSON every resource mapped from one JAHIS notebook (what an import stores). */
    @Benchmark
    public void jahisNotebookJson(MappedResources state, Blackhole sink) {
        for (Resource resource : state.notebooks.get(state.next++ % state.notebooks.size())) {
            sink.consume(state.writer.write(resource));
        }
    }

    /** Writing as JSON every resource mapped from one SS-MIX2 message. */
    @Benchmark
    public void ssmix2MessageJson(MappedResources state, Blackhole sink) {
        for (Resource resource : state.messages.get(state.next++ % state.messages.size())) {
            sink.consume(state.writer.write(resource));
        }
    }

    @Benchmark
    public Object matchOneSourceRecord(Population state) {
        SourceRecord record = state.records.get(state.next++ % state.records.size());
        return state.matcher.match(record.demographics(), state.index.candidates(record.demographics()));
    }
}
