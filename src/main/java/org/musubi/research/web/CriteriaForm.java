package org.musubi.research.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.policy.DataCategory;
import org.musubi.research.Criteria;
import org.musubi.research.DataItem;
import org.musubi.research.Scope;
import org.springframework.util.MultiValueMap;

/** Reads criteria and scopes from a form's fields; a field it cannot read throws {@link Criteria.Invalid}. */
final class CriteriaForm {

    private CriteriaForm() {
    }

    static Criteria criteria(Map<String, String> p) {
        return new Criteria(Criteria.split(p.get("diagnoses")), Criteria.split(p.get("medications")),
                number(p.get("ageFrom"), "age"), number(p.get("ageTo"), "age"), date(p.get("ageAt"), "ageAt"),
                p.get("sex"), p.get("municipality"), date(p.get("from"), "period"), date(p.get("to"), "period"));
    }

    /**
     * The scope: criteria, categories ({@code categories}, several) and per category the items chosen
     * ({@code items.X}, several: {@link DataItem} names, stored as their elements; an item of another category or no
     * item at all is refused as {@code fields}); a category without items keeps every element for the rules to decide.
     * Fields typed as element names ({@code fields.X}, commas) are still read, for clients of the earlier form.
     */
    static Scope scope(MultiValueMap<String, String> p, List<String> categories) {
        List<String> chosen = categories == null ? List.of() : categories;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String category : chosen) {
            List<DataItem> items = new ArrayList<>();
            for (String name : p.getOrDefault("items." + category, List.of())) {
                DataCategory c = Scope.CATEGORIES.contains(category) ? DataCategory.valueOf(category) : null;
                items.add(c == null ? null : DataItem.named(c, name).orElseThrow(() -> new Criteria.Invalid("fields")));
            }
            List<String> named = new ArrayList<>(DataItem.fields(items.stream().filter(i -> i != null).toList()));
            String text = p.getFirst("fields." + category);
            if (text != null && !text.isBlank()) {
                List.of(text.split("[\\s,]+")).stream().filter(f -> !named.contains(f)).forEach(named::add);
            }
            if (!named.isEmpty()) {
                fields.put(category, named);
            }
        }
        return new Scope(criteria(p.toSingleValueMap()), chosen, fields);
    }

    /** What was chosen per category ({@code items.X}), to show the form again as it was sent. */
    static Map<String, List<String>> items(MultiValueMap<String, String> p) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        p.forEach((name, values) -> {
            if (name.startsWith("items.")) {
                items.put(name.substring("items.".length()), List.copyOf(values));
            }
        });
        return items;
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
