package org.musubi.synth.sources;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Text limited to what JIS X 0208 (with ASCII) can write, as SS-MIX2 (ISO-2022-JP) and Shift_JIS
 * files need: half-width katakana become full-width, the Windows forms of a few signs become
 * their JIS forms (－ → −, ～ → 〜, ∥ → ‖, ￠ ￡ ￢ → ¢ £ ¬), and anything else that does not encode
 * (vendor kanji such as 髙 or 﨑, characters beyond the BMP such as 𠮷, and the JIS-Roman ¥ and ‾
 * that would need another escape sequence) becomes ■, the way Japanese systems write 外字.
 */
public final class JisText {

    static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    static final char GETA = '■';
    private static final String WINDOWS_FORMS = "\uFF0D\uFF5E\u2225\uFFE0\uFFE1\uFFE2";
    private static final String JIS_FORMS = "\u2212\u301C\u2016\u00A2\u00A3\u00AC";
    private static final boolean[] ENCODES = encodable();

    private JisText() {
    }

    public static String of(String text) {
        String widened = hasHalfWidthKana(text) ? widen(text) : text;
        StringBuilder out = null;
        for (int i = 0; i < widened.length(); i++) {
            char c = widened.charAt(i);
            char replacement = replacement(c);
            if (replacement != c && out == null) {
                out = new StringBuilder(widened.length()).append(widened, 0, i);
            }
            if (out != null && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(widened.charAt(i - 1)))) {
                out.append(replacement);
            }
        }
        return out == null ? widened : out.toString();
    }

    /** The text in ISO-2022-JP: JIS X 0208 between ESC $ B and ESC ( B. */
    public static byte[] iso2022jp(String text) {
        return of(text).getBytes(ISO_2022_JP);
    }

    private static char replacement(char c) {
        int windows = WINDOWS_FORMS.indexOf(c);
        if (windows >= 0) {
            return JIS_FORMS.charAt(windows);
        }
        return ENCODES[c] ? c : GETA;
    }

    private static boolean hasHalfWidthKana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF61' && c <= '\uFF9F') {
                return true;
            }
        }
        return false;
    }

    /** Each run of half-width katakana normalised (NFKC) to full-width, voiced marks joined; the rest untouched. */
    private static String widen(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) >= '\uFF61' && text.charAt(end) <= '\uFF9F') {
                end++;
            }
            if (end > i) {
                out.append(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC));
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean[] encodable() {
        CharsetEncoder encoder = ISO_2022_JP.newEncoder();
        boolean[] encodes = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean jisRoman = c == 0xA5 || c == 0x203E;
            encodes[c] = !Character.isSurrogate((char) c) && !jisRoman && (c < 0xFF61 || c > 0xFF9F)
                    && encoder.canEncode((char) c);
        }
        return encodes;
    }
}
