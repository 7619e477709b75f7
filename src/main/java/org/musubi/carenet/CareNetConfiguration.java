package org.musubi.carenet;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.carenet.catalog.ShippedSeed;
import org.musubi.carenet.catalog.StoredCatalog;
import org.musubi.carenet.catalog.TemplateRows;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.carenet.jdbc.JdbcTeamEntries;
import org.musubi.consent.Consents;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.photos.PhotoProperties;
import org.musubi.policy.PersonAccess;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Users;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The care network's services. */
@Configuration(proxyBeanMethods = false)
class CareNetConfiguration {

    @Bean
    CareTeams careTeams(Consents consents, PersonAccess access, Users users, IdentityStore identities, Audit audit) {
        return new CareTeams(consents, access, users, identities, audit);
    }

    /** The team's (wound) photos in the blob store, within {@code musubi.phr.photos.max-size}. */
    @Bean
    TeamPhotos teamPhotos(BlobStore blobs, PhotoProperties photos) {
        return new TeamPhotos(blobs, photos.maxSize().toBytes());
    }

    /**
     * A care team's workspace: its notes, vital signs, ADL, tasks and photos, entered through the record's write
     * door.
     */
    @Bean
    TeamWorkspace teamWorkspace(CareTeams teams, WriteRecords writes, ReadRecords reads, JdbcClient jdbc,
                                ResourceEncoder encoder, FhirContext context, LinkSourcePatient link, IdKeys keys,
                                Users users, PersonAccess access, Standby standby, TeamPhotos photos) {
        return new TeamWorkspace(teams, writes, reads, new JdbcTeamEntries(jdbc), new TeamWorkspace.Parts(
                new TeamRecords(encoder, Clock.systemUTC(), context), new TeamSources(link, keys), users,
                access, standby::readOnly, photos));
    }

    @Bean
    WriteTeamNote writeTeamNote(TeamWorkspace workspace) {
        return new WriteTeamNote(workspace);
    }

    @Bean
    RecordTeamAdl recordTeamAdl(TeamWorkspace workspace) {
        return new RecordTeamAdl(workspace);
    }

    @Bean
    RecordTeamVitals recordTeamVitals(TeamWorkspace workspace) {
        return new RecordTeamVitals(workspace);
    }

    @Bean
    AssignTeamTask assignTeamTask(TeamWorkspace workspace) {
        return new AssignTeamTask(workspace);
    }

    @Bean
    ChangeTeamTaskStatus changeTeamTaskStatus(TeamWorkspace workspace) {
        return new ChangeTeamTaskStatus(workspace);
    }

    @Bean
    AddTeamPhoto addTeamPhoto(TeamWorkspace workspace) {
        return new AddTeamPhoto(workspace);
    }

    @Bean
    OpenTeamPhoto openTeamPhoto(TeamWorkspace workspace) {
        return new OpenTeamPhoto(workspace);
    }

    @Bean
    ReadTeamTimeline readTeamTimeline(TeamWorkspace workspace) {
        return new ReadTeamTimeline(workspace);
    }

    @Bean
    ListMyTeamTasks listMyTeamTasks(TeamWorkspace workspace) {
        return new ListMyTeamTasks(workspace);
    }

    @Bean
    ShowResidentTeams showResidentTeams(TeamWorkspace workspace) {
        return new ShowResidentTeams(workspace);
    }

    @Bean
    CountWaitingTeamTasks countWaitingTeamTasks(TeamWorkspace workspace) {
        return new CountWaitingTeamTasks(workspace);
    }

    /** The home page's line of care-team tasks assigned to the user (open; overdue ones counted apart). */
    @Bean
    WaitingWork careTeamTasksWaiting(CountWaitingTeamTasks waiting) {
        return (reader, now) -> {
            int[] counts = waiting.count(reader.userId(), reader.facilityId(), now == null ? Instant.now() : now);
            return List.of(new Waiting("care-team-tasks", "home.careTeam.tasks", counts[0], counts[1],
                    "/portal/care-teams/tasks"));
        };
    }

    /** The pathway templates offered: the operators' versioned store (the shipped four seeded as version 1). */
    @Bean
    PathwayCatalog pathwayCatalog(TemplateRows rows) {
        return new StoredCatalog(rows);
    }

    @Bean
    TemplateStore templateStore(TemplateRows rows, Audit audit, Standby standby) {
        return new TemplateStore(rows, audit, standby);
    }

    /** The shipped templates stored at start when absent, and again when a read-only standby is promoted. */
    @Bean
    SmartInitializingSingleton shippedTemplates(TemplateRows rows, Standby standby) {
        ShippedSeed seed = new ShippedSeed(rows, standby);
        return () -> {
            seed.seed();
            standby.whenWritable(seed::seed);
        };
    }
}
