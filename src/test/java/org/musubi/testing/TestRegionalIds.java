package org.musubi.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.musubi.identity.RegionalId;

/** A fresh valid regional ID for each test person, so tests sharing one database never collide. */
public final class TestRegionalIds {

    private TestRegionalIds() {
    }

    public static String next() {
        return RegionalId.append(String.valueOf(100_000_000_000_000L
                + ThreadLocalRandom.current().nextLong(899_999_999_999_999L)));
    }
}
