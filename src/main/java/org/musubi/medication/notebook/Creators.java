package org.musubi.medication.notebook;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.musubi.record.fhir.FhirSystems;

/**
 * 作成者, who made a JAHIS record: 1 医療関係者 (medical staff), 2 患者等 (the patient or their family), 8 その他,
 * 9 不明. Kept as written in {@link FhirSystems#JAHIS_CREATOR} on what the record became, so the exporter writes
 * it back; the import also says it in FHIR's own terms where FHIR has a place for who stated something
 * ({@code ingest.jahis.mapping.CreatorParties}).
 */
public final class Creators {

    /** 患者等: the patient or their family. */
    public static final String PATIENT = "2";

    private Creators() {
    }

    /** Marks a resource with the creator, when the file gives one. */
    public static <T extends DomainResource> T mark(T resource, String creator) {
        if (!creator.isEmpty()) {
            resource.addExtension(FhirSystems.JAHIS_CREATOR, new CodeType(creator));
        }
        return resource;
    }

    /** Marks an element (an Annotation, an ingredient) with the creator, when the file gives one. */
    public static <T extends Element> T mark(T element, String creator) {
        if (!creator.isEmpty()) {
            element.addExtension(FhirSystems.JAHIS_CREATOR, new CodeType(creator));
        }
        return element;
    }

    /** The creator kept on a resource, or {@code otherwise}. */
    public static String of(DomainResource resource, String otherwise) {
        return code(resource.getExtensionByUrl(FhirSystems.JAHIS_CREATOR), otherwise);
    }

    /** The creator kept on an element, or {@code otherwise}. */
    public static String of(Element element, String otherwise) {
        return code(element.getExtensionByUrl(FhirSystems.JAHIS_CREATOR), otherwise);
    }

    private static String code(Extension extension, String otherwise) {
        return extension == null || extension.getValue() == null || extension.getValue().primitiveValue() == null
                ? otherwise : extension.getValue().primitiveValue();
    }
}
