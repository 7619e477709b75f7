package org.musubi.testing;

import java.util.List;

/**
 * The embedded PostgreSQL settings of a cluster no test crashes (the integration tests' shared one, a demo a test
 * starts, a server restarted cleanly): no fsync and no synchronous commit, as {@link MusubiIntegrationTest} sets them.
 * A commit not yet on disk would be lost only if PostgreSQL or the machine crashed; a clean stop writes everything.
 * The product's default stays durable (EmbeddedDurabilityIT); the crash drills never use these.
 */
public final class NotDurable {

    /** As Spring properties ({@code name=value}). */
    public static final List<String> PROPERTIES = List.of("musubi.database.embedded.settings[fsync]=off",
            "musubi.database.embedded.settings[synchronous_commit]=off",
            "musubi.database.embedded.settings[full_page_writes]=off");

    private NotDurable() {
    }

    /** As command-line arguments ({@code --name=value}), which win over application.yml. */
    public static List<String> arguments() {
        return PROPERTIES.stream().map(p -> "--" + p).toList();
    }
}
