package org.musubi.registry;

/** The administrator may not make this change (shown as 403). */
public final class NotPermitted extends RuntimeException {

    public NotPermitted(String what) {
        super(what);
    }
}
