package org.musubi.record.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Terminology off for the Japanese ValueSets the packages cannot check ({@link ProfilePackages#checks}): a code bound
 * to one of them is taken as it is, as the upstream JP-CLINS validation runs with no terminology server
 * ({@code -tx n/a}); and the known defects of the JP-CLINS package ({@link ProfilePackages#DEFECTIVE_VALUE_SETS},
 * {@link ProfilePackages#MISSING_CODES}). Placed first in the validator's chain; it answers for nothing else.
 */
public final class UncheckedBindings extends BaseValidationSupport {

    private final ProfilePackages packages;

    public UncheckedBindings(FhirContext context, ProfilePackages packages) {
        super(context);
        this.packages = packages;
    }

    /** A canonical of the Japanese FHIR work (JP Core, JP-CLINS, the JP terminology) or a Japanese OID. */
    static boolean japanese(String url) {
        return url != null && (url.startsWith("http://jpfhir.jp/") || url.startsWith("urn:oid:1.2.392."));
    }

    @Override
    public String getName() {
        return "musubi-unchecked-japanese-bindings";
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
        return ProfilePackages.MISSING_CODES.containsKey(system);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
        return valueSetUrl != null && !packages.checks(valueSetUrl);
    }

    @Override
    public CodeValidationResult validateCode(ValidationSupportContext context, ConceptValidationOptions options,
                                             String codeSystem, String code, String display, String valueSetUrl) {
        if (valueSetUrl == null) {
            return ProfilePackages.MISSING_CODES.getOrDefault(codeSystem, Set.of()).contains(code) ? taken(code, display)
                    : null;
        }
        return packages.checks(valueSetUrl) ? null : taken(code, display);
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context, ConceptValidationOptions options,
                                                       String codeSystem, String code, String display,
                                                       IBaseResource valueSet) {
        String url = valueSet instanceof ValueSet vs ? vs.getUrl() : null;
        return url == null || packages.checks(url) ? null : taken(code, display);
    }

    private static CodeValidationResult taken(String code, String display) {
        return new CodeValidationResult().setCode(code).setDisplay(display)
                .setMessage("binding not checked: Japanese terminology not loaded");
    }
}
