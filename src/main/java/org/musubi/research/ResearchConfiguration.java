package org.musubi.research;

import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.blob.KeptParts;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.record.ReadRecords;
import org.musubi.record.release.ReleaseCohort;
import org.musubi.registry.Users;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.research.extraction.ExtractionFiles;
import org.musubi.research.extraction.ExtractionRunner;
import org.musubi.research.extraction.ExtractionSettings;
import org.musubi.research.extraction.ExtractionSweep;
import org.musubi.research.extraction.ExtractionTimer;
import org.musubi.research.extraction.ExtractionWork;
import org.musubi.research.extraction.Extractions;
import org.musubi.research.jdbc.JdbcCohortCounter;
import org.musubi.research.jdbc.JdbcExtractions;
import org.musubi.research.jdbc.JdbcOptOuts;
import org.musubi.research.jdbc.JdbcResearchProjects;
import org.musubi.smallcounts.SmallCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The research module's stores and use cases. A count's small cells follow the one small-count rule
 * ({@code smallcounts.SmallCounts}, {@code musubi.small-counts.suppress-below}: shown as "&lt; 10");
 * {@code musubi.research.ethics-max-size} (default 10 MB): the ethics approval PDF's
 * largest size. Extractions (issue 48, item 3): {@code musubi.research.k-threshold} (default 5, at least 2) the k
 * each must reach, {@code musubi.research.extraction-keep} (default 30 days) how long its files may be downloaded,
 * {@code musubi.research.extraction-every} (default 10 s) how often queued extractions are run and expired files
 * swept.
 */
@Configuration(proxyBeanMethods = false)
class ResearchConfiguration {

    @Bean
    ResearchProjects researchProjects(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcResearchProjects(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    ResearchDesk researchDesk(ResearchProjects projects, Audit audit, Standby standby) {
        return new ResearchDesk(projects, audit, standby, Clock.systemUTC());
    }

    @Bean
    ApplyForResearch applyForResearch(ResearchDesk desk, ResearchProjects projects, Users users, Audit audit) {
        return new ApplyForResearch(desk, projects, users, audit);
    }

    @Bean
    DecideResearchProject decideResearchProject(ResearchDesk desk, ResearchProjects projects, Audit audit) {
        return new DecideResearchProject(desk, projects, audit);
    }

    @Bean
    CohortCounter cohortCounter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new JdbcCohortCounter(jdbc, readOnly);
    }

    @Bean
    CohortCounts cohortCounts(ResearchDesk desk, CohortCounter counter, Audit audit, SmallCounts smallCounts) {
        return new CohortCounts(desk, counter, audit, smallCounts);
    }

    @Bean
    ExtractionSettings extractionSettings(@Value("${musubi.research.k-threshold:5}") int k,
                                          @Value("${musubi.research.extraction-keep:30d}") Duration keep) {
        return new ExtractionSettings(Math.max(2, k), keep);
    }

    @Bean
    Extractions extractions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcExtractions(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    ExtractionFiles extractionFiles(BlobStore blobs) {
        return new ExtractionFiles(blobs);
    }

    /**
     * An extraction's files ({@code research-<extraction>-<n>}) are kept parts: backups copy them; one a restore lacks
     * answers as a file no longer there, as it always did.
     */
    @Bean
    KeptParts researchExtractionParts() {
        return KeptParts.named("research-");
    }

    @Bean
    ExtractionDesk extractionDesk(ResearchDesk desk, Extractions extractions, ExtractionFiles files, Audit audit,
                                  Standby standby, ExtractionSettings settings) {
        return new ExtractionDesk(desk, extractions, files, audit, standby, settings);
    }

    /** An approved project's extraction as a FHIR Bulk Data export of its Group (issue 48, item 4). */
    @Bean
    BulkExtractions bulkExtractions(ResearchDesk desk, ExtractionDesk extractionDesk, Extractions extractions,
                                    ExtractionFiles files, Audit audit) {
        return new BulkExtractions(desk, extractionDesk, extractions, files, audit);
    }

    @Bean
    ExtractionRunner extractionRunner(ResearchProjects projects, CohortCounter counter, ReleaseCohort records,
                                      ExtractionFiles files, Extractions extractions, Users users, JobLocks jobs,
                                      ExtractionSettings settings) {
        ExtractionWork work = new ExtractionWork(projects, counter, records, files, Clock.systemUTC());
        return new ExtractionRunner(extractions, work, users, jobs, Clock.systemUTC(), settings);
    }

    @Bean
    ExtractionSweep extractionSweep(Extractions extractions, ExtractionFiles files) {
        return new ExtractionSweep(extractions, files, Clock.systemUTC());
    }

    /** Runs queued extractions and sweeps expired files every {@code musubi.research.extraction-every} (10 s). */
    @Bean
    ExtractionTimer extractionTimer(ExtractionRunner runner, ExtractionSweep sweep, Standby standby,
                                    @Value("${musubi.research.extraction-every:10s}") Duration every) {
        return new ExtractionTimer(runner, sweep, standby::readOnly, every);
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
