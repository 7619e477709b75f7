package org.musubi.backup;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A backup, verification or restore that cannot go on, for a reason a person can act on: a wrong key, a
 * damaged archive, a database that is not empty. The message is English; {@link #japanese()} the same in
 * Japanese, both from the application's message bundles ({@code backup.*} keys).
 */
public final class BackupRefused extends IOException {

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private final String key;
    private final String japanese;

    public BackupRefused(String key, Object... args) {
        super(text(Locale.ENGLISH, key, args));
        this.key = key;
        this.japanese = text(Locale.ROOT, key, args);
    }

    /** The message key, e.g. {@code backup.archive.wrongKey}. */
    public String key() {
        return key;
    }

    public String japanese() {
        return japanese;
    }

    /** Both languages, Japanese first, as the command line prints them. */
    public String bilingual() {
        return japanese + " / " + getMessage();
    }

    /** A text of the {@code backup.*} keys in Japanese ({@link Locale#ROOT}) or English. */
    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, EXACT);
        return new MessageFormat(bundle.getString(key), locale == Locale.ROOT ? Locale.JAPANESE : locale).format(args);
    }
}
