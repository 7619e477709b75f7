package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.musubi.database.EmbeddedDatabaseInUse;
import org.musubi.security.SecretBox;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second server, {@code demo reset} or {@code restore} started while a server runs says so in one line that names
 * the cause, in Japanese and English, and prints no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartFailuresTest {

    private static final Path DATA = Path.of("/srv/musubi/data/postgres");

    @Test
    void databaseInUseIsOneLineNamingTheDirectoryTheProcessAndWhatToDo() {
        var failure = new BeanCreationException("dataSource", "Failed to instantiate",
                new IllegalStateException("wrapped", new EmbeddedDatabaseInUse(DATA, 4242)));

        String line = StartFailures.line(failure).orElseThrow();

        assertThat(line.lines().toList()).hasSize(1);
        assertThat(line).startsWith("musubi: 組み込みデータベース").contains(DATA.toString(), "pid 4242", "先にサーバを停止",
                "probably a running Musubi server", "Stop it first");
    }

    @Test
    void portInUseIsOneLineNamingThePortAndAnotherOne() {
        String line = StartFailures.line(new IllegalStateException(new PortInUseException(8080))).orElseThrow();

        assertThat(line.lines().toList()).hasSize(1);
        assertThat(line).contains("ポート 8080 はすでに使われています", "Port 8080 is already in use", "MUSUBI_PORT=8081");
    }

    @Test
    void aKeyOtherThanTheDatabasesIsOneLineNamingWhereTheKeyCameFromAndWhatToDo() {
        var failure = new BeanCreationException("secretBox", "Failed to instantiate",
                new SecretBox.KeyMismatch("MUSUBI_SECRET_KEY", false, Instant.parse("2026-11-01T00:00:00Z")));

        String line = StartFailures.line(failure).orElseThrow();

        assertThat(line.lines().toList()).hasSize(1);
        assertThat(line).isEqualTo("musubi: 秘密鍵（MUSUBI_SECRET_KEY）が、このデータベースで 2026-11-01T00:00:00Z から使われている"
                + "鍵と違うため起動しません。ほかのノードと同じ鍵を環境変数 MUSUBI_SECRET_KEY で与えるか、最初のノードの鍵ファイルを"
                + " musubi.security.secret-key-file の場所に置いてから起動してください / The secret key (MUSUBI_SECRET_KEY) is not"
                + " the key this database has been used with since 2026-11-01T00:00:00Z, so this node does not start: give it the"
                + " same key as the other nodes, in the environment variable MUSUBI_SECRET_KEY or as the first node's key file at"
                + " musubi.security.secret-key-file, and start it again");
    }

    @Test
    void otherFailuresAreLeftToSpring() {
        assertThat(StartFailures.line(new IllegalStateException("disk full"))).isEmpty();
        assertThat(StartFailures.explains(new IllegalStateException("disk full"))).isFalse();
    }

    @Test
    void aStartThatFindsTheDatabaseInUsePrintsOneLineAndNoStackTrace(CapturedOutput output) {
        SpringApplication app = new SpringApplication(HeldDatabase.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.structured.format.console", "",
                "logging.level.org.springframework.context", "ERROR"));

        assertThatThrownBy(() -> app.run()).satisfies(e -> assertThat(StartFailures.explains(e)).isTrue());

        assertThat(output.getErr().lines().filter(l -> l.startsWith("musubi: ")).toList()).singleElement()
                .asString().contains("pid 4242", "Stop it first");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed", "APPLICATION FAILED TO START");
    }

    @Configuration(proxyBeanMethods = false)
    static class HeldDatabase {

        @Bean
        Object database() {
            throw new EmbeddedDatabaseInUse(DATA, 4242);
        }
    }
}
