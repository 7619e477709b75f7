package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractGroup;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every written message is well-formed HL7 v2.5 as SS-MIX2 writes it, in ISO-2022-JP. */
class Ssmix2MessagesTest {

    /** STANDARDS §1.3: data type → MSH-9. */
    private static final Map<String, Set<String>> MESSAGE_TYPES = Map.of(
            "ADT-00", Set.of("ADT^A08^ADT_A01"), "ADT-12", Set.of("ADT^A04^ADT_A01"),
            "ADT-22", Set.of("ADT^A01^ADT_A01"), "ADT-52", Set.of("ADT^A03^ADT_A03"),
            "PPR-01", Set.of("PPR^ZD1^PPR_ZD1"), "OMP-01", Set.of("RDE^O11^RDE_O11"),
            "OMP-02", Set.of("RDE^O11^RDE_O11"), "OML-11", Set.of("OUL^R22^OUL_R22"));
    private static final String MSH_TAIL = "|P|2.5||||||~ISO IR87||ISO 2022-1994|"
            + "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO";

    @TempDir
    static Path out;
    static List<Path> files;

    @BeforeAll
    static void write() {
        SourceFiles.write(SourceTrees.network(11, 25), out, SourceOptions.defaults(11).withMessagesPerPatient(20)
                .withRevisions(5, 5));
        files = SourceTrees.ssmix2Files(out);
    }

    @Test
    void everyFileDecodesAsIso2022JpWithKanjiBetweenEscapeSequences() throws IOException {
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String text = SourceTrees.hl7(file);
            assertThat(indexOf(bytes, new byte[] {0x1B, 0x24, 0x42})).as("ESC $ B in " + file).isGreaterThan(0);
            assertThat(text).startsWith("MSH|^~\\&|").endsWith("\r").doesNotContain("\n");
            boolean sevenBit = true;
            for (byte b : bytes) {
                sevenBit &= b >= 0;
            }
            assertThat(sevenBit).as("7-bit bytes only in " + file).isTrue();
        }
    }

    @Test
    void mshCarriesTheSsmix2CharacterSetProfileAndTheMessageTypeOfItsDataType() {
        for (Path file : files) {
            String dataType = file.getFileName().toString().split("_")[2];
            String msh = SourceTrees.hl7(file).split("\r")[0];
            String[] fields = msh.split("\\|", -1);
            assertThat(MESSAGE_TYPES.get(dataType)).as(file.toString()).contains(fields[8]);
            assertThat(fields[6]).matches("\\d{14}\\.\\d{3}");
            assertThat(fields[9]).hasSize(20);
            assertThat(msh).endsWith(MSH_TAIL);
            assertThat(fields[3]).isEqualTo(out.relativize(file).getName(0).toString());
        }
    }

    @Test
    void everyMessageParsesWithHapiIntoItsV25StructureAndEncodesBackUnchanged() throws HL7Exception {
        PipeParser standard = parser(new DefaultHapiContext(new CanonicalModelClassFactory("2.5")));
        PipeParser generic = parser(new DefaultHapiContext(new GenericModelClassFactory()));
        for (Path file : files) {
            String text = SourceTrees.hl7(file);
            boolean zd1 = text.contains("|PPR^ZD1^PPR_ZD1|");
            PipeParser parser = zd1 ? generic : standard;
            Message message = parser.parse(text);
            assertThat(parser.encode(message)).as(file.toString()).isEqualTo(text);
            if (!zd1) {
                assertThat(nonStandardSegments(message)).as("segments out of place in " + file).isEmpty();
            }
        }
    }

    @Test
    void patientNamesAreKanjiAndKanaWithTheirRepresentationCodes() throws HL7Exception {
        PipeParser parser = parser(new DefaultHapiContext(new CanonicalModelClassFactory("2.5")));
        Path file = files.stream().filter(f -> f.toString().contains("ADT-00")).findFirst().orElseThrow();
        Terser terser = new Terser(parser.parse(SourceTrees.hl7(file)));
        assertThat(terser.get("/PID-5(0)-8")).isEqualTo("I");
        assertThat(terser.get("/PID-5(1)-8")).isEqualTo("P");
        assertThat(terser.get("/PID-5(1)-1")).matches("[\\p{IsKatakana}\\p{IsHiragana}ー　]+");
        assertThat(terser.get("/PID-3-1")).isEqualTo(file.getFileName().toString().split("_")[0]);
        assertThat(terser.get("/OBX(0)-3-3")).isEqualTo("JC10");
    }

    @Test
    void prescriptionsCarryYjCodesJamiUsagesAndDays() throws HL7Exception {
        PipeParser parser = parser(new DefaultHapiContext(new CanonicalModelClassFactory("2.5")));
        Path file = files.stream().filter(f -> f.toString().contains("OMP-01")).findFirst().orElseThrow();
        Terser terser = new Terser(parser.parse(SourceTrees.hl7(file)));
        assertThat(terser.get("/ORDER(0)/RXE-2-1")).matches("\\d{4}\\w{8}");
        assertThat(terser.get("/ORDER(0)/RXE-2-3")).isEqualTo("YJ");
        assertThat(terser.get("/ORDER(0)/TIMING_ENCODED/TQ1-3-1-1")).matches("\\d{16}");
        assertThat(terser.get("/ORDER(0)/TIMING_ENCODED/TQ1-3-1-3")).isEqualTo("JAMISDP01");
        assertThat(terser.get("/ORDER(0)/TIMING_ENCODED/TQ1-6-1")).matches("14|28|42|56");
    }

    @Test
    void problemListsCodeDiagnosesWithMedisKeysAndIcd10() {
        String ppr = SourceTrees.hl7(files.stream().filter(f -> f.toString().contains("PPR-01")).findFirst().orElseThrow());
        String prb = List.of(ppr.split("\r")).stream().filter(s -> s.startsWith("PRB|")).findFirst().orElseThrow();
        String[] fields = prb.split("\\|", -1);
        assertThat(fields[3]).matches("2\\d{7}\\^[^^]+\\^MDCDX2");
        assertThat(fields[10]).matches("[A-Z]\\d{2,3}\\^\\^I10\\^[OH]\\^.+\\^JHSD0004");
        assertThat(fields[16]).matches("\\d{8}");
        assertThat(ppr).contains("\rZPR||");
    }

    private static PipeParser parser(HapiContext context) {
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context.getPipeParser();
    }

    private static Set<String> nonStandardSegments(Group group) throws HL7Exception {
        Set<String> names = new HashSet<>(((AbstractGroup) group).getNonStandardNames());
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Group child) {
                    names.addAll(nonStandardSegments(child));
                }
            }
        }
        return names;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
