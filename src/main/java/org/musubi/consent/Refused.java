package org.musubi.consent;

/** A linking or emergency step was refused; the message key says why in terms a person can act on. */
public final class Refused extends RuntimeException {

    private final String messageKey;

    public Refused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
