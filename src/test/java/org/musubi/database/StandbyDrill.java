package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.musubi.testing.ChildServers;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The set-up the standby drills ({@link StandbyDrillIT}, {@link StandbyEmergencyIT}) share, one instance per class: a
 * fresh primary with Musubi on it ({@link #startPrimary}), then — once the drill has put its data on the primary — a
 * real streaming standby of it with Musubi on that ({@link #startStandby}), spooling its audit to {@link #spool}; after
 * the class, both Musubis and both databases stopped, standby first. A drill that fails back closes {@link #onStandby}
 * itself and sets it to null.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandbyDrill {

    /**
     * The trail's rows a person's access can leave: not those of the primary's own timed jobs (actor {@code system:...},
     * e.g. the surveillance's derivation a minute after start), which replicate to the standby at any moment.
     */
    protected static final String PEOPLES_ROWS = "(login_id IS NULL OR login_id NOT LIKE 'system:%')";

    /** The drill's directory under target (wiped when the primary starts) and the standby Musubi's spool in it. */
    protected final Path root;
    protected final Path spool;
    protected DrillPostgres primary;
    protected DrillPostgres standby;
    protected ConfigurableApplicationContext onPrimary;
    protected ConfigurableApplicationContext onStandby;
    protected int primaryPort;
    protected int standbyPort;

    protected StandbyDrill(Path root, Path spool) {
        this.root = root;
        this.spool = spool;
    }

    /** A fresh primary under {@link #root} (or the drill skipped without binaries), and Musubi on it with the demo network. */
    protected void startPrimary() throws Exception {
        primary = DrillMusubi.primary(root, ChildServers.freePort());
        onPrimary = DrillMusubi.musubi(root, primary, true, spool);
        primaryPort = DrillMusubi.port(onPrimary);
    }

    /** A streaming standby of the primary as it is now (in recovery), and Musubi on it. */
    protected void startStandby() throws Exception {
        standby = primary.standby(root.resolve("standby"), ChildServers.freePort());
        assertThat(standby.query("SELECT pg_is_in_recovery()::text")).isEqualTo("true");
        onStandby = DrillMusubi.musubi(root, standby, false, spool);
        standbyPort = DrillMusubi.port(onStandby);
    }

    @AfterAll
    void stopEverything() {
        if (onStandby != null) {
            onStandby.close();
        }
        if (onPrimary != null) {
            onPrimary.close();
        }
        if (standby != null) {
            standby.stop();
        }
        if (primary != null) {
            primary.stop();
        }
    }
}
