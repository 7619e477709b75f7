package org.musubi.record.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.musubi.record.fhir.FhirSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implementation-guide packages (FHIR NPM {@code .tgz}, such as JP Core and JP-CLINS) read into one {@link
 * PrePopulatedValidationSupport} for HAPI's validator: their StructureDefinitions (with snapshots), ValueSets and
 * CodeSystems. Read once per JVM for a given set of files ({@link #load}): reading the two Japanese packages takes
 * about a second, building the validator on them several more ({@code docs/letters.md} gives the figures).
 *
 * <p>Terminology: the packages carry only part of the Japanese terminology (the JP terminology package is not
 * loaded). A binding to a ValueSet under a Japanese canonical ({@code http://jpfhir.jp/}, {@code urn:oid:1.2.392.})
 * that the packages cannot check completely in memory (the ValueSet is absent, or includes a code system the
 * packages do not hold whole) is not checked ({@link #unchecked()}; {@link UncheckedBindings}); every other binding
 * is.
 */
public final class ProfilePackages {

    private static final Logger log = LoggerFactory.getLogger(ProfilePackages.class);
    /**
     * Bindings of JP-CLINS 1.5.2 that contradict its own profiles, not checked: the eDischargeSummary section
     * ValueSet includes only the REF and COMMON section codes, while the eDischargeSummary Composition fixes the DIS
     * codes (312 入院理由, 322 入院時詳細 …) in its required slices (the slices' fixed codes are still checked).
     */
    static final Set<String> DEFECTIVE_VALUE_SETS = Set.of("http://jpfhir.jp/fhir/eDischargeSummary/ValueSet/document-section");
    /**
     * Codes JP-CLINS 1.5.2's profiles fix but its complete CodeSystem lacks, taken as they are: the eDischargeSummary
     * 現病歴 (362) and 既往歴 (372) sections.
     */
    static final Map<String, Set<String>> MISSING_CODES = Map.of(FhirSystems.CLINS_DOCUMENT_SECTION,
            Set.of("362", "372"));
    private static final Map<List<Path>, ProfilePackages> LOADED = new ConcurrentHashMap<>();

    private final PrePopulatedValidationSupport support;
    private final List<String> names;
    private final Set<String> profiles;
    private final Set<String> checkable;
    private final Set<String> unchecked;
    private final Map<String, CodeSystem> codeSystems;
    private final long millis;

    private ProfilePackages(PrePopulatedValidationSupport support, List<String> names, Set<String> profiles,
                            Set<String> checkable, Set<String> unchecked, Map<String, CodeSystem> codeSystems,
                            long millis) {
        this.support = support;
        this.names = List.copyOf(names);
        this.profiles = Collections.unmodifiableSet(profiles);
        this.checkable = Collections.unmodifiableSet(checkable);
        this.unchecked = Collections.unmodifiableSet(unchecked);
        this.codeSystems = Map.copyOf(codeSystems);
        this.millis = millis;
    }

    /**
     * The packages of these files, read on the first call for the same files (in any order) and kept for the JVM.
     *
     * @throws UncheckedIOException when a file is missing or not a package (the operator's configuration is wrong)
     */
    public static ProfilePackages load(FhirContext context, List<Path> files) {
        List<Path> key = files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        return LOADED.computeIfAbsent(key, k -> read(context, k));
    }

    /** The validation support holding every profile, ValueSet and CodeSystem of the packages. */
    public IValidationSupport support() {
        return support;
    }

    /** {@code name#version} of each package, in the order read. */
    public List<String> names() {
        return names;
    }

    /** The canonical URL of every profile (StructureDefinition of kind resource or complex type) the packages hold. */
    public Set<String> profiles() {
        return profiles;
    }

    /** Whether the URL (with or without {@code |version}) is a profile of the packages. */
    public boolean holdsProfile(String canonical) {
        return canonical != null && profiles.contains(withoutVersion(canonical));
    }

    /**
     * The Japanese ValueSets the packages hold but cannot check in memory (a code system they include is not held
     * whole): bindings to them, and to Japanese ValueSets the packages do not hold at all, are not checked.
     */
    public Set<String> unchecked() {
        return unchecked;
    }

    /** Whether a binding to this ValueSet is checked: not a Japanese one, or one the packages can expand. */
    public boolean checks(String valueSet) {
        String url = withoutVersion(valueSet);
        return !UncheckedBindings.japanese(url) || checkable.contains(url) && !DEFECTIVE_VALUE_SETS.contains(url);
    }

    /** The CodeSystem of this URL that the packages hold, if any (for tables derived from it, in tests). */
    public CodeSystem codeSystem(String url) {
        return codeSystems.get(url);
    }

    /** How long reading the packages took, in milliseconds. */
    public long millis() {
        return millis;
    }

    static String withoutVersion(String canonical) {
        int bar = canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }

    /**
     * HAPI's validator cannot walk a slice that is sliced again on the same path (it throws "Slice encountered midway
     * through set"): JP-CLINS's eReferral Bundle reslices {@code entry:observation} into {@code
     * entry:observation/laboratory}. Such a slice keeps its own rules but loses its slicing and its re-slices; each
     * entry's resource is still validated against the profiles it claims. Returns the slices dropped.
     */
    static List<String> reslicesDropped(StructureDefinition sd) {
        List<org.hl7.fhir.r4.model.ElementDefinition> elements = sd.getSnapshot().getElement();
        Set<String> slicedPaths = new java.util.HashSet<>();
        List<String> dropped = new ArrayList<>();
        for (org.hl7.fhir.r4.model.ElementDefinition e : elements) {
            if (e.hasSlicing() && !e.hasSliceName()) {
                slicedPaths.add(e.getPath());
            } else if (e.hasSlicing() && e.hasSliceName() && slicedPaths.contains(e.getPath())) {
                e.setSlicing(null);
                dropped.add(e.getId() + "/");
            }
        }
        if (!dropped.isEmpty()) {
            elements.removeIf(e -> dropped.stream().anyMatch(prefix -> e.getId().startsWith(prefix)));
        }
        return dropped;
    }

    private static ProfilePackages read(FhirContext context, List<Path> files) {
        long start = System.nanoTime();
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
        IParser parser = context.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        List<String> names = new ArrayList<>();
        Set<String> profiles = new TreeSet<>();
        Map<String, CodeSystem> codeSystems = new HashMap<>();
        List<ValueSet> valueSets = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                NpmPackage npm = NpmPackage.fromPackage(in);
                names.add(npm.name() + "#" + npm.version());
                for (String name : npm.list("package")) {
                    if (!name.endsWith(".json") || name.equals("package.json") || name.startsWith(".")) {
                        continue;
                    }
                    IBaseResource resource;
                    try (InputStream json = npm.load("package", name)) {
                        resource = parser.parseResource(json);
                    }
                    switch (resource) {
                        case StructureDefinition sd -> {
                            reslicesDropped(sd);
                            support.addStructureDefinition(sd);
                            if (sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
                                    || sd.getKind() == StructureDefinition.StructureDefinitionKind.COMPLEXTYPE) {
                                profiles.add(sd.getUrl());
                            }
                        }
                        case ValueSet vs -> {
                            support.addValueSet(vs);
                            valueSets.add(vs);
                        }
                        case CodeSystem cs -> {
                            support.addCodeSystem(cs);
                            codeSystems.put(cs.getUrl(), cs);
                        }
                        default -> { }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("FHIR package " + file + " cannot be read", e);
            }
        }
        Set<String> checkable = new LinkedHashSet<>();
        Set<String> unchecked = new TreeSet<>();
        for (ValueSet vs : valueSets) {
            if (!UncheckedBindings.japanese(vs.getUrl())) {
                continue;
            }
            boolean whole = vs.getCompose().getInclude().stream().allMatch(include -> include.getValueSet().isEmpty()
                    && include.hasSystem() && codeSystems.containsKey(include.getSystem())
                    && codeSystems.get(include.getSystem()).getContent() == CodeSystem.CodeSystemContentMode.COMPLETE);
            (whole && !DEFECTIVE_VALUE_SETS.contains(vs.getUrl()) ? checkable : unchecked).add(vs.getUrl());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("FHIR packages {} read in {} ms: {} profiles, {} Japanese value sets checked, {} not checked",
                names, millis, profiles.size(), checkable.size(), unchecked.size());
        return new ProfilePackages(support, names, profiles, checkable, unchecked, codeSystems, millis);
    }
}
