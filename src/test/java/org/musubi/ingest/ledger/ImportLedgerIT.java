package org.musubi.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction that lost a race for a unique row says so in the import's own words ({@link ImportLedger.CreatedMeanwhile},
 * which the import retries once), not in the database library's, and leaves nothing behind.
 */
@MusubiIntegrationTest
class ImportLedgerIT {

    @Autowired
    ImportLedger ledger;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aUniqueRowCreatedMeanwhileIsTheImportsOwnExceptionAndNothingStays() {
        String regionalId = TestRegionalIds.next();
        String insert = "INSERT INTO person (id, regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date)"
                + " VALUES (?::bigint, ?, '競合', '一郎', 'キョウゴウ', 'イチロウ', 'MALE', '1960-01-01')";

        assertThatThrownBy(() -> ledger.inTransaction(() -> {
            jdbc.sql(insert).params(regionalId, regionalId).update();
            return jdbc.sql(insert).params(regionalId, regionalId).update();
        })).isInstanceOf(ImportLedger.CreatedMeanwhile.class);

        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE regional_id = ?").param(regionalId).query(Long.class).single())
                .as("all or nothing").isZero();
    }
}
