package org.musubi.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.hl7.fhir.r4.model.HumanName;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.record.fhir.FhirSystems;

class Hl7ParsingTest {

    private static final String PRESCRIPTION = String.join("\r",
            "MSH|^~\\&|HIS|SEND|GW|RCV|20110701224603.984||RDE^O11^RDE_O11|1|P|2.5||||||~ISO IR87||ISO 2022-1994",
            "PID|0001||9999013^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M|||^^^^422-8033^JPN^H^静岡県静岡市登呂１−３−５"
                    + "||^PRN^PH^^^^^^^^^054-000-0000",
            "ORC|NW|000000011000185||1|||||20110701103045",
            "RXE||108665201^ダーゼン錠（５mg)^HOT9|1||TAB^錠^MR9P",
            "TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||5^d|2011070100",
            "ZPR||20054174^胃炎^MDCDX2|||TSQF^胃炎^MDCDX2") + "\r";

    private final Hl7Parsing parsing = new Hl7Parsing();

    @Test
    void readsSegmentsInOrderWithFieldsAndComponents() throws Exception {
        Hl7Message message = parsing.parse(PRESCRIPTION);

        assertThat(message.type()).isEqualTo("RDE^O11");
        assertThat(message.segments()).extracting(Hl7Segment::name).containsExactly("MSH", "PID", "ORC", "RXE", "TQ1", "ZPR");
        Hl7Segment pid = message.first("PID").orElseThrow();
        assertThat(pid.line()).isEqualTo(2);
        assertThat(pid.text(3)).isEqualTo("9999013");
        assertThat(pid.repetitions(5)).hasSize(2);
        assertThat(message.header().text(12)).isEqualTo("2.5");
        assertThat(message.first("ZPR").orElseThrow().field(5).component(1)).isEqualTo("TSQF");
        Hl7Field usage = message.first("TQ1").orElseThrow().field(3);
        assertThat(usage.sub(1, 2)).isEqualTo("内服・経口・１日３回朝昼夕食後");
        assertThat(usage.componentAsField(1).component(3)).isEqualTo("JAMISDP01");
    }

    @Test
    void mapsNamesAddressPhoneSexAndCodings() throws Exception {
        Hl7Segment pid = parsing.parse(PRESCRIPTION).first("PID").orElseThrow();

        var names = Hl7Values.names(pid.repetitions(5));
        assertThat(names).extracting(HumanName::getFamily).containsExactly("患者", "カンジャ");
        assertThat(names.get(1).getExtensionByUrl(FhirSystems.NAME_REPRESENTATION).getValue().primitiveValue()).isEqualTo("SYL");
        assertThat(Hl7Values.address(pid.field(11)).orElseThrow().getPostalCode()).isEqualTo("422-8033");
        assertThat(Hl7Values.phone(pid.field(13)).orElseThrow().getValue()).isEqualTo("054-000-0000");
        assertThat(Hl7Values.sex(pid.text(8))).isEqualTo(Sex.MALE);
        var drug = Hl7Values.concept(parsing.parse(PRESCRIPTION).first("RXE").orElseThrow().field(2)).orElseThrow();
        assertThat(drug.getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.HOT9);
        assertThat(drug.getText()).isEqualTo("ダーゼン錠（５mg)");
    }

    @Test
    void readsTimestampsWithTheirPrecisionInJapanTime() {
        assertThat(Hl7Values.dateTime("20110701103045").orElseThrow().getValueAsString()).isEqualTo("2011-07-01T10:30:45+09:00");
        assertThat(Hl7Values.dateTime("201112202100").orElseThrow().getValueAsString()).isEqualTo("2011-12-20T21:00:00+09:00");
        assertThat(Hl7Values.dateTime("20110915").orElseThrow().getValueAsString()).isEqualTo("2011-09-15");
        assertThat(Hl7Values.dateTime("199601").orElseThrow().getValueAsString()).isEqualTo("1996-01");
        assertThat(Hl7Values.dateTime("20111220224447.3399").orElseThrow().getValueAsString())
                .isEqualTo("2011-12-20T22:44:47.339+09:00");
        assertThat(Hl7Values.dateTime("2011133")).isEmpty();
        assertThat(Hl7Values.dateTime("20241301")).isEmpty();
        assertThat(Hl7Values.dateTime("202402301200")).isEmpty();
        assertThat(Hl7Values.date("20110230")).isEmpty();
    }

    @Test
    void refusesTextThatIsNoHl7Message() {
        assertThatThrownBy(() -> parsing.parse("PID|1||123")).isInstanceOf(Hl7Parsing.Hl7Failure.class);
    }

    @Test
    void decodesIso2022JpAndToleratesShiftJis() {
        String text = "PID|0001||1||患者^太郎";
        var jis = Hl7Text.decode(text.getBytes(Hl7Text.ISO_2022_JP)).orElseThrow();
        assertThat(jis.text()).isEqualTo(text);
        assertThat(jis.tolerated()).isEmpty();
        var sjis = Hl7Text.decode(text.getBytes(Hl7Text.SHIFT_JIS)).orElseThrow();
        assertThat(sjis.text()).isEqualTo(text);
        assertThat(sjis.tolerated()).contains(Hl7Text.SHIFT_JIS);
        assertThat(Hl7Text.decode(text.getBytes(StandardCharsets.UTF_8)).orElseThrow().tolerated()).contains(StandardCharsets.UTF_8);
        assertThat(Hl7Text.decode(new byte[] {(byte) 0x82, (byte) 0x20})).isEmpty();
    }

    @Test
    void takesThePatientFromPid() throws Exception {
        PatientSegment pid = new PatientSegment(parsing.parse(PRESCRIPTION).first("PID").orElseThrow());

        var identity = pid.identity(pid.localId());
        assertThat(identity.localId()).isEqualTo("9999013");
        assertThat(identity.familyKanji()).isEqualTo("患者");
        assertThat(identity.givenKana()).isEqualTo("タロウ");
        assertThat(identity.birthDate()).hasToString("1948-04-05");
        assertThat(identity.postalCode()).isEqualTo("422-8033");
        assertThat(identity.address()).isEqualTo("静岡県静岡市登呂１−３−５");
        assertThat(identity.phone()).isEqualTo("054-000-0000");
        var patient = pid.resource("9999013", new MappingContext("3412345678", "テスト病院"));
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.100495.20.3.51.13412345678");
        assertThat(patient.getName()).hasSize(2);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1948-04-05");
    }

    /**
     * One instance serves every import thread. HAPI's PipeParser caches each message type's structure in a plain
     * HashMap, so threads meeting new message types at once saw a half-built structure and refused a valid
     * message (CI, UploadIT: "IStructureDefinition.getParent() is null"). Many threads, each parsing many message
     * types new to a fresh instance, must all succeed.
     */
    @Test
    void parsesFromManyThreadsAtOnceWhileMeetingNewMessageTypes() throws Exception {
        List<String> messages = new ArrayList<>();
        String[] events = {"A01", "A02", "A03", "A04", "A08", "A11", "A13", "A23", "A28", "A31", "A40", "A54", "A60"};
        for (String event : events) {
            messages.add("MSH|^~\\&|HIS|SEND|GW|RCV|20110701224603||ADT^" + event + "^ADT_" + event + "|1|P|2.5\r"
                    + "EVN||20110701\rPID|0001||9999013^^^^PI||患者^太郎||19480405|M\r");
        }
        for (String type : new String[] {"OMP^O09^OMP_O09", "RDE^O11^RDE_O11", "OML^O33^OML_O33", "OUL^R22^OUL_R22",
                "PPR^PC1^PPR_PC1", "ORU^R01^ORU_R01", "OMG^O19^OMG_O19", "RAS^O17^RAS_O17"}) {
            messages.add(PRESCRIPTION.replace("RDE^O11^RDE_O11", type));
        }
        int threads = 8;
        for (int round = 0; round < 30; round++) {
            Hl7Parsing fresh = new Hl7Parsing();
            CyclicBarrier start = new CyclicBarrier(threads);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < messages.size(); i++) {
                            String message = messages.get((i + offset) % messages.size());
                            assertThat(fresh.parse(message).segments()).hasSizeGreaterThan(2);
                        }
                    } catch (Exception | AssertionError e) {
                        failures.add(String.valueOf(e));
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(failures).as("round %d", round).isEmpty();
        }
    }
}
