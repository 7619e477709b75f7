package org.musubi.messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Japanese and English texts of the application's message keys, from its bundles ({@code messages.properties}
 * Japanese, {@code messages_en.properties} English), for code that has no Spring {@code MessageSource} at
 * hand (file readers, the command line before its Spring context starts).
 */
public final class Texts {

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
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
