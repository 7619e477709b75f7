package org.musubi.research.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.research.Criteria;
import org.musubi.research.Scope;

/** Reads criteria and scopes from a form's fields; a field it cannot read throws {@link Criteria.Invalid}. */
final class CriteriaForm {

    private CriteriaForm() {
    }

    static Criteria criteria(Map<String, String> p) {
        return new Criteria(Criteria.split(p.get("diagnoses")), Criteria.split(p.get("medications")),
                number(p.get("ageFrom"), "age"), number(p.get("ageTo"), "age"), date(p.get("ageAt"), "ageAt"),
                p.get("sex"), p.get("municipality"), date(p.get("from"), "period"), date(p.get("to"), "period"));
    }

    /** The scope: criteria, categories ({@code categories}, several) and per category its fields ({@code fields.X}). */
    static Scope scope(Map<String, String> p, List<String> categories) {
        List<String> chosen = categories == null ? List.of() : categories;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String category : chosen) {
            String text = p.get("fields." + category);
            if (text != null && !text.isBlank()) {
                fields.put(category, new ArrayList<>(List.of(text.split("[\\s,]+"))));
            }
        }
        return new Scope(criteria(p), chosen, fields);
    }

    static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Criteria.Invalid(field);
        }
    }

    private static Integer number(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new Criteria.Invalid(field);
        }
    }
}
