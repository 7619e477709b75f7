package org.musubi.ingest.jahis;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.jahis.JahisRecord.Pharmacist;
import org.musubi.ingest.jahis.JahisRecord.Pharmacy;
import org.musubi.ingest.jahis.JahisRecord.Prescriber;
import org.musubi.ingest.jahis.JahisRecord.PrescribingInstitution;

/**
 * The people and places of a dispensing as contained resources (JAHIS gives names and codes, never
 * IDs a registry could resolve): the pharmacy (11) and pharmacist (15), and the prescriber as a
 * PractitionerRole joining the doctor (55, department as specialty) and the institution (51).
 * Institutions carry JP Core's 10-digit 医療機関コード identifier when prefecture, fee table and
 * 7-digit code are all given, and each part in JP Core's JP_Organization extensions.
 */
final class Parties {

    static final String EXT = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/";
    static final String PREFECTURE_EXT = EXT + "JP_Organization_PrefectureNo";
    static final String FEE_TABLE_EXT = EXT + "JP_Organization_InsuranceOrganizationCategory";
    static final String CODE_EXT = EXT + "JP_Organization_InsuranceOrganizationNo";
    static final String PREFECTURES = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/PrefectureNo-2digits";
    static final String FEE_TABLES = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationFeeScoreType";
    static final String CODES = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicalOrganizationID";

    private Parties() {
    }

    /** The 10-digit code, or null unless all three parts are there. */
    static String institutionNumber(String prefecture, String feeTable, String code) {
        return prefecture.isEmpty() || feeTable.isEmpty() || code.isEmpty() ? null : prefecture + feeTable + code;
    }

    static Organization pharmacy(Pharmacy p) {
        Organization pharmacy = institution("pharmacy", p.name(), p.prefecture(), p.feeTable(), p.code());
        if (!p.address().isEmpty() || !p.postalCode().isEmpty()) {
            pharmacy.addAddress(new Address().setText(blankToNull(p.address())).setPostalCode(blankToNull(p.postalCode())));
        }
        if (!p.phone().isEmpty()) {
            pharmacy.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone()));
        }
        return pharmacy;
    }

    static Organization institution(PrescribingInstitution i) {
        return institution("institution", i.name(), i.prefecture(), i.feeTable(), i.code());
    }

    static Practitioner pharmacist(Pharmacist p) {
        Practitioner pharmacist = person("pharmacist", p.name());
        if (!p.contact().isEmpty()) {
            pharmacist.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(p.contact()));
        }
        return pharmacist;
    }

    static Practitioner doctor(Prescriber doctor) {
        return person("doctor", doctor.name());
    }

    /** The prescriber: the doctor, the institution, or both, and the department. */
    static PractitionerRole prescriber(Prescriber doctor, PrescribingInstitution institution) {
        PractitionerRole role = new PractitionerRole();
        role.setId("prescriber");
        role.getMeta().addProfile(JahisSystems.PRACTITIONER_ROLE_PROFILE);
        if (doctor != null) {
            role.setPractitioner(new Reference("#doctor"));
            if (!doctor.department().isEmpty()) {
                role.addSpecialty(new CodeableConcept().setText(doctor.department()));
            }
        }
        if (institution != null) {
            role.setOrganization(new Reference("#institution"));
        }
        return role;
    }

    private static Organization institution(String id, String name, String prefecture, String feeTable, String code) {
        Organization organization = new Organization().setName(name);
        organization.setId(id);
        organization.getMeta().addProfile(JahisSystems.ORGANIZATION_PROFILE);
        String number = institutionNumber(prefecture, feeTable, code);
        if (number != null) {
            organization.addIdentifier(new Identifier().setSystem(JahisSystems.INSTITUTION_NO).setValue(number));
        }
        if (!prefecture.isEmpty()) {
            organization.addExtension(PREFECTURE_EXT, new Coding(PREFECTURES, prefecture, null));
        }
        if (!feeTable.isEmpty()) {
            organization.addExtension(FEE_TABLE_EXT, new Coding(FEE_TABLES, feeTable, null));
        }
        if (!code.isEmpty()) {
            organization.addExtension(CODE_EXT, new Identifier().setSystem(CODES).setValue(code));
        }
        return organization;
    }

    private static Practitioner person(String id, String name) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.getMeta().addProfile(JahisSystems.PRACTITIONER_PROFILE);
        practitioner.addName(PersonName.split(name).toHumanName(null));
        return practitioner;
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
