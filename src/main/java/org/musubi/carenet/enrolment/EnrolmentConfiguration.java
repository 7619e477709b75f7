package org.musubi.carenet.enrolment;

import java.time.LocalDate;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.carenet.enrolment.jdbc.JdbcEnrolmentStore;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Enrolments, stage forms, statistics and the home page's line of due stages. */
@Configuration(proxyBeanMethods = false)
class EnrolmentConfiguration {

    @Bean
    EnrolmentStore enrolmentStore(JdbcClient jdbc) {
        return new JdbcEnrolmentStore(jdbc);
    }

    @Bean
    Pathways pathways(EnrolmentStore store, PathwayCatalog catalog, PersonAccess access, Facilities facilities,
                      Audit audit) {
        return new Pathways(store, catalog, access, facilities, audit);
    }

    @Bean
    ListEnrolments listEnrolments(EnrolmentStore store) {
        return new ListEnrolments(store);
    }

    @Bean
    StageFilling stageFilling(Pathways pathways, WriteRecords writes, ReadRecords reads, ResourceEncoder encoder,
                              ResourceLookup lookup, Users users, Facilities facilities) {
        return new StageFilling(pathways, writes, reads, new StageRecords(encoder, lookup), by -> new StageRecords.Filler(
                users.find(by.userId()).map(User::nameKanji).orElse("#" + by.userId()),
                by.facilityId() == null ? "" : facilities.find(by.facilityId()).map(Facility::nameKanji).orElse("")));
    }

    @Bean
    PathwayStatistics pathwayStatistics(EnrolmentStore store, Pathways pathways) {
        return new PathwayStatistics(store, pathways);
    }

    /** The home page's line of pathway stages waiting for the user's facility (next to fill, assigned to it). */
    @Bean
    WaitingWork pathwayWaiting(EnrolmentStore store) {
        return (reader, now) -> {
            if (reader.facilityId() == null) {
                return List.of();
            }
            EnrolmentStore.Counts counts = store.waiting(reader.facilityId(), LocalDate.ofInstant(now, Pathways.JAPAN));
            return List.of(new Waiting("pathway-waiting", "home.pathway.waiting", counts.due(), counts.overdue(),
                    "/portal/pathways?status=ACTIVE"));
        };
    }

}
