package org.musubi.synth;

import java.util.regex.Pattern;

/** What tests accept as a kana reading: full-width katakana, ー, ・ and the ideographic space. */
public final class Katakana {

    private static final Pattern FULL_WIDTH = Pattern.compile("[\\u30A1-\\u30FA\\u30FB\\u30FC\\u3000]+");

    private Katakana() {
    }

    public static boolean fullWidth(String text) {
        return text != null && FULL_WIDTH.matcher(text).matches();
    }
}
