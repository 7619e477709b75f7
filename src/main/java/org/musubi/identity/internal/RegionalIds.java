package org.musubi.identity.internal;

import java.security.SecureRandom;
import java.util.function.Predicate;
import org.musubi.identity.RegionalId;

/** New regional IDs and card numbers: random 15 digits plus the check digit, never one in use. */
public final class RegionalIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RegionalIds() {
    }

    public static String fresh(Predicate<String> taken) {
        while (true) {
            String payload = String.valueOf(100_000_000_000_000L + RANDOM.nextLong(900_000_000_000_000L));
            String id = RegionalId.append(payload);
            if (!taken.test(id)) {
                return id;
            }
        }
    }
}
