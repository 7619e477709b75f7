package org.musubi.ingest.hl7;

import java.util.ArrayList;
import java.util.List;

/**
 * One repetition of an HL7 v2 field as sent (escapes still in), read by component and subcomponent
 * (1-based, as HL7 numbers them); absent parts read as the empty string, never null.
 */
public final class Hl7Field {

    static final Hl7Field EMPTY = new Hl7Field("", Hl7Encoding.STANDARD);

    private final String raw;
    private final Hl7Encoding encoding;

    Hl7Field(String raw, Hl7Encoding encoding) {
        this.raw = raw == null ? "" : raw;
        this.encoding = encoding;
    }

    public boolean isEmpty() {
        return raw.isEmpty() || raw.equals("\"\"");
    }

    /** The first component, unescaped. */
    public String text() {
        return component(1);
    }

    /** Component {@code n}, with its subcomponents joined as sent, unescaped. */
    public String component(int n) {
        return encoding.unescape(part(raw, encoding.component(), n));
    }

    /** Subcomponent {@code s} of component {@code c}, unescaped. */
    public String sub(int c, int s) {
        return encoding.unescape(part(part(raw, encoding.component(), c), encoding.subcomponent(), s));
    }

    /** Component {@code n} as a field of its own (its subcomponents become components), e.g. the CWE inside TQ1-3. */
    public Hl7Field componentAsField(int n) {
        return new Hl7Field(part(raw, encoding.component(), n).replace(encoding.subcomponent(), encoding.component()),
                encoding);
    }

    /**
     * The whole repetition as text, its component and subcomponent separators kept as characters (escapes
     * resolved): for a value of a simple type (ST, NM, TX, FT) that a sender wrote with a separator it did not
     * escape, e.g. {@code 500×10^4}.
     */
    public String whole() {
        return encoding.unescape(raw);
    }

    /** Whether the repetition holds a component separator. */
    public boolean hasComponents() {
        return raw.indexOf(encoding.component()) >= 0;
    }

    /** The whole repetition as sent. */
    public String raw() {
        return raw;
    }

    /** The component texts, unescaped (at least one). */
    public List<String> components() {
        List<String> all = new ArrayList<>();
        for (String c : Hl7Segment.split(raw, encoding.component())) {
            all.add(encoding.unescape(c));
        }
        return all;
    }

    static String part(String text, char separator, int n) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            int next = text.indexOf(separator, start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf(separator, start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    @Override
    public String toString() {
        return raw;
    }
}
