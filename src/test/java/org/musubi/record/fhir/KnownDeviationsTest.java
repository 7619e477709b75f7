package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.testing.Validators;

/**
 * The known deviations, held to what HAPI's validator really says about them: each is recognised in the
 * validator's own words, and nothing else is (a malformed tag, a required binding).
 */
class KnownDeviationsTest {

    private final BaseValidation validation = Validators.shared();

    @Test
    void aLanguageTagOutsideCommonLanguagesIsTheDeviationWhereverALanguageIs() {
        // Synthea writes Vietnamese as "vi", Hawaiian as "haw"; Japanese systems write "ja-JP".
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Patient","language":"ja-JP","communication":[
                 {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"vi","display":"Vietnamese"}]}},
                 {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"haw"}]}}]}""");

        assertThat(faults).extracting(Fault::element).containsExactlyInAnyOrder("Patient.language",
                "Patient.communication[0].language", "Patient.communication[1].language");
        assertThat(faults).allSatisfy(f -> assertThat(KnownDeviations.of(f)).get()
                .extracting(KnownDeviations.Deviation::name).isEqualTo("language-outside-common-languages"));
    }

    @Test
    void aLanguageCodedInIso639IsTheDeviation() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Patient","communication":[
                 {"language":{"coding":[{"system":"urn:iso:std:iso:639-1","code":"en","display":"English"}]}}]}""");

        assertThat(faults).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("Patient.communication[0].language");
            assertThat(KnownDeviations.of(f)).get().extracting(KnownDeviations.Deviation::name)
                    .isEqualTo("language-iso-639-system");
        });
    }

    @Test
    void aMalformedLanguageTagAndARequiredBindingAreNoDeviations() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Patient","gender":"M","communication":[
                 {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"english_US"}]}}]}""");

        assertThat(faults).extracting(Fault::element).contains("Patient.gender", "Patient.communication[0].language");
        assertThat(faults).allSatisfy(f -> assertThat(KnownDeviations.of(f)).isEmpty());
    }

    @Test
    void sortingKeepsWhatIsNotToleratedAsRefusalsAndRestatesTheRestAsWarnings() {
        List<Fault> faults = validation.checkJson("""
                {"resourceType":"Patient","gender":"M","communication":[
                 {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"vi"}]}},
                 {"language":{"coding":[{"system":"urn:iso:std:iso:639-1","code":"en"}]}}]}""");

        KnownDeviations.Findings some = KnownDeviations.sort(faults, Set.of("language-outside-common-languages"));
        KnownDeviations.Findings none = KnownDeviations.sort(faults, Set.of());

        assertThat(some.warnings()).singleElement().satisfies(w -> {
            assertThat(w.element()).isEqualTo("Patient.communication[0].language");
            assertThat(w.issueType()).isEqualTo("code-invalid");
            assertThat(w.diagnostics()).startsWith("Patient.communication[0].language: 既知の差異 "
                    + "language-outside-common-languages：言語タグ（BCP-47）が HL7 の共通言語の値セットにありません")
                    .contains(" / Code \"vi\" is not in valueset: http://hl7.org/fhir/ValueSet/languages (known deviation "
                            + "language-outside-common-languages: a BCP-47 language tag outside HL7's Common Languages");
        });
        assertThat(some.refusing()).extracting(Fault::element).contains("Patient.gender", "Patient.communication[1].language")
                .doesNotContain("Patient.communication[0].language");
        assertThat(none.warnings()).isEmpty();
        assertThat(none.refusing()).isEqualTo(faults);
    }

    @Test
    void everyDeviationHasANameAndTextsInJapaneseAndEnglish() {
        assertThat(KnownDeviations.names()).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9-]+"))
                .doesNotContain("all", "none");
        assertThat(KnownDeviations.all()).allSatisfy(d -> {
            assertThat(d.japanese()).isNotBlank().doesNotContain(" / ");
            assertThat(d.english()).isNotBlank().doesNotContain(" / ");
        });
    }
}
