package org.musubi.consent;

/** What a consent covers: every participating facility's data, or one facility's (a disclosure card). */
public enum ConsentScope {
    ALL_FACILITIES,
    ONE_FACILITY
}
