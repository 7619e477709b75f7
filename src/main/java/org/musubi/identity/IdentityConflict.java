package org.musubi.identity;

/** An identity change that cannot be made as asked; the message key names why (shown to operators). */
public final class IdentityConflict extends RuntimeException {

    private final String messageKey;

    public IdentityConflict(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
