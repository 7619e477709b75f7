package org.musubi.disaster;

/** A switch the operator cannot make as asked; {@code messageKey} says why, in the operator's language. */
public class InvalidSwitch extends RuntimeException {

    private final String messageKey;

    public InvalidSwitch(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
