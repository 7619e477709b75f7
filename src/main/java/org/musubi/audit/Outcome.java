package org.musubi.audit;

public enum Outcome {
    PERMIT,
    DENY,
    ERROR
}
