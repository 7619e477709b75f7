package org.musubi.fhirapi.registration;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * Which of the writing facility's patients a Patient it sends is, from the identifiers it carries in the facility's
 * patient-ID systems ({@link IdentifierSystems#accepted}): the built-in system, a checkup centre's examinee-ID system of
 * the JP eCheckup guides ({@code urn:oid:1.2.392.200119.6.102.1<its 健診機関番号>}) and JP-CLINS's JP_Hospital_PatientID
 * (each a local ID), then each declared system in declaration order.
 *
 * <ul>
 *   <li>the source patient is the one these identifiers already name (a local ID, or an identifier recorded for it);
 *       when they name two different patients the Patient is refused (409) naming the identifier;</li>
 *   <li>when they name none, a new source patient is keyed by the first of them in that order: its local ID is the
 *       built-in value, or {@code system|value} of a declared one;</li>
 *   <li>every identifier in a declared system, and a built-in value that is not the local ID, is recorded for the
 *       source patient, so that any of them finds it later (PIXm, PDQm, {@code Patient?identifier=}).</li>
 * </ul>
 * A Patient with none of them is refused (422) naming {@code Patient.identifier} and listing the accepted systems. An
 * insured-person number ({@link FhirSystems#INSURANCE_MEMBER_ID}) is never a patient ID, even in a declared system: it
 * is evidence for 名寄せ only (docs/no-ehr.md).
 */
@Component
class PatientKeys {

    /** The longest patient ID accepted: a local ID's length in the source-patient table. */
    static final int MAX_VALUE_LENGTH = 64;
    private final IdentifierSystems systems;
    private final IdentityStore identities;
    private final Facilities facilities;

    PatientKeys(IdentifierSystems systems, IdentityStore identities, Facilities facilities) {
        this.systems = systems;
        this.identities = identities;
        this.facilities = facilities;
    }

    /**
     * @param localId the source patient's local ID (existing or new)
     * @param recorded the identifiers to record for it
     */
    record Keys(String localId, List<SourceIdentifier> recorded) {
    }

    /** The keys of the Patient the facility with this id writes. */
    Keys of(long facilityId, Patient patient) {
        Facility facility = facilities.find(facilityId).orElseThrow();
        List<Found> found = found(facility, patient);
        if (found.isEmpty()) {
            List<String> accepted = systems.accepted(facility);
            throw new UnprocessableEntityException("Patient.identifier に自施設の患者番号が必要です（受け付ける system: "
                    + String.join("、", accepted) + "） / Patient.identifier with your facility's patient ID in one of "
                    + "these systems is required: " + String.join(", ", accepted));
        }
        Map<SourceIdentifier, SourcePatient> named = identities.named(facility.id(),
                found.stream().map(Found::identifier).toList());
        SourcePatient source = null;
        for (Found f : found) {
            SourcePatient other = named.get(f.identifier());
            if (other != null && source != null && other.id() != source.id()) {
                throw new ResourceVersionConflictException(f.element() + " (" + f.system() + "|" + f.identifier().value()
                        + ") は自施設の別の患者を指しています / " + f.element() + " (" + f.system() + "|"
                        + f.identifier().value() + ") identifies another patient of your facility");
            }
            source = other != null ? other : source;
        }
        String localId = source != null ? source.localId() : found.getFirst().identifier().localId();
        Set<SourceIdentifier> recorded = new LinkedHashSet<>();
        for (Found f : found) {
            if (!f.identifier().isLocal() || !f.identifier().value().equals(localId)) {
                recorded.add(f.identifier());
            }
        }
        return new Keys(localId, new ArrayList<>(recorded));
    }

    /** The Patient's identifiers in the facility's patient-ID systems, in the order of {@link IdentifierSystems#accepted}. */
    private List<Found> found(Facility facility, Patient patient) {
        List<String> order = systems.accepted(facility);
        List<Found> found = new ArrayList<>();
        List<Identifier> identifiers = patient.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier identifier = identifiers.get(i);
            String value = identifier.getValue() == null ? null : identifier.getValue().strip();
            if (value == null || value.isEmpty() || FhirSystems.INSURANCE_MEMBER_ID.equals(identifier.getSystem())) {
                continue;
            }
            String element = "Patient.identifier[" + i + "]";
            var key = systems.patientIdentifier(facility, identifier.getSystem(), value, true);
            if (key.isPresent()) {
                check(element, value);
                found.add(new Found(key.get(), identifier.getSystem(), element, order.indexOf(identifier.getSystem())));
            }
        }
        found.sort(Comparator.comparingInt(Found::rank));
        return found;
    }

    private static void check(String element, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new UnprocessableEntityException(element + ".value の患者番号は " + MAX_VALUE_LENGTH + " 文字までです / "
                    + element + ".value: a patient ID has at most " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.indexOf('|') >= 0) {
            throw new UnprocessableEntityException(element + ".value の患者番号に「|」は使えません / " + element
                    + ".value: a patient ID may not contain '|'");
        }
    }

    /** One identifier found: as a source patient's identifier, its system as sent, its element and its rank. */
    private record Found(SourceIdentifier identifier, String system, String element, int rank) {
    }
}
