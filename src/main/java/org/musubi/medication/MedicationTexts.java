package org.musubi.medication;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Japanese and English texts of this package's message keys, from the application's bundles
 * ({@code messages.properties} Japanese, {@code messages_en.properties} English), for code that has no
 * Spring {@code MessageSource} at hand (the list reader, the command line).
 */
public final class MedicationTexts {

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private MedicationTexts() {
    }

    public static String japanese(String key, Object... args) {
        return format(ResourceBundle.getBundle("messages", Locale.ROOT, EXACT), key, args, Locale.JAPANESE);
    }

    public static String english(String key, Object... args) {
        return format(ResourceBundle.getBundle("messages", Locale.ENGLISH, EXACT), key, args, Locale.ENGLISH);
    }

    private static String format(ResourceBundle bundle, String key, Object[] args, Locale locale) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
