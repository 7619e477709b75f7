package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.orders.OrderMappers;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.ingest.ssmix2.Ssmix2Reader;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;

/**
 * Musubi's JSON writer against HAPI's encoder: the very same text for every resource the adapters map
 * (the same text means the same content hash, so a re-import after the switch stores no new versions),
 * and the resources it leaves to HAPI are few among mapped ones.
 */
class FhirJsonWriterTest {

    private static final FhirContext CONTEXT = encodingContext();
    private static final Path SAMPLES = Path.of("..", "shared", "samples");

    private final FhirJsonWriter writer = new FhirJsonWriter(CONTEXT);
    private final IParser hapi = CONTEXT.newJsonParser();

    @TempDir Path sources;

    private static FhirContext encodingContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }

    @Test
    void writesWhatHapiWritesForEveryResourceMappedFromSynthSources() throws IOException {
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(11, new SynthSize(24, 60, 0), 34);
        SourceFiles.write(network, 40, sources, SourceOptions.defaults(11).withMessagesPerPatient(40), done -> { });
        Map<String, int[]> byType = new TreeMap<>();
        try (Stream<Path> facilities = Files.list(sources)) {
            for (Path facility : facilities.sorted().toList()) {
                MappingContext context = new MappingContext(facility.getFileName().toString(), "合成施設");
                read(facility.resolve("ssmix2"), ImportKind.SSMIX2, new Ssmix2Reader(new Hl7Parsing(), OrderMappers.byDataType()), context, byType);
                read(facility.resolve("jahis"), ImportKind.JAHIS, jahisReader(), context, byType);
            }
        }

        assertThat(byType.keySet()).as("the corpus holds what the adapters map: " + describe(byType))
                .contains("Patient", "Encounter", "Condition", "MedicationRequest", "Observation", "DiagnosticReport",
                        "Specimen", "MedicationDispense");
        int written = byType.values().stream().mapToInt(c -> c[0]).sum();
        int leftToHapi = byType.values().stream().mapToInt(c -> c[1]).sum();
        assertThat(written).as("resources compared").isGreaterThan(5_000);
        assertThat(leftToHapi).as("mapped resources left to HAPI, by type: " + describe(byType)).isZero();
    }

    @Test
    void writesWhatHapiWritesForTheSampleMessagesAndNotebooks() throws IOException {
        Path nho = SAMPLES.resolve("ssmix2-nho").resolve("sampleData");
        Path jahis = SAMPLES.resolve("jahis-tc08");
        assumeTrue(Files.isDirectory(nho) && Files.isDirectory(jahis), "samples not present under " + SAMPLES.toAbsolutePath());
        Map<String, int[]> byType = new TreeMap<>();
        MappingContext context = new MappingContext("1312345678", "見本病院");
        read(nho, ImportKind.SSMIX2, new Ssmix2Reader(new Hl7Parsing(), OrderMappers.byDataType()), context, byType);
        read(jahis, ImportKind.JAHIS, jahisReader(), context, byType);

        assertThat(byType.values().stream().mapToInt(c -> c[0]).sum()).isGreaterThan(20);
        assertThat(byType.values().stream().mapToInt(c -> c[1]).sum()).as(describe(byType)).isZero();
    }

    @Test
    void writesWhatHapiWritesForJpCoreExamplesOrLeavesThemToIt() throws IOException {
        Path examples = SAMPLES.resolve("jp-clins-examples").resolve("ExampleJson");
        assumeTrue(Files.isDirectory(examples), "JP-CLINS examples not present at " + examples.toAbsolutePath());
        int own = 0;
        int files = 0;
        try (Stream<Path> list = Files.list(examples)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                IBaseResource resource = hapi.parseResource(Files.readString(file));
                files++;
                String expected = hapi.encodeResourceToString(resource);
                assertThat(writer.write(resource)).as(file.getFileName().toString()).isEqualTo(expected);
                String mine = writer.writeOwn(resource);
                if (mine != null) {
                    own++;
                    assertThat(mine).as(file.getFileName().toString()).isEqualTo(expected);
                }
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(own).as("examples written by Musubi's writer (the others hold narratives)").isPositive();
    }

    @Test
    void escapesAndNumbersAndEmptiesAsHapiDoes() {
        Observation observation = new Observation();
        observation.getMeta().addProfile("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult");
        observation.addIdentifier(new Identifier().setSystem("urn:oid:1.2.3").setValue("a\"b\\c\nd\re\tf\u0001g\u001fh/</i"));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept().setText("血糖 😀 \u2028 ｱｲｳ　全角").addCoding(new Coding("s", "c", null)));
        observation.addCategory(new CodeableConcept());
        observation.addCategory(new CodeableConcept().setText("   "));
        observation.addCategory(new CodeableConcept().setText("laboratory"));
        observation.setValue(new Quantity().setValue(new BigDecimal("6.80")).setUnit("%"));
        observation.addComponent().setValue(new IntegerType(-42));
        observation.addComponent().setValue(new BooleanType(false));
        observation.addComponent().setValue(new Quantity().setValueElement(new DecimalType("1.0E+3")));
        observation.addComponent().setValue(new Quantity().setValueElement(new DecimalType("-0.000120")));
        observation.addComponent().setValue(new DateTimeType("2026-11-23T09:00:00+09:00"));
        observation.addComponent().setValue(new StringType(""));
        observation.setSubject(new Reference("urn:source:Patient").setDisplay(""));
        observation.addPerformer(new Reference("#lab"));
        observation.addPerformer(new Reference("Organization/o-1"));
        observation.addContained(new Organization().setName("検査センター").setId("lab"));
        observation.addExtension(new Extension("urn:musubi:a", new StringType("x")));
        Extension nested = new Extension("urn:musubi:b");
        nested.addExtension(new Extension("inner", new Coding("s", "c", "d")));
        observation.addExtension(nested);
        observation.addModifierExtension(new Extension("urn:musubi:m", new BooleanType(true)));
        observation.getCode().addExtension("urn:musubi:on-concept", new StringType("y"));
        observation.setNote(List.of(new Annotation().setText("")));

        assertThat(writer.writeOwn(observation)).isEqualTo(hapi.encodeResourceToString(observation));
    }

    @Test
    void valuesHoldingOnlyEmptiesAreLeftOutAsHapiDoes() {
        Observation observation = new Observation();
        observation.addIdentifier(new Identifier().setType(new CodeableConcept().addCoding(new Coding())));
        observation.addIdentifier(new Identifier().setValue("kept"));
        observation.addIdentifier(new Identifier().setPeriod(new Period()));
        observation.setCode(new CodeableConcept().addCoding(new Coding().setDisplay(" ")).addCoding(new Coding()));
        observation.addCategory(new CodeableConcept().addCoding(new Coding().setCode("vital-signs")));
        observation.addCategory(new CodeableConcept().addCoding(new Coding()));
        observation.addReferenceRange().setLow(new Quantity()).setText("");
        observation.addReferenceRange().setHigh(new Quantity().setUnit("mg/dL"));
        observation.addComponent().setCode(new CodeableConcept()).setValue(new Quantity());
        observation.addContained(new Organization().setId("empty"));
        observation.addContained(new Organization().setName("").setId("blank"));
        observation.addContained(new Organization().setName("薬局").setId("pharmacy"));
        observation.addContained(new Practitioner().setId("only-id"));
        observation.addContained(new Practitioner().addName(new HumanName()).setId("empty-name"));
        observation.setMeta(new Meta().addTag(new Coding()));

        assertThat(writer.writeOwn(observation)).isEqualTo(hapi.encodeResourceToString(observation));

        Observation allEmpty = new Observation();
        allEmpty.addIdentifier(new Identifier());
        allEmpty.setCode(new CodeableConcept().addCoding(new Coding()));
        assertThat(writer.writeOwn(allEmpty)).isEqualTo(hapi.encodeResourceToString(allEmpty));

        // HAPI drops an extension without a value here, keeps one there, and keeps the element an empty
        // extension was on: all of it is left to HAPI.
        Extension emptyInner = new Extension("urn:musubi:empty-inner");
        emptyInner.addExtension(new Extension("inner"));
        Observation emptyExtensions = new Observation();
        emptyExtensions.setCode(new CodeableConcept().setText("x"));
        emptyExtensions.getCode().addExtension(new Extension("urn:musubi:blank", new StringType(" ")));
        for (Extension extension : List.of(new Extension("urn:musubi:empty-value", new CodeableConcept()),
                new Extension("urn:musubi:no-value"), emptyInner)) {
            Observation withExtension = new Observation().setStatus(Observation.ObservationStatus.FINAL);
            withExtension.addExtension(extension);
            assertThat(writer.writeOwn(withExtension)).as(extension.getUrl()).isNull();
            assertThat(writer.write(withExtension)).isEqualTo(hapi.encodeResourceToString(withExtension));
        }
        assertThat(writer.writeOwn(emptyExtensions)).isNull();
        assertThat(writer.write(emptyExtensions)).isEqualTo(hapi.encodeResourceToString(emptyExtensions));

        Observation containedWithoutId = new Observation();
        containedWithoutId.addContained(new Organization().setName("薬局"));
        assertThat(writer.writeOwn(containedWithoutId)).as("HAPI gives it a random id").isNull();
    }

    @Test
    void patientsWithNamesAndAnIdAsHapiWritesThem() {
        Patient patient = new Patient();
        patient.setId("p-1");
        HumanName name = patient.addName().setFamily("山田").addGiven("太郎").addGiven("");
        name.addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType("IDE"));
        patient.addName().setText("ヤマダ タロウ");
        patient.setActive(true);
        patient.setGender(Enumerations.AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType("1970-01-02"));
        patient.addAddress().addLine("広島市").addLine("中区");

        assertThat(writer.writeOwn(patient)).isEqualTo(hapi.encodeResourceToString(patient));
    }

    @Test
    void leavesToHapiWhatItDoesNotWriteItselfAndStillGivesHapisText() {
        Observation withNarrative = new Observation();
        withNarrative.setStatus(Observation.ObservationStatus.FINAL);
        withNarrative.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>");
        Observation extendedPrimitive = new Observation();
        extendedPrimitive.getStatusElement().setValue(Observation.ObservationStatus.FINAL).addExtension("urn:x", new StringType("y"));
        MedicationDispense heldResource = new MedicationDispense();
        heldResource.setSubject(new Reference(new Patient().addName(new HumanName().setFamily("x"))));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:1").setResource(new Patient().setActive(true));

        for (IBaseResource resource : List.of(withNarrative, extendedPrimitive, heldResource)) {
            assertThat(writer.writeOwn(resource)).as(resource.fhirType()).isNull();
            assertThat(writer.write(resource)).isEqualTo(hapi.encodeResourceToString(resource));
        }
        assertThat(writer.writeOwn(bundle)).isEqualTo(hapi.encodeResourceToString(bundle));
    }

    private void read(Path root, ImportKind kind, SourceReader reader, MappingContext context, Map<String, int[]> byType) {
        if (!Files.isDirectory(root)) {
            return;
        }
        for (Iterator<IncomingFile> files = FolderFiles.of(kind, root); files.hasNext(); ) {
            IncomingFile incoming = files.next();
            if (incoming.refused() != null) {
                continue;
            }
            SourceFile file = incoming.file();
            reader.read(file, context, result -> {
                if (result instanceof ParseResult.Rejected rejected) {
                    byType.computeIfAbsent("rejected " + rejected.problem().english(), t -> new int[2])[0]++;
                }
                if (result instanceof ParseResult.Parsed parsed) {
                    List<IBaseResource> resources = new ArrayList<>();
                    resources.add(parsed.patientResource());
                    parsed.resources().stream().map(MappedResource::resource).forEach(resources::add);
                    parsed.directory().forEach(d -> resources.add(d.resource()));
                    for (IBaseResource resource : resources) {
                        compare(file.name(), resource, byType);
                    }
                }
            });
        }
    }

    private void compare(String file, IBaseResource resource, Map<String, int[]> byType) {
        String expected = hapi.encodeResourceToString(resource);
        String mine = writer.writeOwn(resource);
        int[] counts = byType.computeIfAbsent(resource.fhirType(), t -> new int[2]);
        if (mine == null) {
            counts[1]++;
        } else {
            counts[0]++;
            assertThat(mine).as(file + ": " + resource.fhirType()).isEqualTo(expected);
        }
    }

    private static JahisReader jahisReader() {
        return new JahisReader(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    }

    private static String describe(Map<String, int[]> byType) {
        StringBuilder text = new StringBuilder();
        byType.forEach((type, c) -> text.append(type).append(' ').append(c[0]).append('/').append(c[1]).append("; "));
        return text.toString();
    }
}
