package org.musubi.record;

/** The installation's id key ({@link IdKey}): the same on every node, kept in the database. */
public interface IdKeys {

    IdKey current();
}
