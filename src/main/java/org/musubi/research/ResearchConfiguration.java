package org.musubi.research;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Users;
import org.musubi.research.jdbc.JdbcCohortCounter;
import org.musubi.research.jdbc.JdbcOptOuts;
import org.musubi.research.jdbc.JdbcResearchProjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The research module's stores and use cases. {@code musubi.research.suppress-below} (default 10): counts from 1 to
 * one less are shown as "&lt; 10"; {@code musubi.research.ethics-max-size} (default 10 MB): the ethics approval PDF's
 * largest size.
 */
@Configuration(proxyBeanMethods = false)
class ResearchConfiguration {

    @Bean
    ResearchProjects researchProjects(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcResearchProjects(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    ResearchDesk researchDesk(ResearchProjects projects, Users users, Audit audit, Standby standby) {
        return new ResearchDesk(projects, users, audit, standby, Clock.systemUTC());
    }

    @Bean
    CohortCounts cohortCounts(ResearchDesk desk, JdbcClient jdbc, Audit audit,
                              @Value("${musubi.research.suppress-below:10}") int suppressBelow) {
        return new CohortCounts(desk, new JdbcCohortCounter(jdbc), audit, Math.max(2, suppressBelow));
    }

    @Bean
    EthicsDocuments ethicsDocuments(BlobStore blobs,
                                    @Value("${musubi.research.ethics-max-size:10485760}") long maxSize) {
        return new EthicsDocuments(blobs, maxSize);
    }

    @Bean
    OptOuts researchOptOuts(JdbcClient jdbc, IdentityStore identities, Audit audit, Standby standby) {
        return new OptOuts(new JdbcOptOuts(jdbc), identities, audit, standby);
    }
}
