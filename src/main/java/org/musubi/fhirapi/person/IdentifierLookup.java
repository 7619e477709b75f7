package org.musubi.fhirapi.person;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.InsuredNumber;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * Finds the person behind a {@code system|value} identifier: a regional ID or a facility's patient ID, in its
 * built-in system or in one it declared.
 */
@Component
public class IdentifierLookup {

    private final IdentifierSystems systems;
    private final IdentityStore identities;
    private final InsuredKeys insuredKeys;

    IdentifierLookup(IdentifierSystems systems, IdentityStore identities, InsuredKeys insuredKeys) {
        this.systems = systems;
        this.identities = identities;
        this.insuredKeys = insuredKeys;
    }

    /**
     * The person and, for a facility patient ID, that facility. Throws 400 for a system Musubi does not know; an
     * insured-person number ({@link FhirSystems#INSURANCE_MEMBER_ID}) finds no one, whoever asks.
     */
    public Optional<Found> find(String system, String value, String parameter) {
        if (system == null || system.isBlank() || value == null || value.isBlank()) {
            throw new InvalidRequestException(parameter + " は system|value の形で指定してください / " + parameter
                    + " must be given as system|value");
        }
        if (FhirSystems.INSURANCE_MEMBER_ID.equals(system.strip())) {
            return Optional.empty(); // a number is evidence for 名寄せ only: never a way to find anyone
        }
        if (systems.isRegional(system)) {
            return identities.personByRegionalId(value.strip()).map(p -> new Found(p.id(), null, null));
        }
        Facility facility = systems.facilityOf(system).orElseThrow(() -> new InvalidRequestException(
                parameter + " の識別子体系（Assigning Authority）が見つかりません: " + system + " / " + parameter
                        + " Assigning Authority not found: " + system));
        return sourcePatient(facility, system, value.strip(), false)
                .flatMap(s -> identities.personOf(s.id()).flatMap(identities::person).map(RegisteredPerson::id)
                        .map(id -> new Found(id, facility.id(), s)));
    }

    /**
     * The caller's facility's own patient that {@code system|value} names and that 名寄せ has joined to no person (held
     * for review): a patient ID in one of the facility's own patient-ID systems, through which the facility reads what
     * it sent ({@link PersonOpener#openHeld}). Empty for a caller of no facility, another facility's system, a patient
     * linked to a person (found by {@link #find}) and an identifier nobody has — all answered alike. Call after {@link
     * #find} found nothing, which has checked the system.
     */
    public Optional<SourcePatient> heldOwn(Long callerFacility, String system, String value) {
        if (callerFacility == null || system == null || value == null || value.isBlank()) {
            return Optional.empty();
        }
        return systems.facilityOf(system).filter(f -> f.id() == callerFacility)
                .flatMap(f -> sourcePatient(f, system, value.strip(), false))
                .filter(s -> identities.personOf(s.id()).isEmpty());
    }

    /**
     * The facility's source patient with this identifier in one of its patient-ID systems (built-in or declared; and
     * JP_Hospital_PatientID when the facility itself is {@code writing}); empty for any other system.
     */
    public Optional<SourcePatient> sourcePatient(Facility facility, String system, String value, boolean writing) {
        return systems.patientIdentifier(facility, system, value, writing)
                .map(identifier -> identities.named(facility.id(), List.of(identifier)).get(identifier));
    }

    /**
     * The writing facility's own patient that an insured-person number names, for a reference in what it writes (a
     * JP-CLINS Condition names its patient by {@code subject.identifier} in {@link FhirSystems#INSURANCE_MEMBER_ID}):
     * the one source patient of that facility whose number, as 名寄せ recorded it (hashed), is this one; empty when the
     * value is no number, or names none or several of its patients. Never another facility's patient: a way for the
     * sender to name its own patient, not to find anyone.
     */
    public Optional<Long> ownPatientByInsured(long writerFacility, String value) {
        return InsuredNumber.parse(value)
                .flatMap(number -> identities.sourcePatientByInsured(writerFacility, insuredKeys.of(number)));
    }

    /**
     * @param facilityId the facility whose patient ID was given; {@code null} for a regional ID
     * @param source the facility's patient that ID names; {@code null} for a regional ID
     */
    public record Found(long personId, Long facilityId, SourcePatient source) {

        /** Whether the identifier is a patient ID of the caller's own facility ({@code facilityId} of the caller). */
        public boolean ownOf(Long callerFacility) {
            return source != null && callerFacility != null && callerFacility.equals(facilityId);
        }
    }
}
