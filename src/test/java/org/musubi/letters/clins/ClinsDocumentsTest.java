package org.musubi.letters.clins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.Fault;
import org.musubi.testing.ClinsPackages;

/**
 * The documents Musubi makes of letters validate against the official JP-CLINS and JP Core packages (skipped with a
 * message when ../shared/fhir-packages is absent; CI has it) and carry the identifiers, sections and codings the
 * national service reads.
 */
class ClinsDocumentsTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static List<Fault> faults(Bundle bundle) {
        return ClinsPackages.validation().checkJson(FHIR.newJsonParser().encodeResourceToString(bundle));
    }

    @Test
    void everyKindOfLetterMakesADocumentThePackagesAccept() {
        assertThat(faults(ClinsDocuments.document(SampleLetters.referral(SampleLetters.dischargeSummary()))))
                .as("referral with an enclosed discharge summary").isEmpty();
        assertThat(faults(ClinsDocuments.document(SampleLetters.referral(null)))).as("referral").isEmpty();
        assertThat(faults(ClinsDocuments.document(SampleLetters.dischargeSummary()))).as("discharge summary").isEmpty();
        Arrays.stream(LetterKind.values()).filter(k -> !k.national()).forEach(kind ->
                assertThat(faults(ClinsDocuments.document(SampleLetters.local(kind)))).as(kind.name()).isEmpty());
    }

    @Test
    void aReferralMissingARequiredSectionIsRefusedNamingTheCompositionProfile() {
        Bundle referral = ClinsDocuments.document(SampleLetters.referral(null));
        Composition composition = (Composition) referral.getEntryFirstRep().getResource();
        composition.getSection().get(2).getSection().removeIf(s -> s.getCode().getCodingFirstRep().getCode().equals("950"));
        assertThat(faults(referral)).isNotEmpty().anySatisfy(f -> assertThat(f.diagnostics())
                .contains("profile http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral"));
    }

    @Test
    void aReferralCarriesTheNationalIdentifiersTypeSectionsAndTheEnclosedSummary() {
        Letter letter = SampleLetters.referral(SampleLetters.dischargeSummary());
        Bundle bundle = ClinsDocuments.document(letter);
        Composition c = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(bundle.getIdentifier().getSystem()).isEqualTo("http://jpfhir.jp/fhir/clins/bundle-identifier");
        assertThat(bundle.getIdentifier().getValue()).isEqualTo("3410012345^2026^R-000123");
        assertThat(c.getIdentifier().getSystem()).isEqualTo("http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier");
        assertThat(c.getIdentifier().getValue()).isEqualTo("3410012345^2026^R-000123");
        assertThat(bundle.getMeta().getProfile().getFirst().getValue()).isEqualTo(ClinsDocuments.BUNDLE_REFERRAL);
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("57133-1");
        assertThat(c.getSection().stream().map(s -> s.getCode().getCodingFirstRep().getCode()))
                .containsExactly("920", "910", "300", "210", "220");
        assertThat(c.getSection().get(2).getSection().stream().map(s -> s.getCode().getCodingFirstRep().getCode()))
                .containsExactly("950", "340", "360", "370", "510", "610", "620", "330", "430");
        // Two of the three diagnoses have a MEDIS code: two Conditions; the third is in the section's text only.
        Composition.SectionComponent problems = c.getSection().get(2).getSection().get(1);
        assertThat(problems.getEntry()).hasSize(2);
        assertThat(problems.getText().getDivAsString()).contains("労作時の息切れ").contains("狭心症（疑い）");
        Bundle enclosed = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Bundle.class::isInstance).map(Bundle.class::cast).findFirst().orElseThrow();
        assertThat(enclosed.getIdentifier().getValue()).isEqualTo("3411098765^2026^D-000045");
        Composition.SectionComponent attachments = c.getSection().get(3);
        assertThat(attachments.getEntry()).hasSize(3);
        assertThat(attachments.getEntry().getLast().getReference()).isEqualTo(bundle.getEntry().stream()
                .filter(e -> e.getResource() == enclosed).findFirst().orElseThrow().getFullUrl());
    }

    @Test
    void everyLetterMusubiMakesIsAReferralToThePolicyASummaryAloneADocument() {
        ContentCategories contents = new ContentCategories(FHIR);
        ContentCategories.Stored nothing = (type, id) -> Set.of();

        assertThat(contents.ofContent(bytes(ClinsDocuments.document(SampleLetters.referral(null))), "application/fhir+json",
                nothing)).contains(DataCategory.REFERRALS);
        Arrays.stream(LetterKind.values()).filter(kind -> !kind.national()).forEach(kind ->
                assertThat(contents.ofContent(bytes(ClinsDocuments.document(SampleLetters.local(kind))),
                        "application/fhir+json", nothing)).as(kind.name()).contains(DataCategory.REFERRALS));
        assertThat(contents.ofContent(bytes(ClinsDocuments.document(SampleLetters.dischargeSummary())),
                "application/fhir+json", nothing)).doesNotContain(DataCategory.REFERRALS);
    }

    private static byte[] bytes(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theSameLetterMakesTheSameDocument() {
        String once = FHIR.newJsonParser().encodeResourceToString(ClinsDocuments.document(SampleLetters.referral(null)));
        String again = FHIR.newJsonParser().encodeResourceToString(ClinsDocuments.document(SampleLetters.referral(null)));
        assertThat(again).isEqualTo(once);
    }

    @Test
    void aDischargeSummaryNeedsADischargeDiagnosisWithAMedisCode() {
        Letter summary = SampleLetters.dischargeSummary();
        var stay = summary.content().stay();
        var uncoded = new org.musubi.letters.Stay(stay.admitted(), stay.discharged(), stay.reasonForAdmission(),
                stay.chiefComplaint(), List.of(), List.of(new org.musubi.letters.Diagnosis(
                org.musubi.letters.Coded.text("胸痛"), null, true, false, true, null)), List.of(), null, null);
        var content = summary.content();
        Letter broken = new Letter(summary.kind(), summary.number(), 1, summary.issued(), summary.author(), summary.sender(),
                summary.addressee(), summary.patient(), new org.musubi.letters.Content(content.purpose(), content.diagnoses(),
                content.presentIllness(), content.history(), content.pastDiagnoses(), content.allergies(), content.findings(),
                content.results(), content.course(), content.medicines(), content.remarks(), uncoded, content.attachments()),
                null, null);
        assertThatThrownBy(() -> ClinsDocuments.document(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MEDIS");
    }

    @Test
    void aLocalKindIsTypedWithMusubisCodeAndAReplyNamesTheLetterItAnswers() {
        Bundle bundle = ClinsDocuments.document(SampleLetters.local(LetterKind.REPLY));
        Composition c = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(c.getType().getCodingFirstRep().getSystem()).isEqualTo(LetterKind.LOCAL_SYSTEM);
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("reply");
        assertThat(c.getRelatesToFirstRep().getTargetIdentifier().getValue()).isEqualTo("3410012345^2026^R-000123");
        List<Resource> conditions = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Condition.class::isInstance).toList();
        assertThat(conditions).allSatisfy(r -> assertThat(r.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition"));
    }
}
