package org.musubi.ingest.checkup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.values.Numbers;
import org.musubi.ingest.results.Interpretations;
import org.musubi.record.fhir.FhirSystems;

/**
 * One result's {@code value}, {@code interpretationCode}, {@code referenceRange} and {@code methodCode} (特定健診情報ファイル
 * 仕様, 3.3.2.3) as FHIR: a {@code PQ} (also {@code INT}, {@code REAL}) is a Quantity in its unit ({@link CheckupUnits}),
 * a {@code CD}/{@code CO} a CodeableConcept under its table's OID, an {@code ST} a string; a {@code nullFlavor} (測定不能
 * …) is a data-absent reason. A value outside the range a result can be entered in is sent as a {@code CD} of HL7's
 * ObservationInterpretation ({@code H} 以上, {@code L} 以下) beside the {@code PQ} of the limit: the quantity gets the
 * comparator {@code >=} or {@code <=}; a {@code CD} {@code H}/{@code L} sent alone (as 日医特定健診システム writes a value
 * beyond the range, without the limit) stays that coded value, is also the result's interpretation, and is reported
 * ({@code checkup.value.limitOnly}). A coded value sent without its {@code displayName} gets the display of its
 * table ({@link CheckupCodes#resultDisplay}); a code its known table lacks, or a code of a table Musubi does not know,
 * is kept as the bare code with a warning. A value that cannot be read rejects the result, naming the attribute.
 */
final class ResultValues {

    /** A result's value (null when absent) or why it is absent (null when present). */
    record Value(Type value, CodeableConcept absent) {
    }

    private final XmlNode observation;
    private final Location where;
    private final List<Problem> warnings;
    /** The H or L of a value sent only as beyond the range (no number); null otherwise. */
    private String limitOnly;

    /** {@code where}: the result (file, line, record); warnings (a unit that is not UCUM) are added to {@code warnings}. */
    ResultValues(XmlNode observation, Location where, List<Problem> warnings) {
        this.observation = observation;
        this.where = where;
        this.warnings = warnings;
    }

    Value value() throws CheckupRejected {
        List<XmlNode> values = observation.children("value");
        if (values.isEmpty()) {
            return new Value(null, absent(null));
        }
        XmlNode main = values.stream().filter(v -> "PQ".equals(type(v))).findFirst().orElse(values.getFirst());
        if (main.attribute("nullFlavor") != null) {
            return new Value(null, absent(main.attribute("nullFlavor")));
        }
        return switch (type(main)) {
            case "PQ", "INT", "REAL" -> new Value(quantity(main, values), null);
            case "CD", "CO", "CE", "CV" -> new Value(coded(main, values), null);
            case "ST" -> main.allText().isEmpty() ? new Value(null, absent(null)) : new Value(new StringType(main.allText()), null);
            default -> throw new CheckupRejected(at(main, "xsi:type"), "checkup.value.type", type(main));
        };
    }

    /** The value's type: its {@code xsi:type}, else a code means CD, a value attribute PQ, anything else ST. */
    private static String type(XmlNode value) {
        String type = value.xsiType();
        if (type != null) {
            return type;
        }
        return value.attribute("code") != null ? "CD" : value.attribute("value") != null ? "PQ" : "ST";
    }

    private Quantity quantity(XmlNode value, List<XmlNode> values) throws CheckupRejected {
        BigDecimal number = number(value, "value");
        Quantity quantity = CheckupUnits.quantity(number, "PQ".equals(type(value)) ? value.attribute("unit") : null);
        if (quantity.hasUnit() && !quantity.hasCode()) {
            warnings.add(CheckupProblems.problem(at(value, "unit"), "checkup.unit", quantity.getUnit()));
        }
        for (XmlNode other : values) {
            if (other != value && CheckupCodes.INTERPRETATION.equals(other.attribute("codeSystem"))) {
                String code = other.attribute("code") == null ? "" : other.attribute("code");
                quantity.setComparator(code.equals("H") ? QuantityComparator.GREATER_OR_EQUAL
                        : code.equals("L") ? QuantityComparator.LESS_OR_EQUAL : null);
            }
        }
        return quantity;
    }

    private BigDecimal number(XmlNode node, String attribute) throws CheckupRejected {
        String text = node.attribute(attribute);
        if (text == null) {
            throw new CheckupRejected(at(node, attribute), "checkup.value.missing", at(node, attribute).field());
        }
        return Numbers.plain(text).orElseThrow(() -> new CheckupRejected(at(node, attribute), "checkup.value.number",
                at(node, attribute).field(), text));
    }

    /** A coded value; one of HL7's ObservationInterpretation alone is a value beyond the range without its limit. */
    private CodeableConcept coded(XmlNode value, List<XmlNode> values) throws CheckupRejected {
        CodeableConcept concept = concept(value);
        if (CheckupCodes.INTERPRETATION.equals(value.attribute("codeSystem")) && values.size() == 1
                && ("H".equals(value.attribute("code")) || "L".equals(value.attribute("code")))) {
            limitOnly = value.attribute("code");
            warnings.add(CheckupProblems.problem(at(value, "code"), "checkup.value.limitOnly", limitOnly,
                    concept.getText()));
        }
        return concept;
    }

    private CodeableConcept concept(XmlNode value) throws CheckupRejected {
        String code = value.attribute("code");
        if (code == null) {
            throw new CheckupRejected(at(value, "code"), "checkup.value.missing", at(value, "code").field());
        }
        String system = value.attribute("codeSystem");
        if (system != null && !CheckupCodes.isOid(system)) {
            throw new CheckupRejected(at(value, "codeSystem"), "checkup.value.codeSystem", system);
        }
        String display = value.attribute("displayName");
        if (display == null) {
            display = value.child("originalText").map(XmlNode::allText).filter(t -> !t.isEmpty()).orElse(null);
        }
        if (display == null && !CheckupCodes.INTERPRETATION.equals(system)) {
            display = CheckupCodes.resultDisplay(system, code).orElse(null);
            if (display == null) {
                boolean known = CheckupCodes.knownTable(system);
                warnings.add(CheckupProblems.problem(at(value, known ? "code" : "displayName"),
                        known ? "checkup.code.unknown" : "checkup.code.unnamed", code, system == null ? "-" : system));
            }
        }
        return CheckupCodes.concept(system, code, display);
    }

    /** The first reference range with a low or high bound or a text; null when there is none. */
    ObservationReferenceRangeComponent range() throws CheckupRejected {
        for (XmlNode reference : observation.children("referenceRange")) {
            Optional<XmlNode> range = reference.child("observationRange");
            if (range.isEmpty()) {
                continue;
            }
            ObservationReferenceRangeComponent component = new ObservationReferenceRangeComponent();
            Optional<XmlNode> value = range.get().child("value");
            if (value.isPresent()) {
                Optional<XmlNode> low = value.get().child("low");
                Optional<XmlNode> high = value.get().child("high");
                if (low.isPresent() && low.get().attribute("value") != null) {
                    component.setLow(bound(low.get()));
                }
                if (high.isPresent() && high.get().attribute("value") != null) {
                    component.setHigh(bound(high.get()));
                }
            }
            range.get().child("text").map(XmlNode::allText).filter(t -> !t.isEmpty()).ifPresent(component::setText);
            if (component.hasLow() || component.hasHigh() || component.hasText()) {
                return component;
            }
        }
        return null;
    }

    private SimpleQuantity bound(XmlNode bound) throws CheckupRejected {
        BigDecimal number;
        try {
            number = number(bound, "value");
        } catch (CheckupRejected e) {
            throw new CheckupRejected(at(bound, "value"), "checkup.range", at(bound, "value").field(), bound.attribute("value"));
        }
        Quantity unit = CheckupUnits.quantity(number, bound.attribute("unit"));
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(number).setUnit(unit.getUnit()).setSystem(unit.getSystem()).setCode(unit.getCode());
        return quantity;
    }

    /**
     * The result's interpretation codes (H, L, N, A … of HL7's table; another code is kept as text), and the H or L
     * of a value sent only as beyond the range; read after {@link #value()}.
     */
    List<CodeableConcept> interpretations() {
        List<CodeableConcept> found = new ArrayList<>(1);
        List<String> codes = new ArrayList<>(1);
        for (XmlNode code : observation.children("interpretationCode")) {
            CodeableConcept concept = Interpretations.of(code.attribute("code"));
            if (concept != null) {
                found.add(concept);
                codes.add(code.attribute("code").strip());
            }
        }
        if (limitOnly != null && !codes.contains(limitOnly) && Interpretations.of(limitOnly) != null) {
            found.add(Interpretations.of(limitOnly));
        }
        return found;
    }

    /** The method ({@code methodCode}: code, its table's OID and display name as sent); null when none. */
    CodeableConcept method() {
        for (XmlNode method : observation.children("methodCode")) {
            String code = method.attribute("code");
            String display = method.attribute("displayName");
            if (code != null) {
                String system = method.attribute("codeSystem");
                return CheckupCodes.concept(CheckupCodes.isOid(system) ? system : null, code, display);
            }
            if (display != null) {
                return new CodeableConcept().setText(display);
            }
        }
        return null;
    }

    /** The doctor named as the result's author (医師の判断 …: {@code author/assignedAuthor/assignedPerson/name}). */
    String doctor() {
        return observation.at("author", "assignedAuthor", "assignedPerson", "name").map(XmlNode::allText)
                .filter(n -> !n.isEmpty()).orElse(null);
    }

    /** HL7 v3 null flavors as FHIR's data-absent reasons (NI 測定不能 and the unknowns as unknown); null: none sent. */
    static CodeableConcept absent(String nullFlavor) {
        String code = switch (nullFlavor == null ? "" : nullFlavor) {
            case "NA" -> "not-applicable";
            case "ASKU" -> "asked-unknown";
            case "NAV" -> "temp-unknown";
            case "NASK" -> "not-asked";
            case "MSK" -> "masked";
            default -> "unknown";
        };
        CodeableConcept absent = new CodeableConcept().addCoding(new Coding(FhirSystems.DATA_ABSENT_REASON, code, null));
        return nullFlavor == null ? absent : absent.setText(nullFlavor.length() > 10 ? nullFlavor.substring(0, 10) : nullFlavor);
    }

    /** {@code node}'s attribute: its line, and its path from the result's {@code observation}. */
    private Location at(XmlNode node, String attribute) {
        return new Location(where.file(), node.line(), where.record(), node.pathFrom(observation) + "/@" + attribute);
    }
}
