package org.musubi.research;

/**
 * Who asks: a signed-in staff user, and whether they are an operator of the network (a network admin: the network's
 * research committee). {@code staff}: a member of a participating facility who may apply (not a resident, not a
 * facility's system).
 */
public record Researcher(long userId, boolean operator, boolean staff) {
}
