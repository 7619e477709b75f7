package org.musubi.imaging.reading.remote;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.imaging.reading.remote.jdbc.JdbcReadingRows;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remote reading's parts: the doors, the viewer's grant for the centres' doctors, and the home page's lines (reports
 * waiting for the requester; the centre's open requests).
 */
@Configuration(proxyBeanMethods = false)
class RemoteReadingConfiguration {

    /** Who requests and reads: a doctor or a dentist. */
    static final Set<Profession> READERS = EnumSet.of(Profession.DOCTOR, Profession.DENTIST);

    @Bean
    ReadingRows readingRows(JdbcClient jdbc) {
        return new JdbcReadingRows(jdbc);
    }

    /**
     * What remote reading and the double-reading programmes ask besides the record's doors (one bean for both): the
     * study index, the audit, the directory of doctors and names, the standby's state, the clock.
     */
    @Bean
    ReadingContext readingContext(StudyIndex studies, Audit audit, Users users, Facilities facilities,
                                  IdentityStore identities, Standby standby, Disclose disclose) {
        ReadingContext.Directory directory = new ReadingContext.Directory() {
            @Override
            public boolean doctor(long userId) {
                return isDoctor(users, userId);
            }

            @Override
            public String userName(long userId) {
                return users.find(userId).map(User::nameKanji).orElse("#" + userId);
            }

            @Override
            public String facilityName(long facilityId) {
                return facilities.find(facilityId).map(Facility::nameKanji).orElse("#" + facilityId);
            }

            @Override
            public Optional<Long> personOf(long sourcePatientId) {
                return identities.personOf(sourcePatientId);
            }
        };
        return new ReadingContext(studies, audit, directory, standby::readOnly, Clock.systemUTC(), disclose);
    }

    @Bean
    RemoteReadings remoteReadings(ReadRecords reads, WriteRecords writes, ReadingRows rows, FhirContext fhir,
                                  ResourceEncoder encoder, ReadingContext context) {
        return new RemoteReadings(reads, writes, rows, new ReadingReports(fhir, encoder), context);
    }

    @Bean
    StudyGrants readingGrants(ReadingRows rows, Users users, Disclose disclose) {
        return new ReadingGrants(rows, userId -> isDoctor(users, userId), disclose);
    }

    /** The home page's lines: reports waiting for the requester; a centre doctor's open requests (and overdue). */
    @Bean
    WaitingWork readingWaiting(RemoteReadings readings) {
        return (reader, now) -> {
            List<Waiting> lines = new ArrayList<>();
            lines.add(new Waiting("reading-reported", "imaging.reading.waiting.reported", readings.reportedFor(reader),
                    0, "/imaging/reading/requests"));
            int[] open = readings.openAtCentre(reader, now);
            lines.add(new Waiting("reading-worklist", "imaging.reading.waiting.worklist", open[0], open[1],
                    "/imaging/reading/worklist"));
            return lines;
        };
    }

    private static boolean isDoctor(Users users, long userId) {
        return users.find(userId).filter(User::active).filter(u -> READERS.contains(u.profession())).isPresent();
    }
}
