package org.musubi.ingest.jahis.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.medication.notebook.JahisDate;
import org.musubi.medication.notebook.JahisNumbers;

/**
 * Reads and checks the fields of one record, adding a {@link Finding} for each fault with the field's
 * location ({@code 201.薬品コード}) and what was expected. A faulty field reads as null (dates, numbers)
 * or empty (codes). {@link #lenient()} reads the same record but reports faults as warnings.
 */
final class FieldReader {

    private final RawRecord raw;
    private final Location where;
    private final List<Finding> findings;
    private final boolean strict;

    FieldReader(RawRecord raw, String file, List<Finding> findings) {
        this(raw, new Location(file, raw.line(), raw.number(), null), findings, true);
    }

    private FieldReader(RawRecord raw, Location where, List<Finding> findings, boolean strict) {
        this.raw = raw;
        this.where = where;
        this.findings = findings;
        this.strict = strict;
    }

    /** The same record, its faults reported as warnings. */
    FieldReader lenient() {
        return new FieldReader(raw, where, findings, false);
    }

    String text(int index) {
        return raw.field(index);
    }

    String required(int index, String name) {
        String value = raw.field(index);
        if (value.isEmpty()) {
            report(name, "jahis.field.required", name);
        }
        return value;
    }

    LocalDate date(int index, String name, boolean required) {
        String value = required ? required(index, name) : raw.field(index);
        if (value.isEmpty()) {
            return null;
        }
        LocalDate date = JahisDate.parse(value).orElse(null);
        if (date == null) {
            report(name, "jahis.field.date", name, value);
        }
        return date;
    }

    BigDecimal decimal(int index, String name) {
        String value = raw.field(index);
        if (value.isEmpty()) {
            return null;
        }
        if (!JahisNumbers.isDecimal(value)) {
            report(name, "jahis.field.number", name, value);
            return null;
        }
        return new BigDecimal(value);
    }

    Integer integer(int index, String name, boolean required) {
        String value = required ? required(index, name) : raw.field(index);
        if (value.isEmpty()) {
            return null;
        }
        if (!JahisNumbers.isDigits(value) || value.length() > 9) {
            report(name, "jahis.field.integer", name, value);
            return null;
        }
        return Integer.valueOf(value);
    }

    String code(int index, String name, Set<String> allowed, boolean required) {
        String value = required ? required(index, name) : raw.field(index);
        if (!value.isEmpty() && !allowed.contains(value)) {
            report(name, "jahis.field.code", name, value, String.join(", ", allowed.stream().sorted(JahisNumbers.NUMERIC).toList()));
            return "";
        }
        return value;
    }

    String digits(int index, String name, int count) {
        String value = raw.field(index);
        if (!value.isEmpty() && (value.length() != count || !JahisNumbers.isDigits(value))) {
            report(name, "jahis.field.digits", name, value, count);
            return "";
        }
        return value;
    }

    /** A fault found by the caller's own rule, at field {@code name}. */
    void fault(String name, String code, Object... args) {
        report(name, code, args);
    }

    private void report(String name, String code, Object... args) {
        Location at = where.field(name == null ? null : raw.number() + "." + name);
        Problem problem = JahisProblems.of(at, code, args);
        if (!strict) {
            // a warning says what was done with the record: stored, this field left out (or empty)
            Problem done = JahisProblems.of(at, switch (code) {
                case "jahis.field.required" -> "jahis.field.storedEmpty";
                case "jahis.field.requiredWhen" -> "jahis.field.codeLeftOut";
                default -> "jahis.field.leftOut";
            });
            problem = new Problem(at, code, problem.japanese() + done.japanese(), problem.english() + " " + done.english());
        }
        findings.add(new Finding(problem, strict));
    }
}
