package org.musubi.imaging.index;

import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.index.internal.IndexerContext;
import org.musubi.imaging.index.jdbc.JdbcIndexState;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.systems.DeclaredSystems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The imaging indexer's beans; {@code musubi.imaging.index-every} (5 s by default) is how often the change feed is
 * read. Without a configured archive the timer runs but reads nothing.
 */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    IndexState imagingIndexState(JdbcClient jdbc) {
        return new JdbcIndexState(jdbc);
    }

    @Bean
    StudyPatients studyPatients(IdentityStore identities, Facilities facilities, DeclaredSystems declared,
                                StudyIndex index, IndexState state) {
        return new StudyPatients(identities, facilities, declared, index, state);
    }

    @Bean
    StudyWrites studyWrites(WriteRecords writes, ResourceEncoder encoder, ResourceLookup lookup, Facilities facilities,
                            StudyIndex index, IndexState state, Audit audit) {
        return new StudyWrites(writes, new StudyResource(encoder, lookup, facilities), index, state, audit);
    }

    @Bean
    IndexStudies indexStudies(OrthancClient archive, StudyPatients patients, StudyWrites writes, IndexState state) {
        return new IndexStudies(archive, patients, writes, state, new IndexerContext());
    }

    @Bean
    ChangeFeed changeFeed(OrthancClient archive, IndexStudies studies, IndexState state, JobLocks jobs,
                          Standby standby) {
        return new ChangeFeed(archive, studies, state, jobs, standby);
    }

    @Bean(destroyMethod = "close")
    FeedTimer imagingFeedTimer(ChangeFeed feed, @Value("${musubi.imaging.index-every:5s}") Duration every) {
        return new FeedTimer(feed, every);
    }

    /** The runs start in a server once it is ready (not in a command-line run). */
    @Bean
    @ConditionalOnWebApplication
    ApplicationListener<ApplicationReadyEvent> imagingFeedStart(FeedTimer timer) {
        return ready -> timer.start();
    }

    @Bean
    WaitingStudies waitingStudies(IndexState state, IndexStudies studies, IdentityStore identities, Audit audit,
                                  Standby standby) {
        return new WaitingStudies(state, studies, identities, audit, standby);
    }
}
