package org.musubi.medication;

import java.text.Normalizer;
import java.util.Locale;
import org.musubi.text.PlainText;

/** How drug names and codes are compared: full-width and half-width forms alike, spaces ignored. */
public final class DrugNames {

    private DrugNames() {
    }

    /** NFKC (ｱﾑﾛｼﾞﾋﾟﾝ錠５ｍｇ → アムロジピン錠5mg), lower case, without any white space; "" for null. */
    public static String normalize(String name) {
        return PlainText.of(name);
    }

    /** A code as written in a list or a message: NFKC, trimmed, upper case; "" for null. */
    public static String code(String code) {
        return code == null ? "" : Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}
