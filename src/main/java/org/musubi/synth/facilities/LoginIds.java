package org.musubi.synth.facilities;

import java.util.EnumMap;
import java.util.Map;
import org.musubi.registry.Profession;

/**
 * Memorable demo login ids: a lowercase stem per profession and a running number per stem
 * (doctor1, doctor2, nurse1, pt1, caremanager1, …). "admin" is kept for the network operator.
 */
final class LoginIds {

    static final String OPERATOR = "admin";

    private static final Map<Profession, String> STEMS = new EnumMap<>(Map.ofEntries(
            Map.entry(Profession.DOCTOR, "doctor"),
            Map.entry(Profession.DENTIST, "dentist"),
            Map.entry(Profession.PHARMACIST, "pharmacist"),
            Map.entry(Profession.NURSE, "nurse"),
            Map.entry(Profession.PUBLIC_HEALTH_NURSE, "phnurse"),
            Map.entry(Profession.MIDWIFE, "midwife"),
            Map.entry(Profession.PHYSICAL_THERAPIST, "pt"),
            Map.entry(Profession.OCCUPATIONAL_THERAPIST, "ot"),
            Map.entry(Profession.SPEECH_THERAPIST, "st"),
            Map.entry(Profession.CARE_MANAGER, "caremanager"),
            Map.entry(Profession.CARE_WORKER, "careworker"),
            Map.entry(Profession.MEDICAL_CLERK, "clerk"),
            Map.entry(Profession.PARAMEDIC, "paramedic"),
            Map.entry(Profession.MUNICIPAL_STAFF, "cityoffice"),
            Map.entry(Profession.NETWORK_OPERATOR, "operator")));

    private final Map<Profession, Integer> issued = new EnumMap<>(Profession.class);

    /** The next id for this profession. */
    String next(Profession profession) {
        return STEMS.get(profession) + issued.merge(profession, 1, Integer::sum);
    }
}
