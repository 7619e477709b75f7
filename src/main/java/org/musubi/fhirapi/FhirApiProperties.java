package org.musubi.fhirapi;

import java.util.List;
import java.util.Set;
import org.musubi.record.fhir.KnownDeviations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The FHIR API on {@code /fhir}.
 *
 * @param regionalIdSystem the identifier system (a URI) of the regional ID printed on the network's
 *                         card; set it to the network's own OID or URL before facilities integrate
 * @param maxMatches       the most persons a PDQm search or {@code $match} considers; narrower queries
 *                         are asked for beyond it
 * @param validation       how incoming resources are checked: {@code standard} (the default: base FHIR R4's
 *                         structure, cardinality, value formats, required codes and reference targets, by
 *                         {@link org.musubi.record.fhir.StructureRules}, then Musubi's own rules), {@code full}
 *                         (all of base FHIR R4 with HAPI's instance validator, invariants included, then Musubi's
 *                         rules; about 75 times the CPU) or {@code rules} (Musubi's rules only, for trusted bulk
 *                         loads where throughput matters)
 * @param maxRequestSize   the largest request body the FHIR API reads (a resource, a transaction or batch
 *                         Bundle); larger is refused with 413 before it is read. Binary has its own limit
 *                         ({@code musubi.blob.max-size})
 * @param validationDeviations which known real-world deviations from what HAPI's validator accepts
 *                         ({@link KnownDeviations}) are stored with a warning instead of refused, in modes
 *                         {@code standard} and {@code full}: {@code all} (the default), {@code none}, or their names
 *                         ({@code language-outside-common-languages,language-iso-639-system})
 */
@ConfigurationProperties("musubi.fhir")
public record FhirApiProperties(
        @DefaultValue("urn:musubi:regional-id") String regionalIdSystem,
        @DefaultValue("20") int maxMatches,
        @DefaultValue("standard") String validation,
        @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue("all") List<String> validationDeviations) {

    @ConstructorBinding
    public FhirApiProperties {
        if (regionalIdSystem == null || !regionalIdSystem.matches("(urn|https?):\\S+")) {
            throw new IllegalArgumentException("musubi.fhir.regional-id-system must be a URI (urn:, http: or https:): "
                    + regionalIdSystem);
        }
        if (maxMatches < 1 || maxMatches > 200) {
            throw new IllegalArgumentException("musubi.fhir.max-matches must be between 1 and 200: " + maxMatches);
        }
        if (!"standard".equals(validation) && !"full".equals(validation) && !"rules".equals(validation)) {
            throw new IllegalArgumentException("musubi.fhir.validation must be standard (base FHIR R4's structure, "
                    + "cardinality, values and references, and Musubi's rules), full (all of base FHIR R4 and Musubi's rules) "
                    + "or rules (Musubi's rules only): " + validation);
        }
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1024 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("musubi.fhir.max-request-size must be between 1KB and 2GB: " + maxRequestSize);
        }
        validationDeviations = validationDeviations == null ? List.of("all")
                : validationDeviations.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String name : validationDeviations) {
            if (!"all".equals(name) && !"none".equals(name) && !KnownDeviations.names().contains(name)) {
                throw new IllegalArgumentException("musubi.fhir.validation-deviations must be all, none or names of "
                        + "known deviations " + KnownDeviations.names() + ": " + name);
            }
        }
        if (validationDeviations.size() > 1 && (validationDeviations.contains("all") || validationDeviations.contains("none"))) {
            throw new IllegalArgumentException("musubi.fhir.validation-deviations: all or none stands alone: "
                    + validationDeviations);
        }
    }

    /** With every known deviation stored with a warning (the default). */
    public FhirApiProperties(String regionalIdSystem, int maxMatches, String validation, DataSize maxRequestSize) {
        this(regionalIdSystem, maxMatches, validation, maxRequestSize, List.of("all"));
    }

    /** Whether incoming resources are validated with HAPI's instance validator against all of base FHIR R4 (mode {@code full}). */
    public boolean validatesBaseR4() {
        return "full".equals(validation);
    }

    /** Whether incoming resources are checked against base FHIR R4 at all (modes {@code standard} and {@code full}). */
    public boolean checksBaseR4() {
        return !"rules".equals(validation);
    }

    /** The names of the known deviations stored with a warning; an empty value is {@code none}. */
    public Set<String> toleratedDeviations() {
        if (validationDeviations.contains("none") || validationDeviations.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(validationDeviations.contains("all") ? KnownDeviations.names() : validationDeviations);
    }
}
