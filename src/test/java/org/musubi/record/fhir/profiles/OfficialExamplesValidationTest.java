package org.musubi.record.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.Fault;
import org.musubi.testing.ClinsPackages;

/**
 * Every official JP-CLINS example (../shared/samples/jp-clins-examples, skipped when absent) against the official
 * JP-CLINS and JP Core packages, as mode {@code full} validates with them: no error, except the deliberate error
 * example the profiles themselves refuse, whose fault names the profile. The other two error examples break rules
 * the profiles do not carry (a local lab code, a generic-name code checked against the MHLW master): {@code
 * JpClinsExamplesIT} shows what Musubi's own rules make of them.
 */
class OfficialExamplesValidationTest {

    static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");
    /** Refused by the profiles: the profile each fault must name. */
    static final Map<String, String> REFUSED = Map.of("MedicationRequest-ErrorExample-JP-MedReq-ExtEye-Total1.json",
            "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS");

    @Test
    void everyOfficialExampleValidatesAgainstThePackagesAndTheErrorExampleNamesItsProfile() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "JP-CLINS examples not present: " + EXAMPLES.toAbsolutePath());
        BaseValidation validation = ClinsPackages.validation();
        List<Path> files;
        try (Stream<Path> listed = Files.list(EXAMPLES)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<Fault> faults = validation.checkJson(Files.readString(file, StandardCharsets.UTF_8));
            if (REFUSED.containsKey(name)) {
                assertThat(faults).as(name).isNotEmpty().allSatisfy(f -> assertThat(f.diagnostics())
                        .contains("プロファイル " + REFUSED.get(name)).contains("profile " + REFUSED.get(name)));
            } else {
                assertThat(faults).as(name).isEmpty();
            }
        }
    }

    @Test
    void aPackageFileThatDoesNotExistStopsTheStartNotTheFirstValidation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BaseValidation(
                        ca.uhn.fhir.context.FhirContext.forR4Cached(), List.of(Path.of("no-such-package.tgz"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("musubi.fhir.validation-packages").hasMessageContaining("no-such-package.tgz");
    }

    @Test
    void theJapaneseBindingsThePackagesCannotCheckAreNamed() {
        ClinsPackages.assumePresent();
        ProfilePackages packages = ProfilePackages.load(ca.uhn.fhir.context.FhirContext.forR4Cached(), ClinsPackages.FILES);
        // Section and document type codes are complete CodeSystems of the package: checked. The discharge summary's
        // section ValueSet contradicts its profile (a package defect): not checked. A ValueSet of the terminology
        // package (absent): not checked.
        assertThat(packages.checks("http://jpfhir.jp/fhir/eReferral/ValueSet/document-section")).isTrue();
        assertThat(packages.checks("http://jpfhir.jp/fhir/Common/ValueSet/doc-typecodes|1.0.0")).isTrue();
        assertThat(packages.checks("http://jpfhir.jp/fhir/eDischargeSummary/ValueSet/document-section")).isFalse();
        assertThat(packages.checks("http://jpfhir.jp/fhir/core/mhlw/ValueSet/masterB-disease")).isFalse();
        assertThat(packages.checks("http://hl7.org/fhir/ValueSet/bundle-type")).isTrue();
        assertThat(packages.unchecked()).isNotEmpty().allMatch(UncheckedBindings::japanese);
        assertThat(packages.holdsProfile("http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral|1")).isTrue();
    }
}
