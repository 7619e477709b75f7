package org.musubi.registry;

public enum FacilityStatus {
    ACTIVE,
    SUSPENDED
}
