package org.musubi.identity;

/** A stored regional person: its database id, demographics, status and, when merged, the survivor. */
public record RegisteredPerson(long id, Person person, PersonStatus status, Long mergedInto) {

    public boolean active() {
        return status == PersonStatus.ACTIVE;
    }
}
