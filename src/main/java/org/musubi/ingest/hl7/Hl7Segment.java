package org.musubi.ingest.hl7;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment of a parsed message, in the order sent, read field by field as text whatever its
 * structure (a standard segment or a Japanese Z-segment). Field numbers are HL7's (PID-3 is 3);
 * for MSH, field 1 is the field separator as HL7 counts it.
 */
public final class Hl7Segment {

    private final String name;
    private final int line;
    private final List<List<String>> fields;
    private final Hl7Encoding encoding;

    Hl7Segment(String name, int line, List<List<String>> fields, Hl7Encoding encoding) {
        this.name = name;
        this.line = line;
        this.fields = fields;
        this.encoding = encoding;
    }

    /** Splits one segment's text as sent. */
    static Hl7Segment of(String text, int line, Hl7Encoding encoding) {
        String name = text.length() >= 3 ? text.substring(0, 3) : text;
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of(name));
        boolean header = name.equals("MSH");
        int start = 4;
        if (header) {
            fields.add(List.of(String.valueOf(encoding.field())));
            int next = text.indexOf(encoding.field(), 4);
            fields.add(List.of(next < 0 ? text.substring(Math.min(4, text.length())) : text.substring(4, next)));
            start = next < 0 ? text.length() + 1 : next + 1;
        }
        while (start <= text.length() && text.length() > 3) {
            int next = text.indexOf(encoding.field(), start);
            String value = next < 0 ? text.substring(start) : text.substring(start, next);
            fields.add(header && fields.size() == 2 ? List.of(value) : split(value, encoding.repetition()));
            if (next < 0) {
                break;
            }
            start = next + 1;
        }
        return new Hl7Segment(name, line, fields, encoding);
    }

    /** {@code value} cut at each {@code separator} (no regular expression: this runs for every field). */
    static List<String> split(String value, char separator) {
        int next = value.indexOf(separator);
        if (next < 0) {
            return List.of(value);
        }
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        while (next >= 0) {
            parts.add(value.substring(start, next));
            start = next + 1;
            next = value.indexOf(separator, start);
        }
        parts.add(value.substring(start));
        return parts;
    }

    public String name() {
        return name;
    }

    /** The segment's line in the message (1-based), for problem reports. */
    public int line() {
        return line;
    }

    /** The first repetition of field {@code n}; empty when absent. */
    public Hl7Field field(int n) {
        List<Hl7Field> all = repetitions(n);
        return all.isEmpty() ? Hl7Field.EMPTY : all.getFirst();
    }

    /** Every repetition of field {@code n} that is not empty. */
    public List<Hl7Field> repetitions(int n) {
        if (n < 0 || n >= fields.size()) {
            return List.of();
        }
        return fields.get(n).stream().filter(r -> !r.isEmpty()).map(r -> new Hl7Field(r, encoding)).toList();
    }

    /** The text of field {@code n}'s first component (the common case: an ID, a date, a number). */
    public String text(int n) {
        return field(n).text();
    }

    /** The number of fields sent (the last one's number). */
    public int size() {
        return fields.size() - 1;
    }

    /** E.g. {@code PID-7}, for problem reports. */
    public String fieldName(int n) {
        return name + "-" + n;
    }
}
