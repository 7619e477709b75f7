package org.musubi.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The codes R4's required bindings allow on Coding and CodeableConcept elements ({@code Condition.clinicalStatus},
 * {@code AllergyIntolerance.verificationStatus} …), read once from the R4 definitions HAPI bundles: each element of
 * a resource or data type (not of a profile) whose binding is required, and its value set expanded from the code
 * systems bundled with R4. A value set that cannot be expanded that way (filters, imports, a code system HAPI does
 * not bundle in full) is left out, so its element is not checked here ({@code full} mode's validator still does).
 * (The required bindings on {@code code} elements are HAPI's generated enumerations; {@link StructureRules} checks them.)
 * Built on first use or by {@link #load()}, a few seconds; then a map of a few hundred small sets. Thread-safe.
 */
final class RequiredCodes {

    private static final Logger log = LoggerFactory.getLogger(RequiredCodes.class);
    private static final Set<String> CODED = Set.of("CodeableConcept", "Coding");
    private final FhirContext context;
    private volatile Map<String, Set<String>> byPath;
    private volatile Set<String> commonLanguages;

    RequiredCodes(FhirContext context) {
        this.context = context;
    }

    /** The allowed {@code system|code} pairs of the element at this definition path, or null when it has no such binding. */
    Set<String> at(String definitionPath) {
        return load().get(definitionPath);
    }

    /** HL7's Common Languages ({@value #LANGUAGES}), the value set R4 binds language elements to (extensible or preferred). */
    Set<String> commonLanguages() {
        load();
        return commonLanguages;
    }

    static final String LANGUAGES = FhirSystems.COMMON_LANGUAGES;

    /**
     * The checks of a Coding or CodeableConcept ({@code coding}: a Coding) at {@code definitionPath} against R4's
     * required binding there, and of a coded language against HL7's Common Languages; faults at {@code path}.
     */
    void check(JsonNode value, boolean coding, String definitionPath, String path, List<Fault> faults) {
        coded(value, coding, at(definitionPath), path, faults);
        if (definitionPath.endsWith(".language")) {
            language(value, coding, path, faults);
        }
    }

    /**
     * A Coding, or a CodeableConcept's codings, under a required binding: one must be a code of the value set
     * ({@code allowed}: {@code system|code}; null when the element has no such binding R4 can expand).
     */
    private static void coded(JsonNode value, boolean coding, Set<String> allowed, String path, List<Fault> faults) {
        if (allowed == null) {
            return;
        }
        List<JsonNode> codings = new ArrayList<>();
        if (coding) {
            codings.add(value);
        } else {
            value.path("coding").forEach(codings::add);
        }
        List<String> given = codings.stream().map(c -> FhirJson.text(c.get("system")) + "|" + FhirJson.text(c.get("code"))).toList();
        if (given.stream().anyMatch(allowed::contains)) {
            return;
        }
        faults.add(new Fault(path, "code-invalid", "コードが正しくありません（コード体系にないか、必須の値セットにありません）",
                given.isEmpty() ? "No code provided, and a code is required from the value set of this element (required binding)"
                        : "None of the codes provided " + given + " are in the value set of this element (required binding)"));
    }

    /**
     * A coded language (Patient.communication.language …) outside HL7's Common Languages, which R4 binds it to: found
     * as HAPI's validator words it, so that {@link KnownDeviations} tells the known deviations among them (a BCP-47
     * tag such as {@code vi}, a code of ISO 639) from other codes, and modes standard and full treat them alike.
     */
    private void language(JsonNode value, boolean coding, String path, List<Fault> faults) {
        List<JsonNode> codings = new ArrayList<>();
        if (coding) {
            codings.add(value);
        } else {
            value.path("coding").forEach(codings::add);
        }
        Set<String> common = commonLanguages();
        if (codings.isEmpty() || common.isEmpty()
                || codings.stream().anyMatch(c -> common.contains(FhirJson.text(c.get("system")) + "|" + FhirJson.text(c.get("code"))))) {
            return;
        }
        JsonNode first = codings.getFirst();
        String system = FhirJson.text(first.get("system"));
        String code = FhirJson.text(first.get("code"));
        String english = system != null && system.startsWith("urn:iso:std:iso:639-")
                ? "Inappropriate CodeSystem URL \"" + system + "\" for ValueSet: " + LANGUAGES
                : "Code \"" + code + "\" is not in valueset: " + LANGUAGES;
        faults.add(new Fault(path, "code-invalid", "コードが正しくありません（コード体系にないか、必須の値セットにありません）", english));
    }

    Map<String, Set<String>> load() {
        Map<String, Set<String>> ready = byPath;
        if (ready == null) {
            synchronized (this) {
                if (byPath == null) {
                    commonLanguages = expand(new DefaultProfileValidationSupport(context), LANGUAGES);
                    byPath = read();
                }
                ready = byPath;
            }
        }
        return ready;
    }

    private Map<String, Set<String>> read() {
        long start = System.nanoTime();
        DefaultProfileValidationSupport support = new DefaultProfileValidationSupport(context);
        Map<String, Set<String>> codes = new HashMap<>();
        Map<String, Set<String>> expanded = new HashMap<>();
        List<IBaseResource> definitions = support.fetchAllStructureDefinitions();
        for (IBaseResource resource : definitions) {
            StructureDefinition definition = (StructureDefinition) resource;
            if (definition.getDerivation() != StructureDefinition.TypeDerivationRule.SPECIALIZATION) {
                continue;
            }
            for (ElementDefinition element : definition.getSnapshot().getElement()) {
                if (!element.hasBinding() || element.getBinding().getStrength() != BindingStrength.REQUIRED
                        || element.getBinding().getValueSet() == null
                        || element.getType().stream().noneMatch(t -> CODED.contains(t.getCode()))) {
                    continue;
                }
                String url = element.getBinding().getValueSet();
                String unversioned = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
                Set<String> allowed = expanded.computeIfAbsent(unversioned, u -> expand(support, u));
                if (!allowed.isEmpty()) {
                    codes.put(element.getPath(), allowed);
                }
            }
        }
        log.info("Required codes of {} R4 elements read in {} ms", codes.size(), (System.nanoTime() - start) / 1_000_000);
        return Map.copyOf(codes);
    }

    /** The value set's codes as {@code system|code}; empty when it cannot be expanded from what R4 bundles. */
    private static Set<String> expand(DefaultProfileValidationSupport support, String url) {
        if (!(support.fetchValueSet(url) instanceof ValueSet valueSet) || valueSet.getCompose().hasExclude()) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>();
        for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            if (include.hasValueSet() || include.hasFilter() || !include.hasSystem()) {
                return Set.of();
            }
            String system = include.getSystem();
            if (include.hasConcept()) {
                include.getConcept().forEach(c -> codes.add(system + "|" + c.getCode()));
            } else if (support.fetchCodeSystem(system) instanceof CodeSystem codeSystem
                    && codeSystem.getContent() == CodeSystem.CodeSystemContentMode.COMPLETE) {
                addAll(system, codeSystem.getConcept(), codes);
            } else {
                return Set.of();
            }
        }
        return Set.copyOf(codes);
    }

    private static void addAll(String system, List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> codes) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            codes.add(system + "|" + concept.getCode());
            addAll(system, concept.getConcept(), codes);
        }
    }
}
