package org.musubi.letters.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.clins.ClinsDocuments;
import org.musubi.letters.clins.SampleLetters;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.testing.ClinsPackages;

/**
 * The document a letter is sent as: tagged as sent as a letter, it still validates against the official JP-CLINS and JP
 * Core packages, and every kind — a discharge summary sent on its own too — is a referral to the policy; the letter as
 * the exchange keeps it (JSON) comes back the same.
 */
class LetterResourcesTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    final LetterResources resources = new LetterResources(FHIR, null, null, Clock.systemUTC(), null);

    @Test
    void everyDocumentSentAsALetterIsTaggedValidAndAReferral() {
        ContentCategories contents = new ContentCategories(FHIR);
        for (Letter letter : Arrays.asList(SampleLetters.referral(SampleLetters.dischargeSummary()),
                SampleLetters.dischargeSummary(), SampleLetters.local(LetterKind.REPLY),
                SampleLetters.local(LetterKind.TRACING_REPORT), SampleLetters.local(LetterKind.HOME_NURSING_ORDER))) {
            Bundle sent = resources.tagged(ClinsDocuments.document(letter), "b0a6c5f2-1111-4d2e-9a51-2c9d7c6e0a01",
                    letter.kind());
            assertThat(sent.getMeta().getTag()).anyMatch(t -> FhirSystems.LETTER_TYPE.equals(t.getSystem())
                    && letter.kind().localCode().equals(t.getCode()));
            byte[] bytes = resources.bytes(sent);
            assertThat(ClinsPackages.validation().checkJson(new String(bytes, StandardCharsets.UTF_8)))
                    .as(letter.kind().name()).isEmpty();
            assertThat(contents.ofContent(bytes, "application/fhir+json", (type, id) -> Set.of()))
                    .as(letter.kind().name()).contains(DataCategory.REFERRALS);
        }
    }

    @Test
    void theLetterAsKeptComesBackTheSame() {
        Letter letter = SampleLetters.referral(SampleLetters.dischargeSummary());
        assertThat(LetterResources.letter(LetterResources.json(letter))).isEqualTo(letter);
        Letter nursing = SampleLetters.local(LetterKind.HOME_NURSING_ORDER);
        assertThat(LetterResources.letter(LetterResources.json(nursing))).isEqualTo(nursing);
    }
}
