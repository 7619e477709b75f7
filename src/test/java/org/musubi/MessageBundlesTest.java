package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Deny;
import org.musubi.policy.Permit;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.SigningRefused;

/** Japanese first, English available: both bundles have the same keys, and every coded value has a text. */
class MessageBundlesTest {

    private final Properties japanese = load("/messages.properties");
    private final Properties english = load("/messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
    }

    @Test
    void everyAuditActionPurposeProfessionKindAndPolicyDecisionHasAText() {
        Stream<String> keys = Stream.of(
                Arrays.stream(AuditAction.values()).map(a -> "action." + a),
                Arrays.stream(Purpose.values()).map(p -> "purpose." + p),
                Arrays.stream(Profession.values()).map(p -> "profession." + p),
                Arrays.stream(FacilityKind.values()).map(k -> "kind." + k),
                Arrays.stream(DataCategory.values()).map(c -> "dataCategory." + c),
                Permit.RULES.stream(), Deny.REASONS.stream(), Stream.of(Deny.UNKNOWN_PERSON, Deny.NO_STANDING,
                        Deny.NO_ENTRY_ON_BEHALF, Permit.OWN_PATIENT, Permit.LINKED_PATIENT_LIST,
                        Permit.ADDRESSED_LETTER, Deny.NOT_ADDRESSED)).flatMap(s -> s);

        assertThat(keys.toList()).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void everySignatureVerdictAndRefusalHasAText() {
        Stream<String> keys = Stream.of(
                Arrays.stream(SignatureStatus.values()).map(s -> "signature.status." + s),
                Stream.of("signature.status.CERTIFICATE_NOT_YET_VALID", "signature.status.CHANGED_AFTER_SIGNING"),
                Arrays.stream(SigningRefused.Reason.values()).map(SigningRefused.Reason::messageKey)).flatMap(s -> s);

        assertThat(keys.toList()).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    /**
     * A text given arguments is formatted by {@link java.text.MessageFormat}, where a lone apostrophe quotes what
     * follows: "an attending physician's opinion: {0}" showed the {0} itself, "{0}'s notebook" lost its apostrophe.
     * Such a text writes it twice ({@code ''}).
     */
    @Test
    void everyTextWithArgumentsDoublesItsApostrophes() {
        for (Properties bundle : List.of(japanese, english)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(key + "=" + text).doesNotContain("'");
                    assertThat(new java.text.MessageFormat(text, java.util.Locale.ROOT).format(new Object[] {"A", "B", "C",
                            "D", "E", "F", "G", "H", "I", "J"})).as(key + " formatted").doesNotContainPattern("\\{\\d");
                }
            }
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
