package org.musubi.record;

/** What a write did to one resource. */
public record Written(String type, String id, int version, Change change) {

    public enum Change { CREATED, UPDATED, UNCHANGED }
}
