package org.musubi.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.MedicalInstitutionCode;

class SynthFacilitiesTest {

    private final List<SynthFacility> demo =
            new SyntheticNetworkGenerator().generate(42, SynthSize.demo()).facilities();

    @Test
    void twelveFacilitiesCoverEveryKindExceptOtherWithHospitalsFirst() {
        assertThat(demo).hasSize(12);
        assertThat(demo.stream().map(SynthFacility::kind).toList())
                .as("every kind of participant (the health notebook's own source is none; the public-health office holds no"
                        + " patients and the demo adds its own, surveillance.SurveillanceDemo)")
                .containsAll(EnumSet.complementOf(EnumSet.of(FacilityKind.OTHER, FacilityKind.PERSONAL_HEALTH_RECORD,
                        FacilityKind.PUBLIC_HEALTH_CENTER)))
                .isSorted()
                .startsWith(FacilityKind.HOSPITAL, FacilityKind.HOSPITAL);
    }

    @Test
    void codesAreValidFitTheirKindAndPrefecture() {
        for (SynthFacility facility : demo) {
            if (facility.kind().codeRequired()) {
                assertThat(facility.code()).as(facility.nameKanji()).isNotNull();
            }
            if (!facility.kind().mayHaveCode()) {
                assertThat(facility.code()).as(facility.nameKanji()).isNull();
            }
            if (facility.code() != null) {
                assertThat(MedicalInstitutionCode.check(facility.code().value())).isEmpty();
                assertThat(facility.kind().acceptsFeeTable(facility.code().feeTable())).isTrue();
                assertThat(facility.code().prefecture()).isEqualTo(34);
            }
        }
    }

    @Test
    void codesAndNamesStayUniqueInALargeNetwork() {
        List<SynthFacility> many =
                new SyntheticNetworkGenerator().generate(9, new SynthSize(3_000, 1, 0)).facilities();

        assertThat(many.stream().map(SynthFacility::nameKanji)).doesNotHaveDuplicates();
        assertThat(many).allSatisfy(f -> assertThat(Katakana.fullWidth(f.nameKana())).as(f.nameKana()).isTrue());
        List<String> codes = many.stream().map(SynthFacility::code).filter(Objects::nonNull)
                .map(MedicalInstitutionCode::value).toList();
        assertThat(codes).hasSizeGreaterThan(2_500).doesNotHaveDuplicates();
    }

    @Test
    void hospitalsAndPharmaciesDiscloseAndViewWhileLabsOnlyDisclose() {
        for (SynthFacility facility : demo) {
            switch (facility.kind()) {
                case HOSPITAL, PHARMACY -> assertThat(facility.disclosing() && facility.viewing()).isTrue();
                case LAB_CENTRE, CHECKUP_CENTRE -> assertThat(facility.disclosing() && !facility.viewing()).isTrue();
                default -> assertThat(facility.viewing()).isTrue();
            }
        }
        assertThat(demo).anyMatch(f -> f.kind() == FacilityKind.CLINIC && f.disclosing())
                .anyMatch(f -> f.kind() == FacilityKind.CLINIC && !f.disclosing());
    }

    @Test
    void namesAreUniqueWithFullWidthKatakanaReadings() {
        assertThat(demo.stream().map(SynthFacility::nameKanji)).doesNotHaveDuplicates();
        assertThat(demo).allSatisfy(f -> assertThat(Katakana.fullWidth(f.nameKana())).as(f.nameKana()).isTrue());
    }

    @Test
    void addressesPostalCodesAndPhonesLookLikeHiroshima() {
        assertThat(demo).allSatisfy(f -> {
            assertThat(f.address()).startsWith("広島県").matches(".+\\d丁目\\d+番\\d+号");
            assertThat(f.postalCode()).matches("7\\d\\d-\\d{4}");
            assertThat(f.phone()).matches("08\\d{1,3}-\\d{1,3}-\\d{4}");
            assertThat(f.phone().replace("-", "")).hasSize(10);
        });
    }
}
