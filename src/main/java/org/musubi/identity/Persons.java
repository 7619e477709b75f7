package org.musubi.identity;

import java.util.List;

/** The regional persons. Reads for clinical use go through the access policy (issue 3). */
public interface Persons {

    long count();

    /** Stores new persons in one batch; returns how many were stored (existing regional IDs are skipped). */
    int registerAll(List<Person> persons);
}
