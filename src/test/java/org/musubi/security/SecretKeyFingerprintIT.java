package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.Musubi;
import org.musubi.StartFailures;
import org.musubi.testing.ChildJvms;
import org.musubi.testing.ChildServers;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.NotDurable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes agree on the secret key (issue 66): a server started on a database for the first time with no key makes its
 * key file and records the key's fingerprint — HMAC-SHA256 of a fixed label under the key, computed here apart from
 * Musubi's code, which is neither the key nor anything that shows it; the same key given as a setting starts again;
 * and a node whose key differs — given in the documented variable {@code MUSUBI_SECRET_KEY}, or a key file made anew
 * because none was given — refuses to start with one line, Japanese then English, naming where its key came from and
 * what to do, and changes nothing. On an embedded PostgreSQL of its own (the fingerprint of the shared test database is
 * the tests' key's).
 */
@Tag("drill")
class SecretKeyFingerprintIT {

    @TempDir
    Path data;

    @Test
    void theFirstStartRecordsTheKeysFingerprintTheSameKeyStartsAndAnotherRefusesInOneLine() throws Exception {
        Path keyFile = data.resolve("secret.key");
        String fingerprint;
        try (ConfigurableApplicationContext first = start("--musubi.security.secret-key-file=" + keyFile)) {
            assertThat(keyFile).as("no key was given: the file is made").exists();
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            fingerprint = recorded(first);
            assertThat(fingerprint).as("HMAC-SHA256 of the label under the file's key")
                    .isEqualTo(HexFormat.of().formatHex(hmac(key, "secret-key-fingerprint")))
                    .doesNotContain(HexFormat.of().formatHex(key)).doesNotContain(Base64.getEncoder().encodeToString(key));
        }

        Path unused = data.resolve("unused.key");
        try (ConfigurableApplicationContext again = start("--musubi.security.secret-key-file=" + unused,
                "--musubi.security.secret-key=" + Files.readString(keyFile, StandardCharsets.US_ASCII).strip())) {
            assertThat(recorded(again)).as("the same key, given as a setting: starts, nothing changes").isEqualTo(fingerprint);
            assertThat(unused).as("the given key was used, no file made").doesNotExist();
        }

        Path fresh = data.resolve("fresh.key");
        assertThatThrownBy(() -> start("--musubi.security.secret-key-file=" + fresh).close())
                .satisfies(failure -> {
                    assertThat(StartFailures.explains(failure)).as("said in one line by the start's reporter").isTrue();
                    String line = mismatch(failure).getMessage();
                    assertThat(line.lines()).hasSize(1);
                    assertThat(line).startsWith("秘密鍵（" + fresh.toAbsolutePath() + "、鍵が与えられなかったため今作成したもの）が、"
                                    + "このデータベースで ")
                            .contains("使われている鍵と違うため起動しません。ほかのノードと同じ鍵を環境変数 MUSUBI_SECRET_KEY で与えるか",
                                    " / The secret key (" + fresh.toAbsolutePath() + ", made just now because no key was given)"
                                            + " is not the key this database has been used with since ",
                                    "give it the same key as the other nodes, in the environment variable MUSUBI_SECRET_KEY");
                });

        String other = Base64.getEncoder().encodeToString(SecretBox.newKey(new SecureRandom()));
        Run refused = serveInAChild(keyFile, other);
        assertThat(refused.code()).as(refused.output()).isNotZero();
        assertThat(refused.output()).as("the documented variable is the key this node has")
                .contains("musubi: 秘密鍵（MUSUBI_SECRET_KEY）が、このデータベースで ",
                        " / The secret key (MUSUBI_SECRET_KEY) is not the key this database has been used with since ")
                .doesNotContain("\tat org.", other);

        try (ConfigurableApplicationContext last = start("--musubi.security.secret-key-file=" + keyFile)) {
            assertThat(recorded(last)).as("the refused nodes changed nothing").isEqualTo(fingerprint);
        }
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "--musubi.blob.directory=" + data.resolve("blobs"), "--musubi.ingest.upload-directory=" + data.resolve("uploads"),
                "--musubi.audit.spool-directory=" + data.resolve("spool"), "--musubi.demo.enabled=false",
                "--musubi.fhir.warm-up=false", "--musubi.orca.schedule=false", "--spring.main.banner-mode=off",
                "--logging.structured.format.console="));
        all.addAll(NotDurable.arguments());
        all.addAll(List.of(settings));
        return new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class).run(all.toArray(String[]::new));
    }

    private static SecretBox.KeyMismatch mismatch(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SecretBox.KeyMismatch found) {
                return found;
            }
        }
        throw new AssertionError("not a key mismatch", failure);
    }

    private static String recorded(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT fingerprint FROM secret_key_fingerprint WHERE id = 1")
                .query(String.class).single();
    }

    private static byte[] hmac(byte[] key, String label) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    }

    private record Run(int code, String output) {
    }

    /** {@code musubi serve} in a child JVM with {@code MUSUBI_SECRET_KEY} in its environment, as an operator starts it. */
    private Run serveInAChild(Path keyFile, String secretKey) throws Exception {
        List<String> command = new ArrayList<>(ChildJvms.java("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("org.musubi.Musubi", "serve", "--server.port=" + ChildServers.freePort(),
                "--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "--musubi.security.secret-key-file=" + keyFile, "--musubi.blob.directory=" + data.resolve("blobs"),
                "--musubi.ingest.upload-directory=" + data.resolve("uploads"),
                "--musubi.audit.spool-directory=" + data.resolve("spool"), "--musubi.demo.enabled=false",
                "--musubi.fhir.warm-up=false", "--logging.structured.format.console=", "--spring.main.banner-mode=off"));
        command.addAll(NotDurable.arguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MUSUBI_SECRET_KEY", secretKey);
        builder.environment().remove("MUSUBI_SECURITY_SECRETKEY");
        Path log = data.resolve("child.log");
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        Process process = ChildJvms.start(builder);
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the node with another key did not end: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
