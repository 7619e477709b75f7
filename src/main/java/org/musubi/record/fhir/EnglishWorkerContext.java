package org.musubi.record.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;

/**
 * HAPI's worker context with the validator's messages always in English, whatever the JVM's default
 * locale. The validator looks its messages up with Java's default fallback, so on a server whose
 * default locale is Japanese they come out in Japanese (there is no separate English bundle), and the
 * English half of each {@link Fault} would not be English. Plural messages follow English rules.
 */
final class EnglishWorkerContext extends WorkerContextValidationSupportAdapter {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("Messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    EnglishWorkerContext(IValidationSupport support) {
        super(support);
        setLocale(Locale.ENGLISH);
    }

    @Override
    public String formatMessage(String key, Object... args) {
        if (key == null || !ENGLISH.containsKey(key)) {
            return key;
        }
        return MessageFormat.format(ENGLISH.getString(key).trim(), args != null && args.length > 0 ? args
                : new Object[] {null});
    }

    @Override
    public String formatMessagePlural(Integer count, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = count;
        System.arraycopy(args, 0, all, 1, args.length);
        return formatMessage(key + (count != null && count == 1 ? "_one" : "_other"), all);
    }
}
