package org.musubi.disaster;

import java.util.List;

/**
 * The addresses the network holds — of its persons, of the patients facilities sent, of its facilities (with the
 * facility's prefecture in front) — that contain a text; what tells a municipality an operator typed from a typing
 * error before disaster mode is switched on for it ({@code jdbc}). Never used to decide who is covered.
 */
public interface KnownAddresses {

    /** At most {@code limit} addresses containing {@code text} (spaces in an address ignored). */
    List<String> containing(String text, int limit);
}
