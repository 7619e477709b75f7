package org.musubi.imaging.reading.programme;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.imaging.reading.programme.jdbc.JdbcProgrammeRows;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.database.Standby;
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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The double reading programmes' parts: the doors, the viewer's grant, the home page's line. */
@Configuration(proxyBeanMethods = false)
class ProgrammeConfiguration {

    /** Who submits, reads and compares: a doctor or a dentist. */
    static final Set<Profession> READERS = EnumSet.of(Profession.DOCTOR, Profession.DENTIST);

    @Bean
    ProgrammeRows programmeRows(JdbcClient jdbc) {
        return new JdbcProgrammeRows(jdbc);
    }

    @Bean
    Programmes programmes(ReadRecords reads, WriteRecords writes, ProgrammeRows rows, ResourceEncoder encoder,
                          StudyIndex studies, Audit audit, Users users, Facilities facilities,
                          IdentityStore identities, Standby standby, MessageSource messages) {
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
        ProgrammeReports reports = new ProgrammeReports(encoder, category -> messages.getMessage(
                "screeningCategory." + category.name(), null, category.name(), Locale.JAPANESE) + " / "
                + messages.getMessage("screeningCategory." + category.name(), null, category.name(), Locale.ENGLISH));
        return new Programmes(reads, writes, rows, reports,
                new ReadingContext(studies, audit, directory, standby::readOnly, Clock.systemUTC()),
                (user, facility) -> users.find(user).filter(User::active)
                        .filter(u -> u.memberships().stream().anyMatch(m -> m.facilityId() == facility)).isPresent());
    }

    @Bean
    StudyGrants programmeGrants(ProgrammeRows rows, Users users) {
        return new ProgrammeGrants(rows, userId -> isDoctor(users, userId));
    }

    /** The home page's line: the studies waiting for the reader's reading or comparison. */
    @Bean
    WaitingWork programmeWaiting(Programmes programmes) {
        return (reader, now) -> List.of(new Waiting("double-reading", "imaging.programme.waiting",
                programmes.waitingFor(reader), 0, "/imaging/double"));
    }

    private static boolean isDoctor(Users users, long userId) {
        return users.find(userId).filter(User::active).filter(u -> READERS.contains(u.profession())).isPresent();
    }

}
