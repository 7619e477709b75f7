package org.musubi.fhirapi.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.fhirapi.person.IdentifierLookup;
import org.musubi.fhirapi.person.PersonReferences;
import org.musubi.identity.SourcePatient;
import org.musubi.record.Located;
import org.musubi.record.ResourceLookup;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.registry.Facilities;
import org.springframework.stereotype.Component;

/**
 * The patient a written resource is about, as the writer's own source patient: its subject/patient reference
 * resolved among the writing facility's own patients.
 */
@Component
class PatientReferences {

    private final FhirContext context;
    private final PersonReferences persons;
    private final ResourceLookup store;
    private final IdentifierLookup lookup;
    private final Facilities facilities;

    PatientReferences(FhirContext context, PersonReferences persons, ResourceLookup store, IdentifierLookup lookup,
                      Facilities facilities) {
        this.context = context;
        this.persons = persons;
        this.store = store;
        this.lookup = lookup;
        this.facilities = facilities;
    }

    /**
     * The writer's source patient the resource is about, from its reference to the patient
     * ({@link ResourceKind#patientReferences}): a literal reference, a conditional one ({@code Patient?identifier=}) or
     * a logical one (an identifier only). No reference where R4 allows none: the resource stays unattached (key 0).
     * Where the path names several things ({@code Provenance.target}), every reference to a Patient must be the same
     * patient of the writer's. {@code resolved} remembers each reference's answer across the writes of one Bundle.
     */
    long patientKey(Resource resource, ResourceKind kind, long writerFacility,
                    Map<String, Optional<Long>> resolved) {
        List<Reference> references = kind.patientReferences(context, resource).stream()
                .filter(r -> r.hasReference() || r.hasIdentifier()).toList();
        String element = type(resource) + "." + kind.patientPath();
        if (references.isEmpty() && !kind.patientRequired()) {
            return 0;
        }
        if (references.isEmpty()) {
            throw new UnprocessableEntityException(element + " がありません / " + element + " is required");
        }
        Set<Long> keys = new LinkedHashSet<>();
        for (Reference reference : references) {
            String ref = reference.hasReference() ? reference.getReference()
                    : "identifier " + reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue();
            keys.add(resolved.computeIfAbsent(ref, r -> resolve(reference, writerFacility)).orElseThrow(
                    () -> new UnprocessableEntityException(element + " は自施設の患者を参照してください（" + ref + "） / "
                            + element + " must reference a patient of the writing facility (" + ref + ")")));
        }
        if (keys.size() > 1) {
            throw new UnprocessableEntityException(element + " が複数の患者を参照しています（一人の患者の記録として保存します） / "
                    + element + " refers to more than one patient (a record is stored under one patient)");
        }
        return keys.iterator().next();
    }

    private Optional<Long> resolve(Reference reference, long writerFacility) {
        if (!reference.hasReference()) {
            return byIdentifier(reference.getIdentifier().getSystem(), reference.getIdentifier().getValue(), writerFacility);
        }
        String ref = reference.getReference();
        if (ref.startsWith("Patient?identifier=")) {
            return conditional(ref.substring("Patient?identifier=".length()), writerFacility);
        }
        if (ref.matches("Patient/\\d{1,18}")) {
            return persons.writersPatient(writerFacility, Long.parseLong(ref.substring(8)));
        }
        if (ref.matches("Patient/[A-Za-z0-9\\-.]{1,64}")) {
            return store.locate("Patient", ref.substring(8)).filter(p -> p.sourceFacilityId() == writerFacility)
                    .map(Located::patientKey);
        }
        return Optional.empty();
    }

    /**
     * The writer's patient with this identifier: its own patient ID (in its built-in system, JP_Hospital_PatientID or
     * a system declared for it), the insured-person number it sent for the patient (never indexed: found through
     * 名寄せ's hashes, {@link IdentifierLookup#ownPatientByInsured}), or any identifier of a Patient it sent.
     */
    private Optional<Long> byIdentifier(String system, String value, long writerFacility) {
        if (value == null) {
            return Optional.empty();
        }
        if (FhirSystems.INSURANCE_MEMBER_ID.equals(system)) {
            return lookup.ownPatientByInsured(writerFacility, value);
        }
        Optional<Long> own = facilities.find(writerFacility)
                .flatMap(f -> lookup.sourcePatient(f, system, value, true)).map(SourcePatient::id);
        return own.isPresent() ? own
                : store.locateByIdentifier("Patient", writerFacility, system, value).map(Located::patientKey);
    }

    private Optional<Long> conditional(String token, long writerFacility) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        String system = URLDecoder.decode(token.substring(0, bar), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(token.substring(bar + 1), StandardCharsets.UTF_8);
        return byIdentifier(system, value, writerFacility);
    }

    private static String type(Resource resource) {
        return resource.fhirType();
    }
}
