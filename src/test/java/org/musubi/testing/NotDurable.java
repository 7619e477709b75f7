package org.musubi.testing;

import java.util.List;

/**
 * The embedded PostgreSQL settings of a cluster no test crashes (the integration tests' shared one, a demo a test
 * starts, a server restarted cleanly): no fsync and no synchronous commit, as {@link MusubiIntegrationTest} sets them.
 * A commit not yet on disk would be lost only if PostgreSQL or the machine crashed; a clean stop writes everything.
 * The product's default stays durable (EmbeddedDurabilityIT); the crash drills never use these.
 */
public final class NotDurable {

    /** No fsync, as a Spring property (a constant, for annotations such as {@link MusubiIntegrationTest}'s). */
    public static final String FSYNC = "musubi.database.embedded.settings[fsync]=off";
    /** No synchronous commit. */
    public static final String SYNCHRONOUS_COMMIT = "musubi.database.embedded.settings[synchronous_commit]=off";
    /** No full-page writes. */
    public static final String FULL_PAGE_WRITES = "musubi.database.embedded.settings[full_page_writes]=off";
    /** As Spring properties ({@code name=value}). */
    public static final List<String> PROPERTIES = List.of(FSYNC, SYNCHRONOUS_COMMIT, FULL_PAGE_WRITES);

    private NotDurable() {
    }

    /** As command-line arguments ({@code --name=value}), which win over application.yml. */
    public static List<String> arguments() {
        return PROPERTIES.stream().map(p -> "--" + p).toList();
    }
}
