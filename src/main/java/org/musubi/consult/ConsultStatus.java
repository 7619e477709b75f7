package org.musubi.consult;

/** Where a consultation stands: asked (or asked again), answered by the addressee, or closed by the asker. */
public enum ConsultStatus {
    OPEN, ANSWERED, CLOSED
}
