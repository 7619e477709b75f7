package org.musubi.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.backup.jdbc.JdbcBackupDatabase;
import org.musubi.blob.LocalBlobStore;
import org.musubi.database.SchemaMigrations;
import org.musubi.testing.SchemaAt;

/**
 * A backup taken at an older schema version restores as {@code restore} does it: the schema is created at
 * the backup's version, the rows are loaded, then the newer migrations run over them. A database that
 * already holds data is refused before anything is written, whatever its schema version.
 */
class OlderSchemaRestoreIT {

    private static final String OLDER = "14";

    /** Tables of the older schema that a later migration folded into another (V18: the search index into resource). */
    private static final List<String> MERGED_LATER = List.of("resource_token", "resource_date");

    @TempDir Path blobs;
    @TempDir Path restoredBlobs;

    @Test
    void restoresAnOlderSchemasBackupAtItsVersionAndMigratesItAfterwards() throws Exception {
        BackupKey key = BackupKey.of("older schema drill passphrase");
        try (EmbeddedPostgres source = EmbeddedPostgres.builder().start();
             EmbeddedPostgres target = EmbeddedPostgres.builder().start()) {
            SchemaAt.migrate(source.getPostgresDatabase(), OLDER);
            SchemaAt.execute(source.getPostgresDatabase(), """
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('結び病院', 'ムスビビョウイン', 'HOSPITAL', 34, true, true), ('旧薬局', 'キュウヤッキョク', 'PHARMACY', 34, true, true)""");
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            BackupContents taken = new TakeBackup(new JdbcBackupDatabase(source.getPostgresDatabase()),
                    new LocalBlobStore(blobs)).take(archive, key, table -> { });

            SchemaAt.migrate(target.getPostgresDatabase(), taken.preamble().schemaVersion());
            RestoreBackup restore = new RestoreBackup(new JdbcBackupDatabase(target.getPostgresDatabase()),
                    new LocalBlobStore(restoredBlobs));
            restore.restore(new ByteArrayInputStream(archive.toByteArray()), key, table -> { });
            SchemaAt.migrate(target.getPostgresDatabase(), "latest");

            assertThat(taken.preamble().schemaVersion()).isEqualTo(OLDER);
            assertThat(SchemaMigrations.compare(SchemaMigrations.latestInJar(), OLDER)).isPositive();
            var before = new TreeMap<>(DatabaseFingerprints.of(source.getPostgresDatabase(), Long.MAX_VALUE));
            for (String merged : MERGED_LATER) {
                assertThat(before.remove(merged)).as(merged + " held no rows to carry over").isEqualTo("0:-");
            }
            String restoredFacilities = "SELECT string_agg(id || ' ' || name_kanji, ', ' ORDER BY id) FROM facility";
            String facilities = DatabaseFingerprints.single(source.getPostgresDatabase(), restoredFacilities);
            before.remove("facility"); // V31 adds the health notebook's own facility after the restored ones
            assertThat(DatabaseFingerprints.of(target.getPostgresDatabase(), Long.MAX_VALUE)).containsAllEntriesOf(before)
                    .doesNotContainKeys(MERGED_LATER.toArray(String[]::new));
            assertThat(DatabaseFingerprints.single(target.getPostgresDatabase(), restoredFacilities))
                    .isEqualTo(facilities + ", 3 健康手帳（本人記録）");
            assertThat(DatabaseFingerprints.single(target.getPostgresDatabase(), "SELECT count(*) FROM notice")).isEqualTo("0");
            assertThat(DatabaseFingerprints.single(target.getPostgresDatabase(), "SELECT nextval('facility_id_seq')")).isEqualTo("4");

            SchemaAt.migrate(target.getPostgresDatabase(), OLDER);
            assertThatThrownBy(() -> restore.restore(new ByteArrayInputStream(archive.toByteArray()), key, table -> { }))
                    .isInstanceOf(BackupRefused.class).hasMessageContaining("already holds data").hasMessageContaining("facility (2)");
            assertThat(DatabaseFingerprints.single(target.getPostgresDatabase(), "SELECT count(*) FROM facility")).isEqualTo("3");
        }
    }
}
