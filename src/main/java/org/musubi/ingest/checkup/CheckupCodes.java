package org.musubi.ingest.checkup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.results.Interpretations;
import org.musubi.record.fhir.FhirSystems;

/**
 * The code systems a checkup document names by OID, as FHIR systems: the 特定健診項目コード (1.2.392.200119.6.1005)
 * and JLAC10 (1.2.392.200119.4.504) under the URIs {@link FhirSystems} declares, HL7's ObservationInterpretation
 * (2.16.840.1.113883.5.83, the 以上/以下 of a value outside the range a result can be entered in) under its FHIR URI,
 * and every other OID (the result-code tables 1.2.392.200119.6.2xxx: 尿糖 1.2.392.200119.6.2102 …) as
 * {@code urn:oid:<OID>}. It knows the names of the 特定健診 items ({@code items.tsv}) and the result-code tables of the
 * form ({@code result-codes.tsv}), typed from the MHLW's item table and OID table (第4期), for documents that send a
 * code without its {@code displayName}.
 */
final class CheckupCodes {

    static final String ITEM = "1.2.392.200119.6.1005";
    static final String JLAC10 = "1.2.392.200119.4.504";
    static final String INTERPRETATION = "2.16.840.1.113883.5.83";
    private static final Pattern OID = Pattern.compile("[0-2](?:\\.(?:0|[1-9][0-9]{0,15})){1,40}");
    private static final Pattern ITEM_CODE = Pattern.compile("[0-9A-Z]{17}");
    /** Item code → the spec's name. */
    private static final Map<String, String> ITEM_NAMES = new HashMap<>();
    /** Table OID → code → the spec's display. */
    private static final Map<String, Map<String, String>> RESULT_CODES = new HashMap<>();

    static {
        lines("items.tsv").forEach(f -> ITEM_NAMES.put(f[0], f[1]));
        lines("result-codes.tsv").forEach(f -> RESULT_CODES.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], f[2]));
    }

    private CheckupCodes() {
    }

    static boolean isOid(String text) {
        return text != null && text.length() <= 200 && OID.matcher(text).matches();
    }

    /** A 特定健診項目コード: 17 capital letters and digits (JLAC10's layout). */
    static boolean isItemCode(String code) {
        return ITEM_CODE.matcher(code).matches();
    }

    /** The spec's name of a 特定健診 item; empty for an item Musubi does not know. */
    static Optional<String> itemName(String itemCode) {
        return Optional.ofNullable(ITEM_NAMES.get(itemCode));
    }

    /** Whether {@code oid} is a result-code table of the form that Musubi knows. */
    static boolean knownTable(String oid) {
        return oid != null && RESULT_CODES.containsKey(oid);
    }

    /** The spec's display of {@code code} in the result-code table {@code oid}; empty when Musubi does not know it. */
    static Optional<String> resultDisplay(String oid, String code) {
        return Optional.ofNullable(oid == null ? null : RESULT_CODES.getOrDefault(oid, Map.of()).get(code));
    }

    static String system(String oid) {
        return switch (oid) {
            case ITEM -> FhirSystems.CHECKUP_ITEM;
            case JLAC10 -> FhirSystems.JLAC10;
            case INTERPRETATION -> Interpretations.SYSTEM;
            default -> "urn:oid:" + oid;
        };
    }

    /** A coded value: its code under its system, its display name, and as text the display, else the code. */
    static CodeableConcept concept(String oid, String code, String display) {
        CodeableConcept concept = new CodeableConcept().setText(display != null ? display : code);
        concept.addCoding(new Coding(oid == null ? null : system(oid), code, display));
        return concept;
    }

    /** The tab-separated lines of a table beside this class, comment lines ({@code #}) and blank lines left out. */
    private static List<String[]> lines(String table) {
        try (InputStream in = CheckupCodes.class.getResourceAsStream(table)) {
            if (in == null) {
                throw new IllegalStateException("missing " + table);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
