package org.musubi.letters.clins;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.musubi.record.fhir.medication.MedicationConcept;

/**
 * The 6 items (6情報) of one patient at one facility as JP-CLINS collection Bundles ({@code JP_Bundle_CLINS|1}): one
 * per {@link ClinsItem} that has resources, each headed by the patient ({@code JP_Patient_eCS}), its {@code meta.tag}
 * the resource type, its identifier {@code <institution code>^<year>^6-<item code>-<patient key>} ({@link #number});
 * all in one
 * {@code collection} Bundle (Musubi's, no profile) in the order of {@link ClinsItem}. JP-CLINS 1.5.2's collection
 * profile takes only Condition, AllergyIntolerance and Observation (the national service has prescriptions from the
 * 電子処方箋管理サービス): the 処方 Bundle has the same shape but claims only JP-CLINS's generic {@code JP_Bundle|1},
 * its MedicationRequests {@code JP_MedicationRequest_eCS}.
 *
 * <p>The resources are the facility's stored ones, served as copies that claim their eCS profile, refer to the
 * Bundle's patient, carry a resource identifier and the facility's institution number, and give every coding a
 * display. One that cannot be a JP-CLINS resource without inventing facts is left out: a Condition without a MEDIS
 * 病名管理番号, a verification status or a category; an AllergyIntolerance without a code; an Observation that is not
 * a lab result or has no code or no specimen; a Condition without an onset date; a Condition or lab result that does not say in
 * which visit (a contained JP Core Encounter) and department (the JP_eCS_Department extension) it was made, which
 * the collection profile requires of both.
 */
public final class ClinsCollection {

    public static final String BUNDLE_CLINS = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS|1";
    static final String RESOURCE_TYPE_TAG = "http://jpfhir.jp/fhir/clins/CodeSystem/BundleResourceType_CS";
    static final String INSTITUTION_NUMBER = "http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber";

    private ClinsCollection() {
    }

    /**
     * The collection.
     *
     * @param patient         the patient as the caller may see them (a copy is made)
     * @param patientKey      what names the patient in the Bundles' identifiers (the facility's patient ID or the
     *                        person's id)
     * @param institutionCode the facility's 10-digit code
     * @param resources       the facility's resources of the patient (any type; the others are left out)
     */
    public static Bundle collection(Patient patient, String patientKey, String institutionCode, List<Resource> resources,
                                    Instant now) {
        Map<ClinsItem, List<Resource>> items = new EnumMap<>(ClinsItem.class);
        for (Resource r : resources) {
            item(r).ifPresent(i -> items.computeIfAbsent(i, k -> new ArrayList<>()).add(r));
        }
        Bundle outer = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestampElement(ClinsParts.instant(now));
        outer.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
        int year = LocalDate.ofInstant(now, ClinsParts.JAPAN).getYear();
        for (ClinsItem item : ClinsItem.values()) {
            List<Resource> of = items.getOrDefault(item, List.of());
            if (of.isEmpty()) {
                continue;
            }
            String id = institutionCode + "^" + year + "^" + number(item, patientKey);
            outer.addEntry().setFullUrl(url(id, "bundle")).setResource(bundle(item, id, patient, institutionCode, of, now));
        }
        return outer;
    }

    /**
     * The Bundle number: {@code 6-<item code>-<patient key>} ({@code 6-DX-P000123}); JP-CLINS allows 1–36 letters, digits
     * and {@code -}, so a longer key or one with other characters is replaced by a digest of it.
     */
    static String number(ClinsItem item, String patientKey) {
        String key = patientKey.matches("[A-Za-z0-9-]{1,28}") ? patientKey
                : UUID.nameUUIDFromBytes(patientKey.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 28);
        return "6-" + item.code() + "-" + key;
    }

    /** The item a stored resource belongs to, if it can be a JP-CLINS resource at all. */
    static Optional<ClinsItem> item(Resource r) {
        return switch (r) {
            case Condition c -> c.getCode().getCoding().stream().anyMatch(x -> ClinsParts.DISEASE_KEY.equals(x.getSystem()))
                    && ConditionStatus.stated(c) && c.hasCategory() && c.hasOnsetDateTimeType() && visit(c)
                    ? Optional.of(ClinsItem.DIAGNOSES) : Optional.empty();
            case AllergyIntolerance a -> !a.getCode().hasCoding() ? Optional.empty()
                    : Optional.of(a.getCategory().stream().anyMatch(x -> x.getValue()
                    == AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION) ? ClinsItem.DRUG_CONTRAINDICATIONS
                    : ClinsItem.ALLERGIES);
            case Observation o -> !laboratory(o) || !o.getCode().hasCoding() || !o.hasSpecimen() || !visit(o)
                    ? Optional.empty()
                    : Optional.of(InfectionLabs.infection(o) ? ClinsItem.INFECTIONS : ClinsItem.LABS);
            case MedicationRequest m -> Optional.of(ClinsItem.PRESCRIPTIONS);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the resource says in which visit and department it was made, as JP-CLINS's collection requires of a
     * Condition and an Observation: a contained JP Core Encounter and the department extension.
     */
    private static boolean visit(DomainResource r) {
        return r.getExtensionByUrl(FhirSystems.JP_ECS_DEPARTMENT) != null && r.getContained().stream()
                .anyMatch(c -> c.getMeta().getProfile().stream().anyMatch(p -> p.getValue().startsWith(ClinsParts.CORE + "JP_Encounter")));
    }

    private static boolean laboratory(Observation o) {
        return o.getCategory().stream().flatMap(c -> c.getCoding().stream()).anyMatch(c -> "laboratory".equals(c.getCode()));
    }

    private static String url(String bundleId, String role) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((bundleId + "#" + role).getBytes(StandardCharsets.UTF_8));
    }

    private static Bundle bundle(ClinsItem item, String id, Patient patient, String code, List<Resource> resources,
                                 Instant now) {
        Bundle b = new Bundle();
        b.getMeta().setLastUpdatedElement(ClinsParts.instant(now))
                .addProfile(item == ClinsItem.PRESCRIPTIONS ? ClinsDocuments.BUNDLE_LOCAL : BUNDLE_CLINS)
                .addTag(RESOURCE_TYPE_TAG, item.resourceType(), null);
        b.setLanguage("ja");
        b.setIdentifier(new Identifier().setSystem(DocumentFrame.BUNDLE_IDENTIFIER).setValue(id));
        b.setType(Bundle.BundleType.COLLECTION).setTimestampElement(ClinsParts.instant(now));
        String patientUrl = url(id, "patient");
        Patient p = patient.copy();
        p.setId((String) null);
        p.getMeta().setLastUpdatedElement(ClinsParts.instant(now)).getProfile().clear();
        p.getMeta().addProfile(ClinsParts.ECS + "JP_Patient_eCS");
        b.addEntry().setFullUrl(patientUrl).setResource(p);
        int i = 0;
        for (Resource stored : resources) {
            Resource r = served(stored, code, patientUrl, now);
            b.addEntry().setFullUrl(url(id, item.name() + "-" + ++i)).setResource(r);
        }
        return b;
    }

    /** The served copy (see the class). */
    static Resource served(Resource stored, String code, String patientUrl, Instant now) {
        DomainResource r = (DomainResource) stored.copy();
        String storedId = stored.getIdElement().getIdPart();
        r.setId((String) null);
        if (!r.getMeta().hasLastUpdated()) {
            r.getMeta().setLastUpdatedElement(ClinsParts.instant(now));
        }
        r.getMeta().setVersionId(null);
        r.getMeta().getProfile().clear();
        r.getMeta().addProfile(ClinsParts.ECS + switch (r) {
            case Condition c -> "JP_Condition_eCS";
            case AllergyIntolerance a -> "JP_AllergyIntolerance_eCS";
            case Observation o -> "JP_Observation_LabResult_eCS";
            default -> "JP_MedicationRequest_eCS";
        });
        if (r.getExtensionByUrl(INSTITUTION_NUMBER) == null) {
            r.addExtension(INSTITUTION_NUMBER, new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(code));
        }
        Reference patient = new Reference(patientUrl);
        switch (r) {
            case Condition c -> {
                identify(c.getIdentifier(), code, c.fhirType(), storedId);
                c.setSubject(patient);
                displayed(c.getCode());
                suspectedAsClins(c);
            }
            case AllergyIntolerance a -> {
                identify(a.getIdentifier(), code, a.fhirType(), storedId);
                a.setPatient(patient);
                displayed(a.getCode());
            }
            case Observation o -> {
                identify(o.getIdentifier(), code, o.fhirType(), storedId);
                o.setSubject(patient);
                o.getCategory().clear();
                o.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "laboratory", null)));
                displayed(o.getCode());
            }
            case MedicationRequest m -> {
                identify(m.getIdentifier(), code, m.fhirType(), storedId);
                m.setSubject(patient);
                CodeableConcept drug = MedicationConcept.stated(m);
                if (drug != null) {
                    displayed(drug);
                }
            }
            default -> { }
        }
        return r;
    }

    /**
     * 疑い as JP-CLINS writes it ({@code unconfirmed}): a sender's {@code provisional} or {@code differential} (a kind of
     * {@code unconfirmed}) is served as {@code unconfirmed}, so that every reader of the document reads 疑い.
     */
    private static void suspectedAsClins(Condition c) {
        ConditionStatus status = ConditionStatus.of(c);
        if (status.suspected() && !ConditionStatus.SUSPECTED.equals(status.sent())) {
            c.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION,
                    status.clinsVerification(), "Unconfirmed")));
        }
    }

    /** Adds a resource identifier ({@code <code>^<type>^<stored id>}) when the resource has none. */
    private static void identify(List<Identifier> identifiers, String code, String type, String storedId) {
        if (identifiers.stream().noneMatch(i -> FhirSystems.RESOURCE_INSTANCE.equals(i.getSystem()))) {
            identifiers.add(new Identifier().setSystem(FhirSystems.RESOURCE_INSTANCE)
                    .setValue(code + "^" + type + "^" + storedId));
        }
    }

    /** Every coding with a display (the text, or the first display), and the text (the first display). */
    private static void displayed(CodeableConcept concept) {
        if (!concept.hasText()) {
            concept.getCoding().stream().filter(Coding::hasDisplay).findFirst()
                    .ifPresent(c -> concept.setText(c.getDisplay()));
        }
        for (Coding c : concept.getCoding()) {
            if (!c.hasDisplay() && concept.hasText()) {
                c.setDisplay(concept.getText());
            }
        }
    }
}
