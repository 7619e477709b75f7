package org.musubi.policy.matrix;

import static org.musubi.policy.DataCategory.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Profession;

/**
 * Which data categories each profession may see, for treatment and emergency purposes (also of its
 * own facility's data). A profession missing from the matrix sees nothing.
 *
 * <p>The {@linkplain #defaults() defaults}:
 * <pre>
 * | profession                                         | categories                                                            |
 * |----------------------------------------------------|-----------------------------------------------------------------------|
 * | DOCTOR, DENTIST, NURSE, MIDWIFE                    | all clinical ones: all but ADMINISTRATIVE                             |
 * | PUBLIC_HEALTH_NURSE                                | all clinical ones but IMAGING                                         |
 * | PHARMACIST                                         | DEMOGRAPHICS, ALLERGIES, MEDICATIONS, DIAGNOSES, LAB_RESULTS, VITALS, |
 * |                                                    | DOCUMENTS, REFERRALS, EMERGENCY_SHEET, CARE_RECORDS                   |
 * | PHYSICAL_, OCCUPATIONAL_, SPEECH_THERAPIST         | DEMOGRAPHICS, DIAGNOSES, ALLERGIES, MEDICATIONS, VITALS, PROCEDURES,  |
 * |                                                    | CARE_RECORDS, DOCUMENTS                                               |
 * | CARE_MANAGER                                       | DEMOGRAPHICS, ALLERGIES, MEDICATIONS, VITALS, CARE_RECORDS,           |
 * |                                                    | EMERGENCY_SHEET, DIAGNOSES                                            |
 * | CARE_WORKER                                        | as CARE_MANAGER without DIAGNOSES                                     |
 * | MEDICAL_CLERK                                      | DEMOGRAPHICS, ADMINISTRATIVE                                          |
 * | NETWORK_OPERATOR                                   | DEMOGRAPHICS                                                          |
 * | PARAMEDIC                                          | the {@link DataCategory#EMERGENCY_MINIMUM}                            |
 * | MUNICIPAL_STAFF                                    | DEMOGRAPHICS, IMMUNIZATIONS, CARE_RECORDS                             |
 * | FACILITY_SYSTEM                                    | all                                                                   |
 * </pre>
 * Nurses see everything clinical, as hospital and visiting nurses work from the whole record; midwives too,
 * since obstetric ultrasound is imaging. Public-health nurses (保健師) work in community health,
 * where images add nothing and would only widen the disclosure. Administrative and financial data (claims,
 * coverage, accounts) is for those who bill: a facility's own systems and its clerks (医療事務), not its
 * clinicians; and it never leaves the facility that recorded it ({@link DataCategory#SOURCE_FACILITY_ONLY}).
 * <p>The JP-CLINS flags ({@link DataCategory#FLAGS}) are no kinds of data and in no row: the policy decides them by who
 * the reader is and whose data it is.
 */
public record ProfessionMatrix(Map<Profession, Set<DataCategory>> categories) {

    public ProfessionMatrix {
        Map<Profession, Set<DataCategory>> copy = new EnumMap<>(Profession.class);
        categories.forEach((profession, allowed) -> copy.put(profession, Set.copyOf(allowed)));
        categories = Map.copyOf(copy);
    }

    public static ProfessionMatrix defaults() {
        Set<DataCategory> all = EnumSet.complementOf(EnumSet.copyOf(DataCategory.FLAGS));
        Set<DataCategory> clinical = EnumSet.complementOf(EnumSet.of(ADMINISTRATIVE, DataCategory.UNINFORMED,
                DataCategory.UNDELIVERED));
        Set<DataCategory> careManager = Set.of(
                DEMOGRAPHICS, ALLERGIES, MEDICATIONS, VITALS, CARE_RECORDS, EMERGENCY_SHEET, DIAGNOSES);
        Set<DataCategory> therapist = Set.of(
                DEMOGRAPHICS, DIAGNOSES, ALLERGIES, MEDICATIONS, VITALS, PROCEDURES, CARE_RECORDS, DOCUMENTS);
        Map<Profession, Set<DataCategory>> m = new EnumMap<>(Profession.class);
        m.put(Profession.DOCTOR, clinical);
        m.put(Profession.DENTIST, clinical);
        m.put(Profession.NURSE, clinical);
        m.put(Profession.MIDWIFE, clinical);
        m.put(Profession.PUBLIC_HEALTH_NURSE, Set.of(
                DEMOGRAPHICS, ENCOUNTERS, DIAGNOSES, ALLERGIES, MEDICATIONS, LAB_RESULTS, VITALS, DOCUMENTS,
                PROCEDURES, IMMUNIZATIONS, CARE_RECORDS, EMERGENCY_SHEET, REFERRALS));
        m.put(Profession.PHARMACIST, Set.of(DEMOGRAPHICS, ALLERGIES, MEDICATIONS, DIAGNOSES, LAB_RESULTS, VITALS,
                DOCUMENTS, REFERRALS, EMERGENCY_SHEET, CARE_RECORDS));
        m.put(Profession.PHYSICAL_THERAPIST, therapist);
        m.put(Profession.OCCUPATIONAL_THERAPIST, therapist);
        m.put(Profession.SPEECH_THERAPIST, therapist);
        m.put(Profession.CARE_MANAGER, careManager);
        m.put(Profession.CARE_WORKER, Set.of(DEMOGRAPHICS, ALLERGIES, MEDICATIONS, VITALS, CARE_RECORDS,
                EMERGENCY_SHEET));
        m.put(Profession.MEDICAL_CLERK, Set.of(DEMOGRAPHICS, ADMINISTRATIVE));
        m.put(Profession.PARAMEDIC, EMERGENCY_MINIMUM);
        m.put(Profession.MUNICIPAL_STAFF, Set.of(DEMOGRAPHICS, IMMUNIZATIONS, CARE_RECORDS));
        m.put(Profession.NETWORK_OPERATOR, Set.of(DEMOGRAPHICS));
        m.put(Profession.FACILITY_SYSTEM, all);
        return new ProfessionMatrix(m);
    }

    /**
     * The defaults overridden by configuration properties, one per profession: {@code DOCTOR=ALL},
     * {@code CARE_WORKER=DEMOGRAPHICS,ALLERGIES,MEDICATIONS}, {@code MEDICAL_CLERK=NONE}. A value is
     * {@code NONE} or a comma-separated list of categories, {@code ALL} and {@code EMERGENCY_MINIMUM};
     * keys and values are case-insensitive and {@code -} may stand for {@code _}. Professions not
     * named keep their defaults.
     *
     * @throws IllegalArgumentException naming the key and value at fault
     */
    public static ProfessionMatrix parse(Map<String, String> properties) {
        return MatrixProperties.parse(defaults(), properties);
    }

    /** A copy in which the profession sees exactly the given categories. */
    public ProfessionMatrix with(Profession profession, Set<DataCategory> allowed) {
        Map<Profession, Set<DataCategory>> copy = new EnumMap<>(categories);
        copy.put(profession, allowed);
        return new ProfessionMatrix(copy);
    }

    /** The categories the profession may see; none for a missing ({@code null}) profession. */
    public Set<DataCategory> categoriesOf(Profession profession) {
        return profession == null ? Set.of() : categories.getOrDefault(profession, Set.of());
    }

    public boolean allows(Profession profession, DataCategory category) {
        return categoriesOf(profession).contains(category);
    }
}
