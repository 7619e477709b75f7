package org.musubi.identity;

public enum PersonStatus {
    ACTIVE,
    MERGED,
    DECEASED
}
