package org.musubi.record.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What Musubi does not store, and why: the types of the Patient compartment it leaves out on purpose, Bundles that
 * are requests or answers rather than records, and every other type that is neither about one patient nor part of a
 * facility's directory (Contract, PaymentNotice, the definitional types …). A Task is stored (its patient is its
 * {@code for}): a care task (CARE_RECORDS, issue 44), or the state of a letter between facilities (REFERRALS, issue 42).
 */
final class UnstoredTypes {

    private static final Map<String, ResourceKind.Refusal> REASONS = Map.of(
            "Group", new ResourceKind.Refusal(
                    "Group は複数の患者などの一覧で、一人の患者の記録ではないため保存しません",
                    "a Group lists its members (several patients, practitioners …) and is no one patient's record"),
            "Person", new ResourceKind.Refusal(
                    "Person は保存しません（地域の人の同定は Musubi が行います。患者は Patient で送ってください）",
                    "Musubi keeps the region's persons itself (patient identity linking): send the patient as a Patient"),
            "AuditEvent", new ResourceKind.Refusal(
                    "AuditEvent は保存しません（Musubi は自らの監査証跡を記録し、GET /fhir/AuditEvent で提供します）",
                    "Musubi keeps its own audit trail (served at GET /fhir/AuditEvent) and stores no facility's AuditEvent"),
            "Consent", new ResourceKind.Refusal(
                    "Consent は保存しません（同意は Musubi の同意登録で記録します。Consent を保存しても閲覧できる人は変わりません）",
                    "consents are recorded through Musubi's consent registration; a stored Consent would not change who may see what"));

    /** Bundles that are records; the others are requests to a server or its answers. */
    private static final Set<Bundle.BundleType> RECORDS = Set.of(Bundle.BundleType.DOCUMENT, Bundle.BundleType.COLLECTION,
            Bundle.BundleType.MESSAGE);

    private UnstoredTypes() {
    }

    static Optional<ResourceKind.Refusal> of(IBaseResource resource) {
        String type = resource.fhirType();
        if (resource instanceof Bundle bundle && !RECORDS.contains(bundle.getType())) {
            String kind = bundle.getType() == null ? "(なし)" : bundle.getType().toCode();
            String english = bundle.getType() == null ? "(none)" : bundle.getType().toCode();
            return Optional.of(new ResourceKind.Refusal(
                    "Bundle.type が " + kind + " の Bundle は記録ではないため保存しません（document、collection、message を保存します。"
                            + "transaction と batch は POST /fhir に送ってください）",
                    "a Bundle of type " + english + " is no record and is not stored (Musubi stores document, collection and"
                            + " message Bundles; send a transaction or batch to POST /fhir)"));
        }
        if (ResourceKind.of(type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(REASONS.getOrDefault(type, new ResourceKind.Refusal(
                type + " は保存しません（R4 で患者コンパートメントに属さず、施設の名簿（Organization、Location など）でもない種類です）",
                "Musubi does not store " + type + ": R4 places it in no patient's compartment and it is no directory"
                        + " resource (Organization, Location …)")));
    }

    /** The types left out of the Patient compartment on purpose, each with its own reason. */
    static Set<String> compartmentTypesLeftOut() {
        return REASONS.keySet();
    }
}
