package org.musubi.carenet.municipal;

import java.util.Set;
import org.hl7.fhir.r4.model.Questionnaire;
import org.musubi.registry.Profession;

/**
 * What a document of this part is, who it goes to and which professions read it there (the addressee rule's {@code
 * readers}).
 */
public enum DocumentKind {
    /**
     * 主治医意見書: requested by a municipality from a named doctor (read there by that doctor), answered back to the
     * municipality (read there by its staff and public-health nurses).
     */
    OPINION(Set.of(Profession.DOCTOR), Set.of(Profession.MUNICIPAL_STAFF, Profession.PUBLIC_HEALTH_NURSE)),
    /**
     * 退院時情報共有: sent by a hospital's staff to a care manager (read by care managers of the addressed office; the
     * named one when one is named), kept by the hospital as its own (read there by its clinical staff).
     */
    DISCHARGE_SHEET(Set.of(Profession.CARE_MANAGER), Set.of(Profession.DOCTOR, Profession.NURSE,
            Profession.PUBLIC_HEALTH_NURSE, Profession.MEDICAL_CLERK));

    private final Set<Profession> addresseeReaders;
    private final Set<Profession> senderReaders;

    DocumentKind(Set<Profession> addresseeReaders, Set<Profession> senderReaders) {
        this.addresseeReaders = addresseeReaders;
        this.senderReaders = senderReaders;
    }

    /** Who reads the document at the facility it was sent to ({@code to_facility}). */
    public Set<Profession> addresseeReaders() {
        return addresseeReaders;
    }

    /** Who reads it at the facility it came from ({@code from_facility}: the municipality that asked, the hospital). */
    public Set<Profession> senderReaders() {
        return senderReaders;
    }

    /** The form filled for this kind. */
    public Questionnaire form() {
        return this == OPINION ? Forms.opinion() : Forms.dischargeSheet();
    }
}
