package org.musubi.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.paging.PageRequest;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading a user needs one pooled connection at a time. The row mapper used to query the memberships
 * itself, holding one connection while asking for a second: under load (1,000 users signing in) the
 * pool ran dry and every login waited 30 s and failed. Proved here on a pool of one connection.
 */
@MusubiIntegrationTest
class JdbcUsersPoolIT {

    @Autowired DataSource dataSource;
    @Autowired TestAccounts accounts;

    @Test
    void aUserWithMembershipsIsReadThroughAPoolOfOneConnection() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        HikariConfig config = new HikariConfig();
        HikariDataSource application = unwrap(dataSource);
        config.setJdbcUrl(application.getJdbcUrl());
        config.setUsername(application.getUsername());
        config.setPassword(application.getPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource one = new HikariDataSource(config)) {
            JdbcUsers users = new JdbcUsers(JdbcClient.create(one));

            User byLogin = users.findByLoginId(user.loginId()).orElseThrow();
            User byId = users.find(user.id()).orElseThrow();

            assertThat(byLogin.memberships()).isEqualTo(user.memberships()).isNotEmpty();
            assertThat(byId).isEqualTo(byLogin);
            assertThat(users.search(user.loginId(), null, new PageRequest(1, 10)).items())
                    .extracting(User::id).containsExactly(user.id());
        }
    }

    /** The application's pool (the integration tests' context wraps it to count statements). */
    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
