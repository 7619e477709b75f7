package org.musubi.policy;

/**
 * The outcome of an access decision: a {@link Permit} naming the rule that allowed it, or a
 * {@link Deny} naming the reason. Both carry stable message keys, suitable for the audit record.
 */
public sealed interface Decision permits Permit, Deny {

    /** The message key of the rule or reason. */
    String key();

    default boolean permitted() {
        return this instanceof Permit;
    }
}
