package org.musubi.identity;

/** Administrative sex as recorded by facilities (FHIR administrative-gender). */
public enum Sex {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
