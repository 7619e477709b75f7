package org.musubi.archfixtures.recorddoor;

import org.musubi.letters.exchange.LetterExchange;

/** A deliberate violation: a "door" whose public method names a feature's type, and so depends on that feature. */
public final class DoorNamingAFeature {

    public boolean readLetter(LetterExchange letters) {
        return letters != null;
    }
}
