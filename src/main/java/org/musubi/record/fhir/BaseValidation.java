package org.musubi.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.musubi.record.fhir.profiles.ProfileFaults;
import org.musubi.record.fhir.profiles.ProfilePackages;
import org.musubi.record.fhir.profiles.UncheckedBindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base FHIR R4 validation with HAPI's instance validator: structure, cardinality, data types,
 * required bindings and invariants of the core specification, nothing more. Profiles Musubi does not
 * hold (JP Core, JP-CLINS in {@code meta.profile}), unknown extensions and codes of code systems the
 * validator does not know (JLAC10, YJ, MEDIS …) are not faults; only ERROR and FATAL issues are.
 *
 * <p>With implementation-guide packages ({@link #BaseValidation(FhirContext, List)}: JP Core, JP-CLINS), a resource
 * is also validated against the profiles of those packages it claims in {@code meta.profile} (in a Bundle, each
 * entry against its own), terminology off for the Japanese bindings the packages cannot check ({@link
 * UncheckedBindings}); each fault then names the profile it comes from ({@link ProfileFaults}).
 *
 * <p>One per JVM, thread-safe. The validator is built on first use, not at start-up: it loads every
 * R4 definition, which takes seconds (docs/fhir-api.md gives the figures), and the packages' (docs/letters.md).
 */
public final class BaseValidation {

    private static final Logger log = LoggerFactory.getLogger(BaseValidation.class);
    private final FhirContext context;
    private final List<Path> packageFiles;
    private final Object building = new Object();
    private volatile FhirValidator validator;
    private volatile ProfilePackages packages;

    /** Base R4 only. */
    public BaseValidation(FhirContext context) {
        this(context, List.of());
    }

    /**
     * Base R4 and the profiles of these implementation-guide packages ({@code .tgz} files; none: base R4 only). The
     * packages are read when the validator is built (once per JVM for the same files, {@link ProfilePackages#load}); a
     * file that does not exist stops here, at start-up, not at the first validation.
     */
    public BaseValidation(FhirContext context, List<Path> packageFiles) {
        for (Path file : packageFiles) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("musubi.fhir.validation-packages: no such package file "
                        + file.toAbsolutePath());
            }
        }
        this.context = context;
        this.packageFiles = List.copyOf(packageFiles);
    }

    /** The faults of a resource; elements are FHIRPaths from its root ({@code Observation.status}). */
    public List<Fault> check(IBaseResource resource) {
        FhirValidator ready = validator();
        return named(faults(ready.validateWithResult(resource)), () -> resource);
    }

    /** Whether profiles of implementation-guide packages are checked besides base R4. */
    public boolean checksProfiles() {
        return !packageFiles.isEmpty();
    }

    /**
     * The faults of a JSON body as it was received, before HAPI's parser dropped anything it does
     * not know: an unknown element is a fault too. Elements are FHIRPaths from the body's root
     * ({@code Bundle.entry[2].resource.status} in a Bundle).
     */
    public List<Fault> checkJson(String json) {
        FhirValidator ready = validator();
        return named(faults(ready.validateWithResult(json)), () -> context.newJsonParser().parseResource(json));
    }

    /**
     * Musubi's own faults of a resource that claims a package's profile ({@link ClinsRules}: JP-CLINS's rules) naming
     * that profile, as the validator's do; unchanged without packages.
     */
    public List<Fault> naming(List<Fault> faults, IBaseResource resource) {
        if (!checksProfiles() || faults.isEmpty()) {
            return faults;
        }
        validator();
        return named(faults, () -> resource);
    }

    /** With packages, each fault names the profile it comes from; the resource is parsed only when there are faults. */
    private List<Fault> named(List<Fault> faults, Supplier<IBaseResource> resource) {
        ProfilePackages loaded = packages;
        if (loaded == null || faults.isEmpty()) {
            return faults;
        }
        return ProfileFaults.named(faults, resource.get(), loaded);
    }

    /**
     * Builds the validator now if it is not built yet (for a background thread once the server is
     * up, so the first write after a start need not wait for it).
     */
    public void warmUp() {
        validator();
    }

    /** Whether the validator has been built (it is, from the first check on). */
    public boolean ready() {
        return validator != null;
    }

    private static List<Fault> faults(ValidationResult result) {
        for (SingleValidationMessage m : result.getMessages()) {
            if (log.isDebugEnabled() && m.getSeverity() == ResultSeverityEnum.WARNING) {
                log.debug("FHIR validation warning {} at {}", m.getMessageId(), m.getLocationString());
            }
        }
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(ValidatorIssues::fault).toList();
    }

    private FhirValidator validator() {
        FhirValidator ready = validator;
        if (ready == null) {
            synchronized (building) {
                if (validator == null) {
                    validator = build();
                }
                ready = validator;
            }
        }
        return ready;
    }

    /**
     * HAPI's bundled R4 definitions, value sets and code systems, and the common code systems (UCUM, languages, MIME
     * types, countries), after the packages' profiles when there are packages; no terminology server and no snapshot
     * generation (the base definitions and the packages come with snapshots).
     */
    private FhirValidator build() {
        long start = System.nanoTime();
        ValidationSupportChain support;
        if (packageFiles.isEmpty()) {
            support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context));
        } else {
            ProfilePackages loaded = ProfilePackages.load(context, packageFiles);
            support = new ValidationSupportChain(new UncheckedBindings(context, loaded), loaded.support(),
                    new DefaultProfileValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context));
            packages = loaded;
        }
        FhirInstanceValidator instance = new FhirInstanceValidator(support);
        instance.setWrappedWorkerContext(support, new EnglishWorkerContext(support));
        instance.setErrorForUnknownProfiles(false);
        instance.setAnyExtensionsAllowed(true);
        instance.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        instance.setNoExtensibleWarnings(true);
        FhirValidator built = context.newValidator().registerValidatorModule(instance);
        built.setValidateAgainstStandardSchema(false);
        built.setValidateAgainstStandardSchematron(false);
        built.validateWithResult(new Observation()); // loads the definitions here, under the lock
        log.info("FHIR R4 validator ready in {} ms{}", (System.nanoTime() - start) / 1_000_000,
                packages == null ? " (base R4)" : " with the profiles of " + packages.names());
        return built;
    }
}
