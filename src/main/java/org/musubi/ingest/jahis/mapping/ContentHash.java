package org.musubi.ingest.jahis.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Stable hashes of content, for keys that must come out the same whichever file, encoding or
 * system sent the content: each part is normalised (NFKC, so half-width kana and full-width digits
 * become one form; hiragana as katakana; white space dropped), the parts joined by a unit
 * separator, and the SHA-256 cut to the first {@code hexDigits} hex digits. The checkup reader normalises a
 * 特定健診 examinee's insurance the same way ({@link #joined}).
 */
public final class ContentHash {

    private ContentHash() {
    }

    static String of(int hexDigits, String... parts) {
        return HexFormat.of().formatHex(sha256(keyed(parts))).substring(0, hexDigits);
    }

    /**
     * What a JAHIS key hashes: {@link #joined} of the parts with the JIS X 0208 readings of 〜 − ‖ — taken as Windows'
     * (～ － ∥ ―), so that a key is the same whether the text came as Shift_JIS (read by JIS X 0208, see JahisCharsets),
     * as UTF-8 in either form, or was read before Musubi took JIS X 0208's readings.
     */
    static String keyed(String... parts) {
        String[] windows = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            windows[i] = parts[i] == null ? null : parts[i].replace('\u301C', '\uFF5E').replace('\u2212', '\uFF0D')
                    .replace('\u2016', '\u2225').replace('\u2014', '\u2015');
        }
        return joined(windows);
    }

    /** The parts normalised, each followed by a unit separator: what {@link #of} hashes. */
    public static String joined(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(normalised(part == null ? "" : part)).append('\u001F');
        }
        return joined.toString();
    }

    static String normalised(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
