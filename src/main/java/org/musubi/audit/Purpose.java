package org.musubi.audit;

/** Why data was touched; the access policy and the patient-facing access log both use it. */
public enum Purpose {
    TREATMENT,
    EMERGENCY,
    PATIENT_SELF_ACCESS,
    OPERATIONS,
    RESEARCH,
    /**
     * A facility's own records it sent to the network, read by its own clinical staff while its own system is down
     * (非常時バックアップ): only what that facility sent, no link or consent.
     */
    OWN_RECORDS
}
