package org.musubi.ingest.jahis.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacist;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacy;
import org.musubi.ingest.jahis.records.JahisRecord.Prescriber;
import org.musubi.ingest.jahis.records.JahisRecord.PrescribingInstitution;
import org.musubi.medication.notebook.JahisSystems;
import org.musubi.record.fhir.FhirSystems;

/**
 * The people and places of a dispensing: the pharmacy (11) and pharmacist (15), the prescribing
 * institution (51) and doctor (55) as directory resources, stored once for every dispensing that names
 * them with the same content ({@link DirectoryResource}); the prescriber as a PractitionerRole contained
 * in each dispensing, joining the doctor (department as specialty) and the institution. JAHIS gives
 * names and codes, never IDs a registry could resolve. Institutions carry JP Core's 10-digit 医療機関コード
 * identifier when prefecture, fee table and 7-digit code are all given, and each part in JP Core's
 * JP_Organization extensions. References to them carry the name as display (and an institution's code
 * as identifier), so a list of dispensings reads without fetching them.
 */
final class Parties {

    static final String PREFECTURES = FhirSystems.PREFECTURE_NUMBER;
    static final String FEE_TABLES = FhirSystems.FEE_TABLE;
    static final String CODES = FhirSystems.MEDICAL_ORGANIZATION_ID;

    private Parties() {
    }

    /**
     * The parties one file's blocks named, made once each: by the fields each resource is made of (not
     * the line), so a notebook naming its pharmacy in every block encodes and hashes it once.
     */
    static final class Known {
        private final Map<List<String>, DirectoryResource> made = new HashMap<>();
        private final ImportIds ids;

        /** {@code ids}: the importing facility's, which give each party its id. */
        Known(ImportIds ids) {
            this.ids = ids;
        }

        DirectoryResource pharmacy(Pharmacy p) {
            return made.computeIfAbsent(Arrays.asList("11", p.name(), p.prefecture(), p.feeTable(), p.code(),
                    p.postalCode(), p.address(), p.phone()), k -> DirectoryResource.of(Parties.pharmacy(p), ids));
        }

        DirectoryResource pharmacist(Pharmacist p) {
            return made.computeIfAbsent(Arrays.asList("15", p.name(), p.contact()),
                    k -> DirectoryResource.of(Parties.pharmacist(p), ids));
        }

        DirectoryResource institution(PrescribingInstitution i) {
            return made.computeIfAbsent(Arrays.asList("51", i.name(), i.prefecture(), i.feeTable(), i.code()),
                    k -> DirectoryResource.of(Parties.institution(i), ids));
        }

        DirectoryResource doctor(Prescriber doctor) {
            return made.computeIfAbsent(Arrays.asList("55", doctor.name()), k -> DirectoryResource.of(Parties.doctor(doctor), ids));
        }
    }

    /** The 10-digit code, or null unless all three parts are there. */
    static String institutionNumber(String prefecture, String feeTable, String code) {
        return prefecture.isEmpty() || feeTable.isEmpty() || code.isEmpty() ? null : prefecture + feeTable + code;
    }

    static Organization pharmacy(Pharmacy p) {
        Organization pharmacy = institution(p.name(), p.prefecture(), p.feeTable(), p.code());
        if (!p.address().isEmpty() || !p.postalCode().isEmpty()) {
            pharmacy.addAddress(new Address().setText(blankToNull(p.address())).setPostalCode(blankToNull(p.postalCode())));
        }
        if (!p.phone().isEmpty()) {
            pharmacy.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone()));
        }
        return pharmacy;
    }

    static Organization institution(PrescribingInstitution i) {
        return institution(i.name(), i.prefecture(), i.feeTable(), i.code());
    }

    static Practitioner pharmacist(Pharmacist p) {
        Practitioner pharmacist = person(p.name());
        if (!p.contact().isEmpty()) {
            pharmacist.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(p.contact()));
        }
        return pharmacist;
    }

    static Practitioner doctor(Prescriber doctor) {
        return person(doctor.name());
    }

    /** A reference to a stored Organization, with its name as display and its 医療機関コード as identifier. */
    static Reference toOrganization(DirectoryResource organization) {
        Organization o = (Organization) organization.resource();
        Reference reference = organization.reference().setDisplay(blankToNull(o.getName()));
        o.getIdentifier().stream().filter(i -> FhirSystems.INSTITUTION_NO.equals(i.getSystem())).findFirst()
                .ifPresent(i -> reference.setIdentifier(i.copy()));
        return reference;
    }

    /** A reference to a stored Practitioner, with the name as JAHIS gave it as display. */
    static Reference toPerson(DirectoryResource person, String name) {
        return person.reference().setDisplay(blankToNull(name));
    }

    /** The prescriber: the doctor, the institution, or both (references to stored ones), and the department. */
    static PractitionerRole prescriber(Prescriber doctor, Reference toDoctor, Reference toInstitution) {
        PractitionerRole role = new PractitionerRole();
        role.setId("prescriber");
        role.getMeta().addProfile(JahisSystems.PRACTITIONER_ROLE_PROFILE);
        if (toDoctor != null) {
            role.setPractitioner(toDoctor);
            if (!doctor.department().isEmpty()) {
                role.addSpecialty(new CodeableConcept().setText(doctor.department()));
            }
        }
        if (toInstitution != null) {
            role.setOrganization(toInstitution);
        }
        return role;
    }

    private static Organization institution(String name, String prefecture, String feeTable, String code) {
        Organization organization = new Organization().setName(name);
        organization.getMeta().addProfile(JahisSystems.ORGANIZATION_PROFILE);
        String number = institutionNumber(prefecture, feeTable, code);
        if (number != null) {
            organization.addIdentifier(new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(number));
        }
        if (!prefecture.isEmpty()) {
            organization.addExtension(JahisSystems.PREFECTURE_EXT, new Coding(PREFECTURES, prefecture, null));
        }
        if (!feeTable.isEmpty()) {
            organization.addExtension(JahisSystems.FEE_TABLE_EXT, new Coding(FEE_TABLES, feeTable, null));
        }
        if (!code.isEmpty()) {
            organization.addExtension(JahisSystems.CODE_EXT, new Identifier().setSystem(CODES).setValue(code));
        }
        return organization;
    }

    private static Practitioner person(String name) {
        Practitioner practitioner = new Practitioner();
        practitioner.getMeta().addProfile(JahisSystems.PRACTITIONER_PROFILE);
        practitioner.addName(PersonName.split(name).toHumanName(null));
        return practitioner;
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
