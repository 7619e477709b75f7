package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Binary COPY on the write's transaction, against real PostgreSQL: rows spanning many of CopyRows'
 * 64 KiB blocks (and values larger than a block) arrive byte for byte; arrays of keys and of instants (empty,
 * with nulls) arrive as PostgreSQL arrays; a COPY PostgreSQL refuses throws
 * Spring's translated exception, rolls back with the rest of the transaction, and leaves the pooled
 * connection usable.
 */
class CopyRowsIT {

    private static EmbeddedPostgres database;
    private static DataSource source;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedPostgres.builder().start();
        source = database.getPostgresDatabase();
        jdbc = new JdbcTemplate(source);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
        jdbc.execute("CREATE TABLE copied (n bigint PRIMARY KEY, small integer, label text, body text, hash bytea,"
                + " at timestamptz, note text NOT NULL)");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void rowsAcrossManyBlocksArriveExactly() {
        jdbc.update("DELETE FROM copied");
        List<String> bodies = new ArrayList<>();
        StringBuilder large = new StringBuilder();
        while (large.length() < 200_000) {
            large.append("血糖 HbA1c \"値\" \\ 😀 ");
        }
        for (int i = 0; i < 3_000; i++) {
            bodies.add(i == 1_500 ? large.toString() : "{\"resourceType\":\"Observation\",\"text\":\"検査 " + i + "\"}");
        }
        Instant at = Instant.parse("2026-11-23T05:30:00.123456Z");
        long copied = transactions.execute(status -> {
            CopyRows rows = new CopyRows("copied (n, small, label, body, hash, at, note)", 7);
            for (int i = 0; i < bodies.size(); i++) {
                rows.row().bigint((long) i).integer(-i).text(i % 7 == 0 ? null : "ラベル" + i)
                        .bytes(bodies.get(i).getBytes(StandardCharsets.UTF_8)).bytes(new byte[] {(byte) i, 0, (byte) 0xFF})
                        .timestamp(i % 5 == 0 ? null : at).text("n");
            }
            assertThat(rows.rows()).isEqualTo(3_000);
            return rows.copy(source);
        });

        assertThat(copied).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("SELECT sum(octet_length(body)) FROM copied", Long.class))
                .isEqualTo(bodies.stream().mapToLong(b -> b.getBytes(StandardCharsets.UTF_8).length).sum())
                .isGreaterThan(4L * 65_536);
        assertThat(jdbc.queryForObject("SELECT body FROM copied WHERE n = 1500", String.class)).isEqualTo(large.toString());
        assertThat(jdbc.queryForObject("SELECT body FROM copied WHERE n = 2999", String.class)).isEqualTo(bodies.get(2_999));
        assertThat(jdbc.queryForObject("SELECT small FROM copied WHERE n = 2999", Integer.class)).isEqualTo(-2_999);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied WHERE label IS NULL", Long.class)).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT label FROM copied WHERE n = 8", String.class)).isEqualTo("ラベル8");
        assertThat(jdbc.queryForObject("SELECT hash FROM copied WHERE n = 200", byte[].class))
                .containsExactly((byte) 200, 0, (byte) 0xFF);
        assertThat(jdbc.queryForObject("SELECT at FROM copied WHERE n = 1", Timestamp.class).toInstant()).isEqualTo(at);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied WHERE at IS NULL", Long.class)).isEqualTo(600);
    }

    @Test
    void arraysArriveAsPostgresArrays() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS arrays (n bigint PRIMARY KEY, keys bigint[] NOT NULL, at timestamptz[] NOT NULL)");
        Instant day = Instant.parse("2024-04-01T15:00:00Z");
        Instant moment = Instant.parse("2026-11-23T05:30:00.123456Z");
        transactions.executeWithoutResult(status -> {
            CopyRows rows = new CopyRows("arrays (n, keys, at)", 3);
            rows.row().bigint(1L).bigints(new long[] {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE})
                    .timestamps(Arrays.asList(day, null, moment));
            rows.row().bigint(2L).bigints(new long[0]).timestamps(List.of());
            rows.row().bigint(3L).bigints(new long[] {7}).timestamps(List.of(day));
            rows.copy(source);
        });

        assertThat(jdbc.queryForObject("SELECT keys::text FROM arrays WHERE n = 1", String.class))
                .isEqualTo("{-9223372036854775808,-1,0,42,9223372036854775807}");
        assertThat(jdbc.queryForObject("SELECT array_to_string(at, ',', 'null') FROM arrays WHERE n = 1", String.class))
                .isEqualTo(jdbc.queryForObject("SELECT ?::timestamptz || ',null,' || ?::timestamptz", String.class,
                        Timestamp.from(day), Timestamp.from(moment)));
        assertThat(jdbc.queryForObject("SELECT cardinality(keys) + cardinality(at) FROM arrays WHERE n = 2", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT keys @> ARRAY[7::bigint] AND at[1] = ?::timestamptz FROM arrays WHERE n = 3",
                Boolean.class, Timestamp.from(day))).isTrue();
    }

    @Test
    void aRefusedCopyRollsBackTheTransactionAndLeavesTheConnectionUsable() {
        jdbc.update("DELETE FROM copied");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO copied (n, note) VALUES (-1, 'written before the copy')");
            CopyRows rows = new CopyRows("copied (n, note)", 2);
            for (int i = 0; i < 20_000; i++) {
                rows.row().bigint((long) i).text(i == 19_999 ? null : "x".repeat(20)); // NOT NULL violated by the last row
            }
            rows.copy(source);
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("COPY into copied");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).as("nothing of the transaction").isZero();

        long copied = transactions.execute(status -> {
            CopyRows rows = new CopyRows("copied (n, note)", 2);
            rows.row().bigint(1L).text("after the failure");
            return rows.copy(source);
        });
        assertThat(copied).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT note FROM copied WHERE n = 1", String.class)).isEqualTo("after the failure");
    }
}
