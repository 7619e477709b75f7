package org.musubi.identity;

/** A person as a facility knows them: the regional person and the facility's own chart number, if it recorded one. */
public record FacilityPatient(RegisteredPerson person, String chartNumber) {
}
