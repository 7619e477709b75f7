package org.musubi.ingest.checkup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;

/**
 * Reads the results of a checkup document's body (特定健診情報ファイル仕様, 3.3): every {@code observation} of every
 * {@code section}'s {@code entry} ({@code component/structuredBody/component/section}, sections inside sections too).
 * An observation without a code that groups others (一連検査グループ: {@code entryRelationship/observation}) stands for
 * its members, each read as a result of its own; an observation marked not done ({@code negationInd="true"}, 未実施)
 * is no result. A result that cannot be read is rejected alone, naming its element, and the others are read.
 */
final class ResultReading {

    /** How deep groups and sections may nest. */
    static final int MAX_NESTING = 8;

    /** The results read, the results rejected (each with its element as raw input) and the warnings. */
    record Results(List<CheckupResult> read, List<ParseResult.Rejected> rejected, List<Problem> warnings) {
    }

    private final String file;
    private final List<CheckupResult> read = new ArrayList<>();
    private final List<ParseResult.Rejected> rejected = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private ResultReading(String file) {
        this.file = file;
    }

    static Results read(XmlNode root, String file) {
        ResultReading reading = new ResultReading(file);
        root.at("component", "structuredBody").ifPresent(body -> {
            for (XmlNode component : body.children("component")) {
                component.children("section").forEach(s -> reading.section(s, 0));
            }
        });
        return new Results(List.copyOf(reading.read), List.copyOf(reading.rejected), List.copyOf(reading.warnings));
    }

    private void section(XmlNode section, int depth) {
        if (depth > MAX_NESTING) {
            return;
        }
        for (XmlNode entry : section.children("entry")) {
            entry.children("observation").forEach(o -> observation(o, depth));
        }
        for (XmlNode component : section.children("component")) {
            component.children("section").forEach(s -> section(s, depth + 1));
        }
    }

    private void observation(XmlNode observation, int depth) {
        if ("true".equals(observation.attribute("negationInd")) || depth > MAX_NESTING) {
            return;
        }
        List<XmlNode> members = new ArrayList<>();
        observation.children("entryRelationship").forEach(r -> members.addAll(r.children("observation")));
        boolean coded = observation.child("code").map(c -> c.attribute("code") != null).orElse(false);
        if (coded || members.isEmpty()) {
            result(observation);
        }
        members.forEach(m -> observation(m, depth + 1));
    }

    private void result(XmlNode observation) {
        String item = observation.child("code").map(c -> c.attribute("code")).orElse(null);
        Location where = new Location(file, observation.line(), "observation" + (item == null ? "" : " " + item), null);
        List<Problem> own = new ArrayList<>(1);
        try {
            CodeableConcept code = code(observation, where, own);
            ResultValues values = new ResultValues(observation, where, own);
            ResultValues.Value value = values.value();
            read.add(new CheckupResult(code.getCodingFirstRep().getCode(), code, value.value(), value.absent(),
                    values.interpretations(), values.range(), values.method(), values.doctor()));
            warnings.addAll(own);
        } catch (CheckupRejected e) {
            rejected.add(new ParseResult.Rejected(e.problem(), observation.xml()));
        }
    }

    /**
     * The result's code: its {@code code} under its {@code codeSystem} (the 特定健診項目コード when none is named, as
     * generators leave the default out), a 特定健診項目コード being 17 capital letters and digits; each {@code translation}
     * (a JLAC10 code …) as a further coding (one without a code, with a code system that is not an OID, or with a
 * JLAC10 code not of its form is left out with a warning, {@code checkup.item.translation}); its {@code displayName} as display and text. A 特定健診項目コード sent
     * without a name gets the spec's name ({@link CheckupCodes#itemName}); one Musubi does not know either is kept as
     * the bare code with a warning ({@code checkup.item.unnamed}), so that no one is shown a nameless result silently.
     */
    private CodeableConcept code(XmlNode observation, Location where, List<Problem> own) throws CheckupRejected {
        XmlNode code = observation.child("code").orElseThrow(() -> new CheckupRejected(where.field("code"),
                "checkup.item.missing", "code/@code"));
        String value = code.attribute("code");
        if (value == null) {
            throw new CheckupRejected(where.field("code/@code"), "checkup.item.missing", "code/@code");
        }
        String system = code.attribute("codeSystem") == null ? CheckupCodes.ITEM : code.attribute("codeSystem");
        if (!CheckupCodes.isOid(system)) {
            throw new CheckupRejected(where.field("code/@codeSystem"), "checkup.value.codeSystem", system);
        }
        if ((system.equals(CheckupCodes.ITEM) || system.equals(CheckupCodes.JLAC10)) && !CheckupCodes.isItemCode(value)) {
            throw new CheckupRejected(where.field("code/@code"), "checkup.item.code", value, value.length());
        }
        String display = code.attribute("displayName");
        String known = display == null && system.equals(CheckupCodes.ITEM)
                ? CheckupCodes.itemName(value).orElse(null) : null;
        CodeableConcept concept = CheckupCodes.concept(system, value, display != null ? display : known);
        for (XmlNode translation : code.children("translation")) {
            String other = translation.attribute("code");
            String otherSystem = translation.attribute("codeSystem");
            if (other != null && CheckupCodes.isOid(otherSystem)
                    && (!otherSystem.equals(CheckupCodes.JLAC10) || CheckupCodes.isItemCode(other))) {
                concept.addCoding(new Coding(CheckupCodes.system(otherSystem), other, translation.attribute("displayName")));
            } else {
                // a further code that cannot be named as a coding: left out, and said so
                own.add(CheckupProblems.problem(where.field("code/translation"), "checkup.item.translation",
                        other == null ? "" : other, otherSystem == null ? "" : otherSystem));
            }
        }
        if (display == null) {
            Optional<String> original = code.child("originalText").map(XmlNode::allText).filter(t -> !t.isEmpty());
            original.ifPresent(concept::setText);
            if (original.isEmpty() && known == null) {
                own.add(CheckupProblems.problem(where.field("code/@displayName"), "checkup.item.unnamed", value, system));
            }
        }
        return concept;
    }
}
