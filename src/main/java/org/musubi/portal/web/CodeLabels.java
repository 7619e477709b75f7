package org.musubi.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.record.fhir.UnitText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a screen shows for a coded value (an encounter class, a status, a department, a match reason …):
 * the message {@code code.<set>.<code>} in the reader's language. A code the bundles do not know is shown as
 * itself with a hint ({@code code.unknown}), never as a blank or an error; templates call it as {@code @labels}.
 */
@Component("labels")
public final class CodeLabels {

    /** The prefix of every code table's keys in the message bundles. */
    public static final String PREFIX = "code.";

    /** The code tables whose codes a free text may carry, tried in this order. */
    static final List<String> WORDS = List.of(PREFIX + "reviewReason.", PREFIX + "linkMethod.", "cardKind.",
            "consentScope.", "purpose.", "profession.", "action.");
    /** The table of the English words the audit trail writes as reasons ({@link #text}). */
    static final String REASON_TEXT = "reasonText.";
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

    private final MessageSource messages;

    CodeLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of {@code code} in the table {@code set}; a dash for no code. */
    public String of(String set, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "—";
        }
        return key(PREFIX + set + "." + code, code.toString());
    }

    /** A Quantity's unit as people write it ({@code mL/min/1.73m²}, not UCUM's {@code mL/min/{1.73_m2}}). */
    public String unit(String unit) {
        return UnitText.forPeople(unit);
    }

    /** The message {@code key}, or, when the bundles lack it, {@code shown} marked as an unknown code. */
    public String key(String key, String shown) {
        String text = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return text != null ? text : messages.getMessage("code.unknown", new Object[] {shown},
                LocaleContextHolder.getLocale());
    }

    /**
     * A stored free text (an audit row's reason) as a reader can take it: a message key, alone or before
     * {@code ": detail"}, becomes its message; the codes of {@link #WORDS} in it (a review reason, a link method,
     * a card kind …) become their labels; the rest stays as written.
     */
    public String text(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        int colon = text.indexOf(": ");
        String head = colon < 0 ? text : text.substring(0, colon);
        String known = head.indexOf(' ') < 0 ? messages.getMessage(head, null, null, locale) : null;
        String rest = colon < 0 ? "" : text.substring(colon);
        if (known != null) {
            return known + words(rest, locale);
        }
        String phrase = phrase(text, locale);
        return words(phrase != null ? phrase : text, locale);
    }

    /**
     * The words the audit trail writes in English for a reader of either language: the longest run of leading words
     * that {@code reasonText.<words joined by '-'>} names (e.g. "bad credentials", "queued as review 12" → its label
     * and "12"); null when no leading words are known.
     */
    private String phrase(String text, Locale locale) {
        String[] words = text.split(" ");
        for (int n = Math.min(words.length, 8); n > 0; n--) {
            StringBuilder slug = new StringBuilder(REASON_TEXT);
            for (int i = 0; i < n; i++) {
                slug.append(i == 0 ? "" : "-").append(words[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", ""));
            }
            String label = messages.getMessage(slug.toString(), null, null, locale);
            if (label != null) {
                StringBuilder out = new StringBuilder(label);
                for (int i = n; i < words.length; i++) {
                    out.append(' ').append(words[i]);
                }
                return out.toString();
            }
        }
        return null;
    }

    private String words(String text, Locale locale) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = null;
            for (int i = 0; i < WORDS.size() && label == null; i++) {
                label = messages.getMessage(WORDS.get(i) + m.group(), null, null, locale);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(label != null ? label : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
