package org.musubi.secretariat.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.scan.Scanner;
import org.musubi.notice.PublishNotice;
import org.musubi.registry.Facilities;
import org.musubi.registry.RegisterFacility;
import org.musubi.registry.RegisterUser;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.registry.profile.SetFacilityProfile;
import org.musubi.secretariat.application.jdbc.JdbcApplications;
import org.musubi.security.AccountAdministration;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Participation applications' parts. {@code musubi.applications.document-max-size} (default 5MB) limits each uploaded
 * document; {@code musubi.applications.overdue-after} (default 7 days) is how long an application may wait for a
 * decision before the home page's line counts it overdue.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    Applications applications(JdbcClient jdbc) {
        return new JdbcApplications(jdbc);
    }

    @Bean
    ApplicationDocuments applicationDocuments(BlobStore blobs, Scanner scanner,
                                              @Value("${musubi.applications.document-max-size:5MB}") DataSize max) {
        return new ApplicationDocuments(blobs, scanner, max.toBytes());
    }

    @Bean
    ApplicationDesk applicationDesk(Applications applications, ApplicationDocuments documents, Audit audit) {
        return new ApplicationDesk(applications, documents, new ReferenceNumbers(new SecureRandom()), audit,
                Clock.systemUTC());
    }

    @Bean
    ApplicationQueue applicationQueue(Applications applications, RegisterFacility registerFacility,
                                      SetFacilityProfile setProfile, RegisterUser registerUser,
                                      AccountAdministration accounts, Facilities facilities, PublishNotice notices,
                                      Audit audit) {
        return new ApplicationQueue(applications,
                new Onboarding(registerFacility, setProfile, registerUser, accounts, facilities), notices, audit,
                Clock.systemUTC());
    }

    /** The network admins' line: applications waiting for a decision, overdue after {@code overdue-after}. */
    @Bean
    WaitingWork applicationsWaiting(Applications applications, Users users,
                                    @Value("${musubi.applications.overdue-after:7d}") Duration overdueAfter) {
        return (reader, now) -> {
            if (users.find(reader.userId()).filter(User::networkAdmin).isEmpty()) {
                return List.of();
            }
            Applications.Waiting waiting = applications.waiting(now.minus(overdueAfter));
            return List.of(new Waiting("applications-waiting", "home.applications.waiting", waiting.count(),
                    waiting.overdue(), "/admin/applications?status=waiting"));
        };
    }
}
