package org.musubi.text;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * One reading of Japanese text whichever format and encoding it came in. Seven characters of JIS X 0208 row 1 have two
 * Unicode readings: JIS X 0208's (Java's {@code ISO-2022-JP}, as SS-MIX2 storages are written, and {@code Shift_JIS})
 * and Windows' ({@code windows-31j}, which every Shift_JIS file is read with because pharmacy, lab and clinic systems
 * write Windows' extensions such as ①, ㎎ and Ⅲ). Musubi stores JIS X 0208's: 0x8160 〜 WAVE DASH U+301C (not ～
 * U+FF5E), 0x817C − MINUS SIGN U+2212 (not U+FF0D), 0x8161 ‖ U+2016 (not ∥ U+2225), 0x815C — U+2014 (not ―
 * U+2015), 0x8191 ¢ U+00A2, 0x8192 £ U+00A3, 0x81CA ¬ U+00AC (not their full-width forms), so that a text reads and
 * compares the same whichever system sent it. A UTF-8 file's characters are kept as sent (its writer chose them).
 * Written back as Shift_JIS ({@link #toWindows}), both readings become the same bytes.
 */
public final class JisX0208 {

    /** The seven diverging characters as Windows reads them and, in the same order, as JIS X 0208 does. */
    private static final String WINDOWS = "\uFF5E\uFF0D\u2225\u2015\uFFE0\uFFE1\uFFE2";
    private static final String JIS = "\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC";

    private JisX0208() {
    }

    /** Windows' readings of the seven diverging characters replaced by JIS X 0208's. */
    public static String toJis(String text) {
        return replaced(text, WINDOWS, JIS);
    }

    /** JIS X 0208's readings of the seven diverging characters replaced by Windows', which {@code windows-31j} encodes. */
    public static String toWindows(String text) {
        return replaced(text, JIS, WINDOWS);
    }

    /** A reader of text decoded with {@code windows-31j}, giving JIS X 0208's readings. */
    public static Reader toJis(Reader windows) {
        return new FilterReader(windows) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                int at = c < 0 ? -1 : WINDOWS.indexOf(c);
                return at < 0 ? c : JIS.charAt(at);
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                for (int i = offset; i < offset + n; i++) {
                    int at = WINDOWS.indexOf(buffer[i]);
                    if (at >= 0) {
                        buffer[i] = JIS.charAt(at);
                    }
                }
                return n;
            }
        };
    }

    private static String replaced(String text, String from, String to) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int at = from.indexOf(text.charAt(i));
            if (at >= 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, to.charAt(at));
            }
        }
        return out == null ? text : out.toString();
    }
}
