package org.musubi.medication;

import org.musubi.messages.Texts;

/**
 * Japanese and English texts of this package's message keys, from the application's bundles
 * ({@code messages.properties} Japanese, {@code messages_en.properties} English), for code that has no
 * Spring {@code MessageSource} at hand (the list reader, the command line).
 */
public final class MedicationTexts {

    private MedicationTexts() {
    }

    public static String japanese(String key, Object... args) {
        return Texts.japanese(key, args);
    }

    public static String english(String key, Object... args) {
        return Texts.english(key, args);
    }
}
