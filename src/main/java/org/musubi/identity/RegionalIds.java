package org.musubi.identity;

import java.security.SecureRandom;
import java.util.function.Predicate;

/** New regional IDs and card numbers: random 15 digits plus the check digit, never one in use. */
final class RegionalIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RegionalIds() {
    }

    static String fresh(Predicate<String> taken) {
        while (true) {
            String payload = String.valueOf(100_000_000_000_000L + RANDOM.nextLong(900_000_000_000_000L));
            String id = RegionalId.append(payload);
            if (!taken.test(id)) {
                return id;
            }
        }
    }
}
