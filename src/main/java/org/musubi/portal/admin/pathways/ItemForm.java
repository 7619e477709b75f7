package org.musubi.portal.admin.pathways;

import java.util.ArrayList;
import java.util.List;
import org.musubi.carenet.catalog.ItemFields;

/**
 * The item form as posted: the answer options one a line ({@code code | 日本語 | English | points}) and the enable-when
 * conditions one a line ({@code question | operator | answer}); blank lines are ignored; an unticked box is absent.
 */
record ItemForm(String linkId, String textJa, String textEn, String type, Boolean required, Boolean repeats,
                String unit, String min, String max, String options, String enableWhen, String enableBehavior,
                String loinc, String loincDisplay) {

    static ItemForm of(ItemFields f) {
        StringBuilder options = new StringBuilder();
        f.options().forEach(o -> options.append(String.join(" | ", o.code(), o.ja(), o.en(), o.points()).strip())
                .append('\n'));
        StringBuilder conditions = new StringBuilder();
        f.enableWhen().forEach(c -> conditions.append(String.join(" | ", c.question(), c.operator(), c.answer()))
                .append('\n'));
        return new ItemForm(f.linkId(), f.textJa(), f.textEn(), f.type(), f.required(), f.repeats(), f.unit(), f.min(),
                f.max(), options.toString(), conditions.toString(), f.enableBehavior(), f.loinc(), f.loincDisplay());
    }

    ItemFields fields() {
        List<ItemFields.Option> answers = new ArrayList<>();
        for (String[] parts : lines(options)) {
            answers.add(new ItemFields.Option(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3)));
        }
        List<ItemFields.Condition> conditions = new ArrayList<>();
        for (String[] parts : lines(enableWhen)) {
            conditions.add(new ItemFields.Condition(part(parts, 0), part(parts, 1), part(parts, 2)));
        }
        return new ItemFields(text(linkId), text(textJa), text(textEn), text(type), Boolean.TRUE.equals(required),
                Boolean.TRUE.equals(repeats), text(unit),
                text(min), text(max), answers, conditions, text(enableBehavior), text(loinc), text(loincDisplay));
    }

    private static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.split("\\|", -1));
                }
            }
        }
        return lines;
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i].strip() : "";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
