package org.musubi.ingest.ssmix2.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.record.fhir.FhirSystems;

/**
 * A PPR-01 diagnosis's code: the MEDIS 病名管理番号 (PRB-3 / ZPR-2, {@code MDCDX2}, 8 digits), the
 * 交換用コード (ZPR-5), the ICD-10 code (PRB-10 components 1–3; components 4–6 are the diagnosis type),
 * and the name (PRB-3's text, else PRB-17, else ZPR-2's). Modifiers (ZPR-1/4 prefix, ZPR-3/6 suffix, by
 * management number and exchange code) become JP Core's prefix/postfix modifier extensions.
 */
final class DiseaseCode {

    static final String MODIFIER_KEY = "http://medis.or.jp/CodeSystem/master-disease-modKeyNumber";
    static final String MODIFIER_EXCHANGE = "http://medis.or.jp/CodeSystem/master-disease-modExCode";
    static final String PREFIX = FhirSystems.DISEASE_PREFIX_MODIFIER;
    static final String POSTFIX = FhirSystems.DISEASE_POSTFIX_MODIFIER;

    private DiseaseCode() {
    }

    static CodeableConcept of(Hl7Segment prb, Optional<Hl7Segment> zpr) {
        CodeableConcept code = new CodeableConcept();
        add(code, first3(prb.field(3)));
        zpr.ifPresent(z -> {
            add(code, first3(z.field(2)));
            add(code, first3(z.field(5)));
            modifiers(code, PREFIX, z.repetitions(1), z.repetitions(4));
            modifiers(code, POSTFIX, z.repetitions(3), z.repetitions(6));
        });
        add(code, first3(prb.field(10)));
        String name = firstNonEmpty(prb.field(3).component(2), prb.text(17),
                zpr.map(z -> z.field(2).component(2)).orElse(""));
        if (!name.isEmpty()) {
            code.setText(name);
        }
        return code;
    }

    private static Optional<Coding> first3(Hl7Field cwe) {
        return Hl7Values.coding(cwe.component(1), cwe.component(2), cwe.component(3));
    }

    private static void add(CodeableConcept code, Optional<Coding> coding) {
        coding.filter(c -> code.getCoding().stream().noneMatch(o -> Objects.equals(o.getSystem(), c.getSystem())
                && Objects.equals(o.getCode(), c.getCode()))).ifPresent(code::addCoding);
    }

    /** One extension per repetition, pairing the n-th management number with the n-th exchange code. */
    private static void modifiers(CodeableConcept code, String url, List<Hl7Field> keys, List<Hl7Field> exchanges) {
        for (int i = 0; i < Math.max(keys.size(), exchanges.size()); i++) {
            CodeableConcept modifier = new CodeableConcept();
            if (i < keys.size()) {
                modifier(keys.get(i), MODIFIER_KEY).ifPresent(modifier::addCoding);
            }
            if (i < exchanges.size()) {
                modifier(exchanges.get(i), MODIFIER_EXCHANGE).ifPresent(modifier::addCoding);
            }
            if (modifier.hasCoding()) {
                modifier.setText(modifier.getCodingFirstRep().getDisplay());
                code.addExtension(url, modifier);
            }
        }
    }

    private static Optional<Coding> modifier(Hl7Field cwe, String medisSystem) {
        String system = cwe.component(3);
        return first3(cwe).map(c -> system.isEmpty() || system.equals("MDCDX2") ? c.setSystem(medisSystem) : c);
    }

    private static String firstNonEmpty(String... texts) {
        for (String text : texts) {
            if (!text.isBlank()) {
                return text.strip();
            }
        }
        return "";
    }
}
