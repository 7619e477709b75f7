package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.fhir.observation.VitalSign;
import org.musubi.testing.MusubiSources;

/**
 * One owner per FHIR meaning (issue 23): a code system, identifier system, profile or extension URI, and every URN
 * Musubi mints, is written as a string literal in one source file only — {@code record.fhir.FhirSystems} when more
 * than one class needs it — so that the adapters, the viewer and the API cannot drift apart on a spelling. The same
 * holds for codes (issue 40): a LOINC code is written in one file — {@code record.fhir.Loinc} when more than one
 * class needs it — and the interpretation codes (H, L, HH, LL …) are one table, {@code ObservationFlag}'s. A vital sign
 * (issue 64) is coded by one table, {@code record.fhir.observation.VitalSign}: no other file pairs a vital sign's LOINC code with its
 * unit (a second table of measures) or writes a vital sign's LOINC coding itself.
 */
class FhirVocabularyTest {

    /** The URIs of FHIR vocabulary: Musubi's URNs, OIDs, JP Core, HL7, LOINC, MEDIS, YJ, JAMI, UCUM. */
    static final Pattern VOCABULARY = Pattern.compile("\"(urn:musubi[^\"]*|urn:oid:[0-9.]+|http://jpfhir\\.jp[^\"]*"
            + "|http://(terminology\\.)?hl7\\.org/[^\"]*|http://loinc\\.org|http://medis\\.or\\.jp[^\"]*"
            + "|http://capstandard\\.jp[^\"]*|http://jami\\.jp[^\"]*|http://unitsofmeasure\\.org)\"");
    static final Path SOURCES = Path.of("src", "main", "java");
    /** A LOINC code as a literal: up to five digits, a dash and LOINC's mod-10 check digit ({@link #isLoinc}). */
    static final Pattern LOINC_CODE = Pattern.compile("\"([0-9]{1,5}-[0-9])\"");
    /**
     * The interpretation codes only a table of them writes: critically (HH, LL), significantly (HU, LU) and beyond the
     * instrument's scale (HX, LX) high and low, critically abnormal (AA). A file with two of them (or HL7's
     * interpretation system) declares an interpretation table; the plain H and L are left out, since other HL7 tables
     * use them too (a diagnosis type, an address type).
     */
    static final Pattern INTERPRETATION_CODE = Pattern.compile("\"(HH|LL|HU|LU|HX|LX|AA)\"");
    static final String INTERPRETATION_SYSTEM = "\"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation\"";
    static final String INTERPRETATION_OWNER = "org/musubi/record/fhir/observation/ObservationFlag.java";
    /** The one table of vital signs, and the file that declares their codes. */
    static final List<String> VITAL_SIGN_OWNERS = List.of("org/musubi/record/fhir/Loinc.java",
            "org/musubi/record/fhir/observation/VitalSign.java");
    /** The UCUM units of vital signs and body measurements, as a table of measures writes them beside a code. */
    static final String VITAL_UNITS = "\"(?:mm\\[Hg\\]|/min|Cel|%|kg|cm|kg/m2)\"";

    /**
     * One reader per clinical meaning (issue 63): a Condition's verification status (疑い, refuted, entered in error) is
     * read by {@code record.fhir.condition.ConditionStatus} only — an allergy's by {@code record.fhir.FhirJson} and
     * {@code record.fhir.AllergyStatus} — as a JSON member or through HAPI's getter; writers set it
     * ({@code ConditionStatus.verification}).
     */
    static final Pattern VERIFICATION_READ = Pattern.compile("\\(\"/?verificationStatus(?:/[^\"]*)?\"\\)"
            + "|\\.(?:get|has)VerificationStatus\\(\\)");
    static final Set<String> VERIFICATION_READERS = Set.of("org/musubi/record/fhir/condition/ConditionStatus.java",
            "org/musubi/record/fhir/FhirJson.java", "org/musubi/record/fhir/allergy/AllergyStatus.java");
    /**
     * A Condition's or an allergy's clinical status (whether it holds now) is read by the same readers as its
     * verification status (issue 68): {@code ConditionStatus}, {@code AllergyStatus.holds} and
     * {@code AllergyStatus.clinical}.
     */
    static final Pattern CLINICAL_READ = read("clinicalStatus");
    static final Set<String> CLINICAL_READERS = VERIFICATION_READERS;
    /**
     * The drug a prescription, dispensing or statement names as a concept ({@code medicationCodeableConcept}) is read
     * by {@code record.fhir.medication.MedicationConcept} only (issue 68) — and by the JP-CLINS check of a
     * prescription's codes, a validator in {@code record.fhir} that the medication package stands on.
     */
    static final Pattern DRUG_READ = read("medicationCodeableConcept");
    static final Set<String> DRUG_READERS = Set.of("org/musubi/record/fhir/medication/MedicationConcept.java",
            "org/musubi/record/fhir/ClinsRules.java");
    /**
     * Where issue 68 lets a reader of these meanings live: {@code record.fhir}, {@code medication.fhir} and the
     * importers' mappers (which read a sender's resource to map it); every owner above lies there.
     */
    static boolean readerPlace(String file) {
        return file.startsWith("org/musubi/record/fhir/") || file.startsWith("org/musubi/medication/fhir/")
                || file.startsWith("org/musubi/ingest/") && file.matches(".*/(mapping/[^/]*|[^/]*Mapper)\\.java");
    }

    /**
     * Reading the JSON member {@code member} — a call with its name or a JSON pointer to it alone ({@code path},
     * {@code get}, {@code has}, {@code at} …) — or HAPI's getter or {@code has} of it; a writer ({@code setX}, a JSON
     * {@code put}) or a list of member names (a data item's fields) is not a read.
     */
    static Pattern read(String member) {
        String element = Character.toUpperCase(member.charAt(0)) + member.substring(1);
        return Pattern.compile("\\b(?:path|get|has|at|required|findValue|findPath)\\(\"/?" + member
                + "(?:/[^\"]*)?\"\\)|\\.(?:get|has)" + element + "\\(\\)");
    }

    @Test
    void aVerificationStatusIsReadByItsReadersOnly() throws IOException {
        assertThat(readersOutside(sources(), VERIFICATION_READ, VERIFICATION_READERS))
                .as("files reading a verification status themselves: read a Condition's through "
                        + "org.musubi.record.fhir.condition.ConditionStatus (an allergy's through AllergyStatus.holds, "
                        + "verification or enteredInError), so that 疑い and a refuted diagnosis read the same everywhere")
                .isEmpty();
    }

    /** The rule finds a screen that reads 疑い itself, in JSON or in HAPI's model, and lets its reader do so. */
    @Test
    void aVerificationStatusReadOutsideItsReaderIsFound() {
        Map<String, String> fixture = Map.of(
                "a/Letter.java", "boolean suspected = \"unconfirmed\".equals(json.path(\"verificationStatus\").path(\"coding\"));",
                "b/Chart.java", "if (c.getVerificationStatus().getCodingFirstRep().getCode().equals(\"provisional\")) { }",
                "c/Importer.java", "condition.setVerificationStatus(ConditionStatus.verification(true));",
                "org/musubi/record/fhir/condition/ConditionStatus.java", "code(condition.path(\"verificationStatus\"), SYSTEM)");
        assertThat(readersOutside(fixture, VERIFICATION_READ, VERIFICATION_READERS))
                .containsExactly("a/Letter.java", "b/Chart.java");
    }

    @Test
    void aClinicalStatusAndADrugConceptAreReadByTheirReadersOnly() throws IOException {
        Map<String, String> sources = sources();
        assertThat(readersOutside(sources, CLINICAL_READ, CLINICAL_READERS))
                .as("files reading a clinical status themselves: read a Condition's through "
                        + "org.musubi.record.fhir.condition.ConditionStatus (an allergy's through AllergyStatus.holds or "
                        + "clinical), so that whether a diagnosis or an allergy holds reads the same everywhere")
                .isEmpty();
        assertThat(readersOutside(sources, DRUG_READ, DRUG_READERS))
                .as("files reading a drug's concept themselves: read it through "
                        + "org.musubi.record.fhir.medication.MedicationConcept (stated, of, written)")
                .isEmpty();
    }

    /** Each meaning's readers lie where issue 68 lets them: record.fhir, medication.fhir, the importers' mappers. */
    @Test
    void theReadersLieInTheRecordsFhirPackages() {
        Set<String> owners = new TreeSet<>(VERIFICATION_READERS);
        owners.addAll(CLINICAL_READERS);
        owners.addAll(DRUG_READERS);
        owners.addAll(PERIOD_READERS);
        owners.add("org/musubi/record/fhir/observation/ObservationValue.java");
        assertThat(owners).allMatch(FhirVocabularyTest::readerPlace);
        assertThat(List.of("org/musubi/ingest/ssmix2/mapping/Allergies.java", "org/musubi/ingest/x/DrugMapper.java",
                "org/musubi/medication/fhir/ReadMedications.java")).allMatch(FhirVocabularyTest::readerPlace);
        assertThat(List.of("org/musubi/portal/chart/ChartEntries.java", "org/musubi/ingest/orca/OrcaPatients.java",
                "org/musubi/medication/notebook/RpLines.java")).noneMatch(FhirVocabularyTest::readerPlace);
    }

    /**
     * The rules find a chart that decides itself whether an allergy holds or which drug was given — in JSON, by JSON
     * pointer, through HAPI's getter or its {@code has} — and let the readers, the writers and lists of fields be.
     */
    @Test
    void aClinicalStatusOrADrugConceptReadOutsideItsReaderIsFound() {
        Map<String, String> statuses = Map.of(
                "a/Chart.java", "String holds = text(r.path(\"clinicalStatus\").path(\"coding\").path(0).path(\"code\"));",
                "b/Sheet.java", "if (allergy.getClinicalStatus().getCodingFirstRep().getCode().equals(\"active\")) { }",
                "c/Letter.java", "boolean stated = condition.hasClinicalStatus();",
                "d/Pointer.java", "String code = r.at(\"/clinicalStatus/coding/0/code\").asString();",
                "e/Importer.java", "condition.setClinicalStatus(concept(FhirSystems.CONDITION_CLINICAL, status));",
                "f/DataItem.java", "DIAGNOSIS_STATUS(DataCategory.DIAGNOSES, \"clinicalStatus\", \"verificationStatus\")",
                "g/KindTable.java", "indexed(\"Condition\", List.of(\"code\"), List.of(\"clinicalStatus\"))",
                "h/Verified.java", "boolean verified = c.hasVerificationStatus();",
                "org/musubi/record/fhir/condition/ConditionStatus.java", "code(condition.path(\"clinicalStatus\"), SYSTEM)");
        assertThat(readersOutside(statuses, CLINICAL_READ, CLINICAL_READERS))
                .containsExactly("a/Chart.java", "b/Sheet.java", "c/Letter.java", "d/Pointer.java");
        assertThat(readersOutside(statuses, VERIFICATION_READ, VERIFICATION_READERS)).containsExactly("h/Verified.java");
        Map<String, String> drugs = Map.of(
                "a/Chart.java", "JsonNode concept = r.path(\"medicationCodeableConcept\");",
                "b/Notebook.java", "CodeableConcept drug = dispense.getMedicationCodeableConcept();",
                "c/Clins.java", "if (m.hasMedicationCodeableConcept()) { }",
                "d/Crew.java", "boolean coded = r.has(\"medicationCodeableConcept\");",
                "e/Writer.java", "request.setMedication(new CodeableConcept(new Coding(FhirSystems.YJ, yj, name)));",
                "f/RecordItem.java", "List<String> NAMED_BY = List.of(\"code\", \"medicationCodeableConcept\", \"type\");",
                "g/Json.java", "node.put(\"medicationCodeableConcept\", concept);",
                "org/musubi/record/fhir/medication/MedicationConcept.java", "return r.path(\"medicationCodeableConcept\");");
        assertThat(readersOutside(drugs, DRUG_READ, DRUG_READERS))
                .containsExactly("a/Chart.java", "b/Notebook.java", "c/Clins.java", "d/Crew.java");
        Map<String, String> units = Map.of("a/Ai.java", "if (observation.hasValueQuantity()) { }",
                "b/Pointer.java", "r.at(\"/valueQuantity/unit\")", "c/Pathway.java", "Map.of(\"quantity\", Set.of(\"valueQuantity\"))");
        assertThat(units.entrySet().stream().filter(e -> !unitReader(e.getKey()) && UNIT_READ.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList()).containsExactly("a/Ai.java", "b/Pointer.java");
    }

    /**
     * A medication's supply and period ({@code daysSupply}, {@code dispenseRequest.expectedSupplyDuration}, the
     * dosage's {@code boundsPeriod} and {@code boundsDuration}) are read by {@code record.fhir.medication.MedicationCourse}
     * only: what "current medication" means is its and {@code CurrentMedication}'s decision.
     */
    static final Pattern PERIOD_READ = Pattern.compile("(path|get|has)\\(\"(daysSupply|expectedSupplyDuration|boundsPeriod"
            + "|boundsDuration)\"\\)|\\.get(DaysSupply|ExpectedSupplyDuration|BoundsPeriod|BoundsDuration)\\(\\)");
    static final Set<String> PERIOD_READERS = Set.of("org/musubi/record/fhir/medication/MedicationCourse.java");
    /**
     * A value's quantity and unit ({@code valueQuantity}) are read by {@code record.fhir.observation} (and the JSON
     * helper {@code FhirJson}) only: the number as written, its comparator, its unit for people.
     */
    static final Pattern UNIT_READ = read("valueQuantity");

    static boolean unitReader(String file) {
        return file.startsWith("org/musubi/record/fhir/observation/") || file.equals("org/musubi/record/fhir/FhirJson.java");
    }

    @Test
    void aMedicationsPeriodAndAValuesUnitAreReadByTheirReadersOnly() throws IOException {
        Map<String, String> sources = sources();
        assertThat(readersOutside(sources, PERIOD_READ, PERIOD_READERS))
                .as("files reading a medication's supply or period themselves: read it through "
                        + "org.musubi.record.fhir.medication.MedicationCourse (current medication: CurrentMedication)")
                .isEmpty();
        assertThat(sources.entrySet().stream().filter(e -> !unitReader(e.getKey()) && UNIT_READ.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).toList())
                .as("files reading a value's quantity or unit themselves: read it through "
                        + "org.musubi.record.fhir.observation.ObservationValue")
                .isEmpty();
    }

    /** The rules find a page that decides a drug's days or a value's unit itself, and let the readers do so. */
    @Test
    void aPeriodOrAUnitReadOutsideItsReaderIsFound() {
        Map<String, String> fixture = Map.of(
                "a/Letter.java", "int days = json.path(\"dispenseRequest\").path(\"expectedSupplyDuration\").path(\"value\").asInt();",
                "b/Notebook.java", "if (dispense.getDaysSupply().getValue().intValue() > 14) { }",
                "c/Crew.java", "boolean drip = r.path(\"dosageInstruction\").path(0).path(\"timing\").path(\"repeat\").has(\"boundsPeriod\");",
                "d/Research.java", "List<String> FIELDS = List.of(\"daysSupply\", \"quantity\");",
                "org/musubi/record/fhir/medication/MedicationCourse.java", "duration(r.path(\"daysSupply\"))");
        assertThat(readersOutside(fixture, PERIOD_READ, PERIOD_READERS))
                .containsExactly("a/Letter.java", "b/Notebook.java", "c/Crew.java");
        Map<String, String> units = Map.of(
                "a/Letter.java", "String unit = json.path(\"valueQuantity\").path(\"unit\").asString(null);",
                "b/Ai.java", "observation.getValueQuantity().getUnit()",
                "c/Pathway.java", "Map.of(\"quantity\", Set.of(\"valueQuantity\"))",
                "org/musubi/record/fhir/observation/ObservationValue.java", "quantity(observation.path(\"valueQuantity\"))");
        assertThat(units.entrySet().stream().filter(e -> !unitReader(e.getKey()) && UNIT_READ.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList()).containsExactly("a/Letter.java", "b/Ai.java");
    }

    /** The files outside {@code owners} in which {@code read} is found. */
    static List<String> readersOutside(Map<String, String> sources, Pattern read, Set<String> owners) {
        return sources.entrySet().stream().filter(e -> !owners.contains(e.getKey()) && read.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void eachVocabularyUriIsDeclaredInOneFile() throws IOException {
        Map<String, Set<String>> filesByUri = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher uri = VOCABULARY.matcher(Files.readString(file));
                while (uri.find()) {
                    filesByUri.computeIfAbsent(uri.group(1), k -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(filesByUri).as("the sources hold FHIR vocabulary").isNotEmpty();
        List<String> repeated = filesByUri.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue()).toList();
        assertThat(repeated)
                .as("URIs written in more than one file: declare them once in org.musubi.record.fhir.FhirSystems")
                .isEmpty();
    }

    @Test
    void eachLoincCodeIsDeclaredInOneFile() throws IOException {
        Map<String, Set<String>> filesByCode = loincCodes(sources());
        assertThat(filesByCode).as("the sources hold LOINC codes").containsKey("85354-9");
        assertThat(repeated(filesByCode))
                .as("LOINC codes written in more than one file: declare each once as a constant of "
                        + "org.musubi.record.fhir.Loinc (the 特定健診 item → LOINC table is there too) and use that")
                .isEmpty();
    }

    @Test
    void theInterpretationCodesAreOneTable() throws IOException {
        assertThat(interpretationTables(sources()))
                .as("interpretation tables (HL7 ObservationInterpretation codes H, L, HH, LL … or their system): read a "
                        + "flag and write an interpretation through org.musubi.record.fhir.observation.ObservationFlag, "
                        + "the one table")
                .containsExactly(INTERPRETATION_OWNER);
    }

    @Test
    void vitalSignsAreCodedByTheOneTable() throws IOException {
        assertThat(vitalSignCoders(sources()))
                .as("vital signs coded outside the one table: take a vital sign's codes, name, unit and categories from "
                        + "org.musubi.record.fhir.observation.VitalSign (code(), unit().quantity(), classify(), bloodPressure())")
                .isEmpty();
    }

    /** The rules above catch what they are for: a repeated LOINC code, a second interpretation table. */
    @Test
    void aRepeatedCodeAndASecondTableAreFound() {
        Map<String, String> fixture = Map.of(
                "a/Vitals.java", "String SYSTOLIC = \"8480-6\"; String NOTE = \"2-9\";",
                "b/Chart.java", "if (code.equals(\"8480-6\")) { } String OTHER_NOTE = \"2-9\";",
                "c/Flags.java", "switch (code) { case \"HH\" -> HIGH; case \"LL\" -> LOW; }",
                "d/Writer.java", "new Coding(" + INTERPRETATION_SYSTEM + ", \"H\", \"High\")",
                "e/Allergy.java", "case \"AA\" -> \"anaphylaxis\";");
        assertThat(repeated(loincCodes(fixture))).containsExactly("8480-6 in [a/Vitals.java, b/Chart.java]");
        assertThat(interpretationTables(fixture)).containsExactly("c/Flags.java", "d/Writer.java");
        assertThat(List.of("8480-6", "8462-4", "29463-7", "85354-9", "10331-7", "2708-6", "59408-5"))
                .as("LOINC's check digit").allMatch(FhirVocabularyTest::isLoinc);
        assertThat(List.of("2-9", "8480-5", "1-1")).noneMatch(FhirVocabularyTest::isLoinc);
    }

    /**
     * The vital-sign rule catches what issue 64 found: a care team's own table of measures (SpO2 coded as the arterial
     * blood gas code, with its own units and no Japanese name), a single vital sign's LOINC coding written by hand (by
     * constant or literal), and a literal code beside a unit; it leaves alone a reader that compares codes, a coding
     * from the one table and a laboratory code beside a unit.
     */
    @Test
    void aVitalSignCodedOutsideTheOneTableIsFound() {
        Map<String, String> fixture = new TreeMap<>(Map.of(
                "a/TeamRecords.java", """
                        enum Measure {
                            SYSTOLIC(Loinc.SYSTOLIC, "mm[Hg]", "mmHg"), PULSE(Loinc.HEART_RATE, "/min", "回/分"),
                            SPO2(Loinc.OXYGEN_SATURATION, "%", "%");
                        }""",
                "b/Writer.java", """
                        observation.setCode(new CodeableConcept(new Coding(FhirSystems.LOINC, Loinc.OXYGEN_SATURATION,
                                Loinc.display(Loinc.OXYGEN_SATURATION))));""",
                "c/Literal.java", "SPO2(\"59408-5\", null, \"SpO2\", \"%\", 0)",
                "d/Coded.java", "new Coding(FhirSystems.LOINC,\n  \"8867-4\", \"Heart rate\")",
                "e/Reader.java", "if (Loinc.BLOOD_PRESSURE.equals(code) || Set.of(Loinc.SYSTOLIC).contains(c)) { }",
                "f/OneTable.java", "panel.setCode(VitalSign.bloodPressure()); single.setCode(VitalSign.SPO2.code());",
                "g/Lab.java", "HBA1C(\"4548-4\", \"%\", 1)",
                "org/musubi/record/fhir/observation/VitalSign.java", "SPO2(List.of(Loinc.PULSE_OXIMETRY), \"SpO2\", \"%\")"));
        assertThat(vitalSignCoders(fixture)).containsExactly("a/TeamRecords.java", "b/Writer.java", "c/Literal.java",
                "d/Coded.java");
    }

    /**
     * The files, other than {@link #VITAL_SIGN_OWNERS}, that code a vital sign themselves: a vital sign's LOINC code (a
     * constant of {@code Loinc} or the literal) beside a unit in one argument list — a table of measures of its own —, or
     * a LOINC {@code Coding} built from one.
     */
    static List<String> vitalSignCoders(Map<String, String> sources) {
        Map<String, String> names = vitalSignConstants();
        String code = "(?:Loinc\\.(?:" + String.join("|", names.keySet()) + ")\\b|\"(?:"
                + String.join("|", names.values()) + ")\")";
        Pattern table = Pattern.compile(code + "\\s*,[^;(){}]*?" + VITAL_UNITS);
        Pattern coding = Pattern.compile("new\\s+Coding\\(\\s*FhirSystems\\.LOINC\\s*,\\s*" + code);
        return sources.entrySet().stream().filter(e -> !VITAL_SIGN_OWNERS.contains(e.getKey()))
                .filter(e -> table.matcher(e.getValue()).find() || coding.matcher(e.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The constants of {@code Loinc} that name a vital sign's code (the table's and the blood-pressure panel's). */
    static Map<String, String> vitalSignConstants() {
        Set<String> codes = new TreeSet<>();
        for (VitalSign sign : VitalSign.values()) {
            codes.addAll(sign.codes());
        }
        codes.add(Loinc.BLOOD_PRESSURE);
        Map<String, String> names = new TreeMap<>();
        for (Field field : Loinc.class.getFields()) {
            try {
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String value
                        && codes.contains(value)) {
                    names.put(field.getName(), Pattern.quote(value));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(names.values()).as("every vital sign's code is a constant of Loinc").hasSize(codes.size());
        return names;
    }

    /** Each LOINC code written as a literal, with the files that write it. */
    static Map<String, Set<String>> loincCodes(Map<String, String> sources) {
        Map<String, Set<String>> filesByCode = new TreeMap<>();
        sources.forEach((file, source) -> {
            Matcher code = LOINC_CODE.matcher(source);
            while (code.find()) {
                if (isLoinc(code.group(1))) {
                    filesByCode.computeIfAbsent(code.group(1), k -> new TreeSet<>()).add(file);
                }
            }
        });
        return filesByCode;
    }

    /** The files that declare interpretation codes: two of the table-only codes, or HL7's interpretation system. */
    static List<String> interpretationTables(Map<String, String> sources) {
        return sources.entrySet().stream().filter(e -> {
            Set<String> codes = new TreeSet<>();
            Matcher code = INTERPRETATION_CODE.matcher(e.getValue());
            while (code.find()) {
                codes.add(code.group(1));
            }
            return codes.size() >= 2 || e.getValue().contains(INTERPRETATION_SYSTEM);
        }).map(Map.Entry::getKey).sorted().toList();
    }

    private static List<String> repeated(Map<String, Set<String>> filesByCode) {
        return filesByCode.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue()).toList();
    }

    /** Whether a dashed number is a LOINC code: its last digit is LOINC's mod-10 check digit of the digits before. */
    static boolean isLoinc(String code) {
        String digits = code.substring(0, code.indexOf('-'));
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted / 10 + weighted % 10;
        }
        return (10 - sum % 10) % 10 == code.charAt(code.length() - 1) - '0';
    }

    /** Every main source file's text, by its path under {@code src/main/java} ({@code /} between folders). */
    private static Map<String, String> sources() throws IOException {
        return MusubiSources.main();
    }
}
