package org.musubi.web.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;

/**
 * The fields of a query string or a form body ({@code application/x-www-form-urlencoded}): {@code name=value} pairs
 * joined by {@code &}, each name and value percent-decoded ({@code +} is a space) and then read strictly in the
 * charset, so that a field is what the sender wrote or the request is refused naming the field and the position.
 */
final class FormFields {

    /** A field as sent, in order. */
    record Field(String name, String value) {
    }

    /**
     * A field that cannot be read: the field's name (null when its name is what cannot be read), its place among the
     * fields (from 1), and either the bytes its charset cannot read or the byte offset of a broken {@code %} escape.
     */
    static final class Refused extends Exception {
        final String field;
        final int index;
        final Undecodable undecodable;
        final long badEscape;

        Refused(String field, int index, Undecodable undecodable, long badEscape) {
            super(undecodable != null ? undecodable.getMessage() : "a broken percent escape at byte " + badEscape, null,
                    false, false);
            this.field = field;
            this.index = index;
            this.undecodable = undecodable;
            this.badEscape = badEscape;
        }
    }

    private FormFields() {
    }

    /** The fields of {@code raw} (a query string's or a body's bytes) read in {@code charset}. */
    static List<Field> parse(byte[] raw, Charset charset) throws Refused {
        List<Field> fields = new ArrayList<>();
        int index = 0;
        int start = 0;
        while (start <= raw.length) {
            int amp = indexOf(raw, (byte) '&', start, raw.length);
            int end = amp < 0 ? raw.length : amp;
            if (end > start) {
                index++;
                int equals = indexOf(raw, (byte) '=', start, end);
                int nameEnd = equals < 0 ? end : equals;
                String name = text(raw, start, nameEnd, charset, null, index);
                String value = equals < 0 ? "" : text(raw, equals + 1, end, charset, name, index);
                fields.add(new Field(name, value));
            }
            start = end + 1;
        }
        return fields;
    }

    /** One name or value: percent-decoded, then read strictly; {@code field} names the field when this is a value. */
    private static String text(byte[] raw, int from, int to, Charset charset, String field, int index) throws Refused {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(raw[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
                if (low < 0) {
                    throw new Refused(field, index, null, bytes.size());
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StrictText.decode(bytes.toByteArray(), charset);
        } catch (Undecodable e) {
            throw new Refused(field, index, e, -1);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
