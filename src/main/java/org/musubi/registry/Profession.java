package org.musubi.registry;

/** A user's profession; the access policy decides per profession what data categories it may see. */
public enum Profession {
    DOCTOR,
    DENTIST,
    PHARMACIST,
    NURSE,
    PUBLIC_HEALTH_NURSE,
    MIDWIFE,
    PHYSICAL_THERAPIST,
    OCCUPATIONAL_THERAPIST,
    SPEECH_THERAPIST,
    CARE_MANAGER,
    CARE_WORKER,
    MEDICAL_CLERK,
    PARAMEDIC,
    MUNICIPAL_STAFF,
    NETWORK_OPERATOR,
    /**
     * A facility's own system (its EHR or pharmacy system) calling the FHIR API with an API client's
     * token. Such users are made only by registering an API client, never through the user form.
     */
    FACILITY_SYSTEM,
    /**
     * A resident using their own health notebook (PHR, {@code /phr}): the person themself, who sees their own record
     * through self access and nothing else. Such users are made only by a resident's registration with a card and an
     * enrolment code, never through the user form, and belong to no facility.
     */
    RESIDENT
}
