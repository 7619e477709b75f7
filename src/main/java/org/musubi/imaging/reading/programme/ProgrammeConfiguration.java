package org.musubi.imaging.reading.programme;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.imaging.reading.programme.jdbc.JdbcProgrammeRows;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
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
    Programmes programmes(ProgrammeRows rows) {
        return new Programmes(rows);
    }

    @Bean
    ProgrammeEntries programmeEntries(ReadRecords reads, WriteRecords writes, ProgrammeRows rows,
                                      ReadingContext context, Users users) {
        return new ProgrammeEntries(reads, writes, rows, context,
                (user, facility) -> users.find(user).filter(User::active)
                        .filter(u -> u.memberships().stream().anyMatch(m -> m.facilityId() == facility)).isPresent());
    }

    @Bean
    CreateProgramme createProgramme(ProgrammeEntries entries) {
        return new CreateProgramme(entries);
    }

    @Bean
    ShowProgrammeStatistics showProgrammeStatistics(ProgrammeEntries entries) {
        return new ShowProgrammeStatistics(entries);
    }

    @Bean
    SubmitForDoubleReading submitForDoubleReading(ProgrammeEntries entries) {
        return new SubmitForDoubleReading(entries);
    }

    @Bean
    ListProgrammeWorklist listProgrammeWorklist(ProgrammeEntries entries) {
        return new ListProgrammeWorklist(entries);
    }

    @Bean
    OpenProgrammeStudy openProgrammeStudy(ProgrammeEntries entries) {
        return new OpenProgrammeStudy(entries);
    }

    @Bean
    ReadProgrammeStudy readProgrammeStudy(ProgrammeEntries entries) {
        return new ReadProgrammeStudy(entries);
    }

    @Bean
    CompareReadings compareReadings(ProgrammeEntries entries, ResourceEncoder encoder, MessageSource messages) {
        ProgrammeReports reports = new ProgrammeReports(encoder, category -> messages.getMessage(
                "screeningCategory." + category.name(), null, category.name(), Locale.JAPANESE) + " / "
                + messages.getMessage("screeningCategory." + category.name(), null, category.name(), Locale.ENGLISH));
        return new CompareReadings(entries, reports);
    }

    @Bean
    StudyGrants programmeGrants(ProgrammeRows rows, Users users, Disclose disclose) {
        return new ProgrammeGrants(rows, userId -> isDoctor(users, userId), disclose);
    }

    /** The home page's line: the studies waiting for the reader's reading or comparison. */
    @Bean
    WaitingWork programmeWaiting(ListProgrammeWorklist worklist) {
        return (reader, now) -> List.of(new Waiting("double-reading", "imaging.programme.waiting",
                worklist.waitingFor(reader), 0, "/imaging/double"));
    }

    private static boolean isDoctor(Users users, long userId) {
        return users.find(userId).filter(User::active).filter(u -> READERS.contains(u.profession())).isPresent();
    }

}
