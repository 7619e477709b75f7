package org.musubi.medication.notebook;

import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.musubi.record.fhir.FhirSystems;

/**
 * Record 1 from a Patient: the kanji name (the name marked IDE, else the first not marked SYL), sex
 * (1 male, 2 female; left empty for other values, which JAHIS cannot say), birth date, the first
 * address and phone, the emergency contact, the blood type and weight of the newest such Observations given
 * ({@link BodyValues}), and the kana name (marked SYL).
 */
final class PatientLines {

    private PatientLines() {
    }

    public static String patient(Patient patient) {
        return patient(patient, BodyValues.NONE);
    }

    /** Record 1 with the blood type and weight of {@code body}. */
    public static String patient(Patient patient, BodyValues body) {
        Address address = patient.getAddress().stream().findFirst().orElse(new Address());
        String emergency = patient.getContact().stream()
                .filter(c -> c.getRelationship().stream().anyMatch(r -> FhirValues.coding(r, JahisSystems.EMERGENCY_CONTACT).isPresent()))
                .flatMap(c -> c.getTelecom().stream()).map(ContactPoint::getValue).findFirst().orElse("");
        return RecordLine.of(1).text(FhirValues.name(name(patient, "IDE").or(() -> name(patient, null)).orElse(null)))
                .text(sex(patient.getGender()))
                .date(patient.hasBirthDate() ? FhirValues.day(patient.getBirthDateElement()) : null)
                .text(address.getPostalCode())
                .text(address.hasText() ? address.getText() : String.join("", address.getLine().stream().map(PrimitiveType::getValue).toList()))
                .text(FhirValues.phone(patient.getTelecom(), ContactPoint.ContactPointSystem.PHONE))
                .text(emergency).text(body.bloodType()).text(body.weight())
                .text(FhirValues.name(name(patient, "SYL").orElse(null)))
                .toString();
    }

    private static String sex(AdministrativeGender gender) {
        return gender == AdministrativeGender.MALE ? "1" : gender == AdministrativeGender.FEMALE ? "2" : "";
    }

    /** The name with representation {@code form}; for null, the first name with none or IDE. */
    private static Optional<HumanName> name(Patient patient, String form) {
        return patient.getName().stream().filter(n -> {
            var extension = n.getExtensionByUrl(FhirSystems.NAME_REPRESENTATION);
            String value = extension == null ? null : extension.getValue().primitiveValue();
            return form == null ? !"SYL".equals(value) : form.equals(value);
        }).findFirst();
    }
}
