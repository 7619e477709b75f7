package org.musubi.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One PostgreSQL: embedded by default ({@link EmbeddedCluster}: loopback only, a password for every
 * role), external when {@code musubi.database.url} is set.
 * Migrations run as the owner before the application's pool opens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties) {
        if (properties.external()) {
            if (properties.effectiveOwnerUser().equals(properties.user())) {
                log.warn("musubi.database.owner-user is not set: the application role owns the schema, "
                        + "so only triggers, not privileges, keep the audit trail append-only");
            }
            return new DatabaseEndpoint(properties.url(), properties.effectiveOwnerUser(),
                    properties.effectiveOwnerPassword(), properties.user(), properties.password(), null);
        }
        return EmbeddedCluster.start(properties.embedded(), properties.user());
    }

    /** Read-only standby or not ({@code musubi.database.read-only}), asked as the application's role. */
    @Bean(destroyMethod = "close")
    Standby standby(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        Standby standby = new Standby(Standby.Setting.of(properties.readOnly()), new SimpleDriverDataSource(
                new Driver(), endpoint.url(), endpoint.appUser(), endpoint.appPassword()));
        standby.checkEvery(properties.standbyCheck());
        return standby;
    }

    /**
     * Locks that run a job on one node at a time: advisory locks on connections of their own (not the pool's), as the
     * application's role.
     */
    @Bean
    JobLocks jobLocks(DatabaseEndpoint endpoint) {
        return new JobLocks(new SimpleDriverDataSource(new Driver(), endpoint.url(), endpoint.appUser(),
                endpoint.appPassword()));
    }

    /** Locks held until the caller's transaction ends, on the application's pool (the transaction's connection). */
    @Bean
    TransactionLocks transactionLocks(DataSource dataSource) {
        return new TransactionLocks(dataSource);
    }

    /** The versions of cached facts, read once per request (V41). */
    @Bean
    ChangeVersions changeVersions(DataSource dataSource) {
        return new ChangeVersions(dataSource);
    }

    /** Migrations run at start, except on a read-only standby, whose schema must already be this jar's (checked). */
    @Bean
    SchemaMigrations schemaMigrations(DatabaseEndpoint endpoint, DatabaseProperties properties, Standby standby) {
        SimpleDriverDataSource owner = new SimpleDriverDataSource(
                new Driver(), endpoint.url(), endpoint.ownerUser(), endpoint.ownerPassword());
        SchemaMigrations migrations = new SchemaMigrations(owner, endpoint.appUser());
        if (standby.readOnly()) {
            migrations.requireLatest();
        } else {
            migrations.migrate(properties.migrateTo());
        }
        return migrations;
    }

    @Bean
    OwnerDatabase ownerDatabase(SchemaMigrations migrated) {
        return new OwnerDatabase(migrated.owner());
    }

    @Bean
    DataSource dataSource(DatabaseEndpoint endpoint, OwnerDatabase migrated, DatabaseProperties properties,
                          Standby standby) {
        HikariConfig config = new HikariConfig();
        if (standby.forced()) {
            // read-only=true on a writable database: PostgreSQL itself refuses every write of the pool's connections,
            // autocommit statements included.
            config.setReadOnly(true);
            config.addDataSourceProperty("readOnlyMode", "always");
        }
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.appUser());
        config.setPassword(endpoint.appPassword());
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("musubi");
        return new HikariDataSource(config);
    }
}
