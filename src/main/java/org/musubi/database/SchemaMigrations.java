package org.musubi.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema's Flyway migrations, run as the owner: at start (see {@code musubi.database.migrate-to}) and
 * by operator tooling such as {@code restore}, which recreates a backup's schema version, loads the data,
 * then brings the schema up to date.
 */
public final class SchemaMigrations {

    private static final String LOCATION = "db/migration";
    private final DataSource owner;
    private final String appRole;

    SchemaMigrations(DataSource owner, String appRole) {
        this.owner = owner;
        this.appRole = appRole;
    }

    /** Applies the migrations the database lacks up to {@code target}: {@code latest}, {@code current} or a version. */
    public void migrate(String target) {
        flyway(target).migrate();
    }

    /**
     * On a read-only standby, where nothing can be migrated: fails unless the schema is at this jar's newest version
     * (run the jar the primary ran; a newer one needs the primary, or the promoted standby, to migrate first).
     */
    void requireLatest() {
        String latest = latestInJar();
        String current;
        try (var connection = owner.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            current = null;
            while (rs.next()) {
                String version = rs.getString(1);
                if (current == null || compare(version, current) > 0) {
                    current = version;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The standby's schema version could not be read: " + e.getMessage(), e);
        }
        if (current == null || compare(current, latest) != 0) {
            throw new IllegalStateException("The read-only standby's schema is at version " + current + ", this Musubi needs "
                    + latest + ": run the version of Musubi the primary ran. / 待機系のスキーマ版 (" + current + ") がこの結び (" + latest
                    + ") と合いません。主系と同じ版の結びで起動してください。");
        }
    }

    /** The version the database's schema is at; empty when no migration has been applied. */
    public Optional<String> version() {
        MigrationInfo current = flyway("latest").info().current();
        return Optional.ofNullable(current).map(MigrationInfo::getVersion).map(MigrationVersion::getVersion);
    }

    /** The newest schema version this jar carries, read from its migration files (no database needed). */
    public static String latestInJar() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "/V*__*.sql");
            return Arrays.stream(files).map(Resource::getFilename)
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .max(MigrationVersion::compareTo).map(MigrationVersion::getVersion)
                    .orElseThrow(() -> new IllegalStateException("no migrations under " + LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares two schema versions as Flyway orders them ({@code 9} before {@code 10}). */
    public static int compare(String one, String other) {
        return MigrationVersion.fromVersion(one).compareTo(MigrationVersion.fromVersion(other));
    }

    DataSource owner() {
        return owner;
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(owner)
                .locations("classpath:" + LOCATION)
                .placeholders(Map.of("app_role", appRole))
                .target(target)
                .load();
    }
}
