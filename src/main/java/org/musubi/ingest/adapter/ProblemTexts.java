package org.musubi.ingest.adapter;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Japanese and English texts of an adapter's problems, from its message bundle
 * ({@code <base>.properties} in Japanese, {@code <base>_en.properties} in English; UTF-8,
 * {@link MessageFormat} patterns, so a literal apostrophe is written {@code ''}).
 */
public final class ProblemTexts {

    private final ResourceBundle japanese;
    private final ResourceBundle english;

    public ProblemTexts(String baseName) {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.japanese = ResourceBundle.getBundle(baseName, Locale.ROOT, exact);
        this.english = ResourceBundle.getBundle(baseName, Locale.ENGLISH, exact);
    }

    /** The problem {@code code} at {@code where}; {@code args} fill the bundle's {@code {0}}, {@code {1}} … */
    public Problem problem(Location where, String code, Object... args) {
        return new Problem(where, code, format(japanese, code, args, Locale.JAPANESE), format(english, code, args, Locale.ENGLISH));
    }

    private static String format(ResourceBundle bundle, String code, Object[] args, Locale locale) {
        try {
            return new MessageFormat(bundle.getString(code), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message for problem code " + code + " in " + bundle.getBaseBundleName(), e);
        }
    }
}
