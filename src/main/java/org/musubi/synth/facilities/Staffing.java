package org.musubi.synth.facilities;

import static org.musubi.registry.Profession.CARE_MANAGER;
import static org.musubi.registry.Profession.CARE_WORKER;
import static org.musubi.registry.Profession.DENTIST;
import static org.musubi.registry.Profession.DOCTOR;
import static org.musubi.registry.Profession.MEDICAL_CLERK;
import static org.musubi.registry.Profession.MUNICIPAL_STAFF;
import static org.musubi.registry.Profession.NURSE;
import static org.musubi.registry.Profession.OCCUPATIONAL_THERAPIST;
import static org.musubi.registry.Profession.PARAMEDIC;
import static org.musubi.registry.Profession.PHARMACIST;
import static org.musubi.registry.Profession.PHYSICAL_THERAPIST;
import static org.musubi.registry.Profession.PUBLIC_HEALTH_NURSE;
import static org.musubi.registry.Profession.SPEECH_THERAPIST;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;

/**
 * Who works where: the professions a facility's users have, in the order they are handed out
 * (the n-th user of a facility gets the n-th profession, wrapping round), and how many staff a
 * facility of each kind has relative to the others.
 */
final class Staffing {

    private static final Map<FacilityKind, List<Profession>> ROTATIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(FacilityKind.HOSPITAL, List.of(DOCTOR, NURSE, PHARMACIST, MEDICAL_CLERK,
                    PHYSICAL_THERAPIST, NURSE, DOCTOR, OCCUPATIONAL_THERAPIST, NURSE, SPEECH_THERAPIST)),
            Map.entry(FacilityKind.CLINIC, List.of(DOCTOR, NURSE, MEDICAL_CLERK, NURSE)),
            Map.entry(FacilityKind.DENTAL_CLINIC, List.of(DENTIST)),
            Map.entry(FacilityKind.PHARMACY, List.of(PHARMACIST)),
            Map.entry(FacilityKind.HOME_NURSING_STATION, List.of(NURSE)),
            Map.entry(FacilityKind.CARE_FACILITY, List.of(CARE_MANAGER, CARE_WORKER)),
            Map.entry(FacilityKind.LAB_CENTRE, List.of(MEDICAL_CLERK)),
            Map.entry(FacilityKind.CHECKUP_CENTRE, List.of(DOCTOR, NURSE, MEDICAL_CLERK)),
            Map.entry(FacilityKind.FIRE_DEPARTMENT, List.of(PARAMEDIC)),
            Map.entry(FacilityKind.MUNICIPALITY, List.of(PUBLIC_HEALTH_NURSE, MUNICIPAL_STAFF)),
            Map.entry(FacilityKind.OTHER, List.of(MEDICAL_CLERK))));

    private Staffing() {
    }

    /** The professions found at a facility of this kind. */
    static List<Profession> professions(FacilityKind kind) {
        return ROTATIONS.get(kind);
    }

    /** The profession of the n-th user (from 0) of a facility of this kind. */
    static Profession nth(FacilityKind kind, int n) {
        List<Profession> rotation = ROTATIONS.get(kind);
        return rotation.get(n % rotation.size());
    }

    /** Relative staff size: hospitals are large, clinics middling, the rest small. */
    static int weight(FacilityKind kind) {
        return switch (kind) {
            case HOSPITAL -> 8;
            case CLINIC, CHECKUP_CENTRE -> 2;
            default -> 1;
        };
    }
}
