package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.Musubi;
import org.musubi.audit.AuditTrail;
import org.musubi.identity.Persons;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.testing.ContextThreads;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.NotDurable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: a first start seeds the demo network into ./data-like storage, a clean
 * shutdown stops PostgreSQL, and a second start on the same directory finds everything again
 * (and does not seed twice).
 */
@Tag("drill")
class RestartKeepsDataIT {

    @TempDir
    Path data;

    @Test
    void aRestartKeepsTheDemoNetworkAndTheAuditChain() throws Exception {
        long auditRows;
        String key;
        ContextThreads threads = ContextThreads.before();
        try (ConfigurableApplicationContext first = start()) {
            // the demo's records are imported in the background: count the trail once the seeding has finished
            assertThat(first.getBean(DemoProgress.class).await(Duration.ofMinutes(3))).isTrue();
            assertThat(first.getBean(Facilities.class).count())
                    .as("the twelve, the public-health office and the clinic without an EHR").isEqualTo(14);
            assertThat(first.getBean(Users.class).count())
                    .as("40 staff, the resident with a notebook, the public-health officer, the researcher, the "
                            + "radiologist, the municipal officer and the doctor of the clinic without an EHR").isEqualTo(46);
            assertThat(first.getBean(Persons.class).count()).isEqualTo(200);
            auditRows = first.getBean(AuditTrail.class).verify().rowsChecked();
            key = Files.readString(data.resolve("secret.key"));
        }
        assertThat(threads.leftRunning(Duration.ofSeconds(10)))
                .as("threads the closed context left running (each would keep it from being collected)").isEmpty();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(DemoProgress.class).await(Duration.ofMinutes(3))).isTrue();
            assertThat(second.getBean(Facilities.class).count()).isEqualTo(14);
            assertThat(second.getBean(Persons.class).count()).isEqualTo(200);
            var report = second.getBean(AuditTrail.class).verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.rowsChecked()).isEqualTo(auditRows);
            assertThat(Files.readString(data.resolve("secret.key"))).isEqualTo(key);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class).web(WebApplicationType.NONE)
                .properties(NotDurable.PROPERTIES.toArray(String[]::new))
                .properties("musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "musubi.security.secret-key-file=" + data.resolve("secret.key"),
                        "musubi.demo.enabled=true", "spring.main.banner-mode=off",
                        "logging.structured.format.console=")
                .run();
    }
}
