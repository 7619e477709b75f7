package org.musubi.carenet.enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * A page's fields for a stage form as a clinician would fill it in full: every field, the first value it allows (an
 * item's minimum, its first option, yes); the binder drops what the answers leave hidden.
 */
public final class StageFields {

    private StageFields() {
    }

    public static Map<String, List<String>> valid(Questionnaire form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (StageForm.Field f : StageForm.fields(form)) {
            String value = switch (f.type()) {
                case "integer" -> f.min() != null ? f.min() : "0";
                case "decimal", "quantity" -> f.min() != null ? f.min() : "1.5";
                case "date" -> f.min() != null ? f.min() : "2026-04-01";
                case "boolean" -> "true";
                case "choice", "open-choice" -> f.options().isEmpty() ? "x" : f.options().getFirst().code();
                case "group", "display" -> null;
                default -> "記載あり";
            };
            if (value != null) {
                fields.put(f.name(), List.of(value));
            }
        }
        return fields;
    }

    /** The fields with one replaced. */
    public static Map<String, List<String>> with(Map<String, List<String>> fields, String linkId, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(fields);
        changed.put(StageForm.PREFIX + linkId, List.of(values));
        return changed;
    }
}
