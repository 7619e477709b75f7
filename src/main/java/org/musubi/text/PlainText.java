package org.musubi.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared when the record decides that two entries say the same thing (one diagnosis sent by two
 * facilities, one drug on two prescriptions): full-width and half-width forms alike, spaces ignored, lower case.
 */
public final class PlainText {

    private PlainText() {
    }

    /** NFKC (ｱﾑﾛｼﾞﾋﾟﾝ錠５ｍｇ → アムロジピン錠5mg), lower case, without any white space; "" for null. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
