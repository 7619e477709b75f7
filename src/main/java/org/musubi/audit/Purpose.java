package org.musubi.audit;

/** Why data was touched; the access policy and the patient-facing access log both use it. */
public enum Purpose {
    TREATMENT,
    EMERGENCY,
    PATIENT_SELF_ACCESS,
    OPERATIONS,
    RESEARCH
}
