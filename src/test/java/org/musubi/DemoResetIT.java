package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.registry.Profession;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.NotDurable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code musubi demo reset} makes the demo again from nothing (network, records, story), as often as asked, and
 * refuses an installation that holds more than the demo.
 */
class DemoResetIT {

    @TempDir
    Path data;

    @Test
    void resetMakesTheDemoAgainAndRefusesAnInstallationWithItsOwnAdministrator() throws IOException {
        assertThat(Commands.run(settings("demo", "reset"))).isZero();
        long storyLinks = inContext(jdbc -> {
            jdbc.sql("INSERT INTO notice (title_ja, title_en, body_ja, body_en, importance, published_from, created_by) "
                    + "SELECT '古いお知らせ', '', '', '', 'NORMAL', now(), id FROM app_user WHERE login_id = 'admin'").update();
            return jdbc.sql("SELECT count(*) FROM patient_link").query(Long.class).single();
        });
        assertThat(storyLinks).as("the story linked the demo roles' patients").isPositive();

        assertThat(Commands.run(settings("demo", "reset"))).isZero();
        assertThat(inContext(jdbc -> jdbc.sql("SELECT count(*) FROM notice WHERE title_ja = '古いお知らせ'")
                .query(Long.class).single())).as("what was there before is gone").isZero();
        assertThat(inContext(jdbc -> jdbc.sql("SELECT count(*) FROM person").query(Long.class).single())).isEqualTo(200);
        assertThat(inContext(jdbc -> jdbc.sql("SELECT count(*) FROM patient_link").query(Long.class).single()))
                .as("the same story again").isEqualTo(storyLinks);
        assertThat(inContext(jdbc -> jdbc.sql("SELECT count(*) FROM app_user WHERE login_id = 'resident1' AND demo"
                + " AND status = 'ACTIVE' AND profession = 'RESIDENT' AND person_id IS NOT NULL").query(Long.class).single()))
                .as("the demo's resident with a notebook, made again").isEqualTo(1);

        try (ConfigurableApplicationContext context = CommandContexts.of(settings()).run(CommandContexts.quiet(settings()))) {
            context.getBean(Users.class).insert(new UserDraft("ops", "運用 担当", "ウンヨウ タントウ", Profession.NETWORK_OPERATOR,
                    List.of(), true, UserStatus.ACTIVE), false);
        }
        assertThat(Commands.run(settings("demo", "reset"))).as("not a demo installation any more").isEqualTo(1);
        assertThat(inContext(jdbc -> jdbc.sql("SELECT count(*) FROM app_user WHERE login_id = 'ops'")
                .query(Long.class).single())).as("nothing was reset").isEqualTo(1);
    }

    /**
     * {@code work} on the installation's database while no command runs: its cluster started on its own, without a
     * Musubi around it (a command's whole application context only to read a count cost several seconds each time).
     */
    private long inContext(ToLongFunction<JdbcClient> work) throws IOException {
        try (EmbeddedPostgres cluster = EmbeddedClusters.open(data.resolve("postgres"))) {
            return work.applyAsLong(JdbcClient.create(cluster.getPostgresDatabase()));
        }
    }

    private String[] settings(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(NotDurable.arguments());
        all.addAll(List.of("--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "--musubi.security.secret-key-file=" + data.resolve("secret.key"),
                "--musubi.blob.directory=" + data.resolve("blobs"),
                "--musubi.demo.import-persons=6", "--musubi.demo.import-messages=8", "--musubi.demo.history=false",
                "--musubi.demo.import-folder=" + data.resolve("demo-sources")));
        return all.toArray(String[]::new);
    }
}
