package org.musubi.pathway;

import java.util.Objects;

/** A text of a template in Japanese (shown first) and in English. */
public record Bilingual(String ja, String en) {

    public Bilingual {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }
}
