package org.musubi.fhirapi.person;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * A regional person as a JP Core Patient: the person's regional ID (opaque, never a card number) and the
 * facility patient IDs the caller may see as identifiers (in each facility's built-in and declared systems), names in
 * kanji (IDE) and kana (SYL). When the caller sees the person only through its own facility's patient, the Patient
 * tells nothing the facility did not send itself: its own patient's demographics and identifiers, and not whether the
 * person is active or merged; without standing (no live link made with the card) not even the person's id or regional
 * ID: the Patient is the facility's own, under its own Patient's id.
 */
@Component
public class PersonPatients {

    private final IdentifierSystems systems;
    private final Facilities facilities;
    private final IdentityStore identities;

    PersonPatients(IdentifierSystems systems, Facilities facilities, IdentityStore identities) {
        this.systems = systems;
        this.facilities = facilities;
        this.identities = identities;
    }

    /**
     * The Patient of an opened person: the person's id and regional ID, the patient IDs of the sources the caller may
     * see and the network's demographics; or, when the caller sees only its own patient (no standing), that patient's
     * own Patient id, its own identifiers and the demographics it sent, and nothing of the person.
     */
    Patient toPatient(OpenedPerson opened) {
        RegisteredPerson person = opened.person();
        SourcePatient ownOnly = opened.ownOnly();
        Patient patient = new Patient();
        if (opened.id() != null) {
            patient.setId(opened.id());
        }
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        if (ownOnly == null) {
            patient.setActive(person.active());
        }
        if (opened.personShown()) {
            patient.addIdentifier().setSystem(systems.regional()).setValue(person.person().regionalId())
                    .setUse(Identifier.IdentifierUse.OFFICIAL);
        }
        Map<Long, List<SourceIdentifier>> recorded = recorded(opened.visible());
        for (SourcePatient source : opened.visible()) {
            facilities.find(source.facilityId()).ifPresent(f -> patientIds(patient, f, source,
                    recorded.getOrDefault(source.id(), List.of())));
        }
        if (ownOnly != null) {
            demographics(patient, ownOnly.familyKanji(), ownOnly.givenKanji(), ownOnly.familyKana(), ownOnly.givenKana(),
                    ownOnly.sex(), ownOnly.birthDate(), ownOnly.postalCode(), ownOnly.address(), ownOnly.phone());
        } else {
            var p = person.person();
            demographics(patient, p.familyKanji(), p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(), p.birthDate(),
                    p.postalCode(), p.address(), p.phone());
        }
        if (ownOnly == null && person.mergedInto() != null) {
            patient.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + person.mergedInto()));
        }
        return patient;
    }

    /**
     * The identifiers recorded for the source patients (one round trip), read only where they can tell something:
     * a source patient of a facility with declared systems, or one registered by a declared system.
     */
    private Map<Long, List<SourceIdentifier>> recorded(List<SourcePatient> visible) {
        boolean any = visible.stream().anyMatch(s -> !SourceIdentifier.ofLocalId(s.localId()).isLocal()
                || facilities.find(s.facilityId()).map(f -> !f.identifierSystems().isEmpty()).orElse(false));
        return any ? identities.identifiersOf(visible.stream().map(SourcePatient::id).toList()) : Map.of();
    }

    /**
     * The source patient's identifiers in its facility's patient-ID systems: its local ID in the built-in system
     * (unless it was registered by a declared system), the built-in IDs recorded as aliases, then its identifiers
     * in each system the facility declares, in declaration order (a system no longer declared is not answered with).
     */
    private void patientIds(Patient patient, Facility facility, SourcePatient source, List<SourceIdentifier> recorded) {
        String builtIn = systems.patientIds(facility);
        List<SourceIdentifier> shown = new ArrayList<>();
        if (SourceIdentifier.ofLocalId(source.localId()).isLocal()) {
            shown.add(new SourceIdentifier(builtIn, source.localId()));
        }
        recorded.stream().filter(SourceIdentifier::isLocal).forEach(r -> shown.add(new SourceIdentifier(builtIn, r.value())));
        for (String system : facility.identifierSystems()) {
            if (FhirSystems.INSURANCE_MEMBER_ID.equals(system)) {
                continue; // never answered with an insured-person number (docs/no-ehr.md)
            }
            recorded.stream().filter(r -> r.system().equals(system)).forEach(shown::add);
        }
        shown.stream().distinct().forEach(id -> patient.addIdentifier().setSystem(id.system()).setValue(id.value())
                .setUse(Identifier.IdentifierUse.USUAL));
    }

    private static void demographics(Patient patient, String familyKanji, String givenKanji, String familyKana,
                                     String givenKana, Sex sex, LocalDate birthDate, String postalCode,
                                     String address, String phone) {
        name(patient, familyKanji, givenKanji, "IDE");
        name(patient, familyKana, givenKana, "SYL");
        patient.setGender(gender(sex));
        if (birthDate != null) {
            patient.setBirthDate(Date.valueOf(birthDate));
        }
        if (postalCode != null || address != null) {
            patient.addAddress().setPostalCode(postalCode).setText(address).setUse(Address.AddressUse.HOME);
        }
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
    }

    private static void name(Patient patient, String family, String given, String representation) {
        if (family == null && given == null) {
            return;
        }
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
        if (given != null) {
            name.addGiven(given);
        }
        name.setText(String.join(" ", family == null ? "" : family, given == null ? "" : given).strip());
        name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(representation));
    }

    public static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
            case null -> null;
        };
    }

}
