package org.musubi.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.box.SendFiles;
import org.musubi.carenet.AssignTeamTask;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.RecordTeamVitals;
import org.musubi.carenet.WriteTeamNote;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.carenet.enrolment.StageFilling;
import org.musubi.carenet.municipal.RequestOpinion;
import org.musubi.consent.LinkPatientToFacility;
import org.musubi.consent.RecordConsent;
import org.musubi.consult.AskConsultation;
import org.musubi.consult.PostToConsultation;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.demo.jdbc.DemoHistoryRows;
import org.musubi.demo.wings.DemoStaff;
import org.musubi.demo.wings.DemoWings;
import org.musubi.disaster.DesignateResponder;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Persons;
import org.musubi.identity.cards.IssueCard;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSources;
import org.musubi.letters.exchange.AnswerLetter;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.notice.PublishNotice;
import org.musubi.phr.IssueRegistrationCode;
import org.musubi.phr.ProveResident;
import org.musubi.phr.RegisterResident;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.policy.PersonAccess;
import org.musubi.publish.Publishing;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.research.ApplyForResearch;
import org.musubi.research.DecideResearchProject;
import org.musubi.research.EthicsDocuments;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.secretariat.fees.DemoInvoicing;
import org.musubi.secretariat.fees.FeeSettings;
import org.musubi.secretariat.fees.MonthlyRun;
import org.musubi.secretariat.stats.Statistics;
import org.musubi.secretariat.stats.StatisticsStore;
import org.musubi.security.ActAs;
import org.musubi.security.DemoAccounts;
import org.musubi.surveillance.SurveillanceDemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seeds the demo network on first start in demo mode; outside demo mode, demo accounts are disabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

    @Bean
    DemoNetwork demoNetwork(Facilities facilities, Users users, Persons persons, DemoAccounts accounts, Audit audit) {
        return new DemoNetwork(facilities, users, persons, accounts, audit);
    }

    @Bean
    DemoProfiles demoProfiles(Facilities facilities, FacilityProfiles profiles, Audit audit) {
        return new DemoProfiles(facilities, profiles, audit);
    }

    @Bean
    DemoRecords demoRecords(Facilities facilities, ImportSources sources, ImportQueue imports) {
        return new DemoRecords(facilities, sources, imports);
    }

    @Bean
    DemoStory demoStory(Users users, Facilities facilities, IdentityStore identities,
                        IssueCard cards, RecordConsent consents,
                        LinkPatientToFacility links, PublishNotice notices,
                        ActAs actAs, DemoRecords records, DemoResident resident,
                        DemoProperties properties) {
        return new DemoStory(new DemoStory.Parts(users, facilities, identities, cards, consents, links, notices, actAs,
                records, resident, properties.password(), Clock.systemUTC(), properties.zone()));
    }

    @Bean
    DemoResident demoResident(Users users, IssueRegistrationCode codes, ProveResident prove,
                              RegisterResident register, EmergencySheets sheets,
                              SelfMedications medicines, RecordVitals vitals,
                              ActAs actAs, DemoProperties properties) {
        return new DemoResident(new DemoResident.Parts(users, codes, prove, register, sheets, medicines, vitals, actAs,
                Clock.systemUTC(), properties.zone()));
    }

    @Bean
    DemoHistory demoHistory(Users users, Facilities facilities, FacilityProfiles profiles, IssueCard cards,
                            RecordConsent consents, ActAs actAs, JdbcClient jdbc, Statistics statistics,
                            StatisticsStore store) {
        return new DemoHistory(new DemoHistory.Parts(users, facilities, profiles, cards, consents, actAs,
                new DemoHistoryRows(jdbc), statistics, store, Clock.systemUTC()));
    }

    @Bean
    DemoWings demoWings(Users users, Facilities facilities, IdentityStore identities, LinkPatientToFacility links,
                        ActAs actAs, SendLetter sendLetter, AnswerLetter answerLetter, CareTeams teams,
                        WriteTeamNote notes, RecordTeamVitals vitals, AssignTeamTask tasks, AskConsultation ask,
                        PostToConsultation post, Pathways pathways, StageFilling filling, SendFiles boxFiles,
                        RequestOpinion municipal, PersonAccess access, Publishing publishing, DemoRecords records,
                        DemoProperties properties, ApplyForResearch applications,
                        DecideResearchProject decisions, ExtractionDesk extractions,
                        EthicsDocuments ethics) {
        return new DemoWings(new DemoWings.Parts(users, facilities, identities, links, actAs,
                new DemoWings.LetterActs(sendLetter, answerLetter), teams,
                new DemoWings.TeamActs(notes, vitals, tasks), new DemoWings.ConsultActs(ask, post), pathways, filling,
                boxFiles, municipal, access, publishing,
                (facility, files) -> records.importReceipts(facility, properties.importFolder(), files),
                new DemoWings.ResearchActs(applications, decisions), extractions, ethics));
    }

    @Bean
    DemoRoles demoRoles(Users users, Facilities facilities) {
        return new DemoRoles(users, facilities);
    }

    @Bean
    DemoProgress demoProgress() {
        return new DemoProgress();
    }

    @Bean
    ApplicationRunner demoSeed(DemoProperties properties, DemoNetwork network, Users users, Audit audit, DemoRecords records,
                               DemoStory story, DemoProgress progress, Standby standby,
                               DemoRoles roles, DesignateResponder designate, Facilities facilities,
                               ActAs actAs, JobLocks jobs, DemoProfiles profiles, FeeSettings feeSettings,
                               MonthlyRun monthlyRun, DemoHistory history,
                               SurveillanceDemo surveillance, DemoAccounts accounts, DemoWings wings,
                               @Value("${musubi.demo.history:true}") boolean historyOn) {
        return args -> {
            if (standby.readOnly()) {
                // a read-only standby changes nothing (demo accounts still cannot log in while demo mode is off)
                progress.done();
                return;
            }
            if (!properties.enabled()) {
                int disabled = users.disableDemoAccounts();
                if (disabled > 0) {
                    audit.record(AuditEntry.of(AuditAction.USER_UPDATE, Outcome.PERMIT).on("User")
                            .reason(disabled + " demo accounts disabled: demo mode is off").by(Actor.system("demo")));
                    log.warn("Demo mode is off: {} demo accounts were disabled", disabled);
                }
                progress.done();
                return;
            }
            if (properties.seed() && seedOnce(jobs, network, properties)) {
                log.info("Demo network created from seed {}", properties.seedValue());
                // the roles the synthetic staff does not hold: a researcher, a radiologist, a municipal officer
                DemoStaff.add(users, facilities, accounts, properties.password());
                profiles.seed(properties.seedValue(), LocalDate.now(properties.zone()));
                if (!roles.designateResponder(designate, actAs)) {
                    log.warn("Demo: no hospital of {} to designate as the disaster responder", DemoRoles.RESPONDER_DOCTOR);
                }
                // after the facilities' profiles: the past year's invoices (secretariat.fees)
                try {
                    log.info("Demo invoices: {}", DemoInvoicing.seed(feeSettings, monthlyRun,
                            LocalDate.now(properties.zone()), 12));
                } catch (RuntimeException e) {
                    log.warn("Demo invoices could not be made: {}", e.toString());
                }
                // after the profiles and invoices (the office pays no fee): the surveillance's office, 10 weeks of counts
                try {
                    surveillance.seed(LocalDate.now(properties.zone()), properties.seedValue(),
                            ids -> accounts.prepare(ids, properties.password())).ifPresent(m -> log.info(
                            "Demo surveillance: {} rising in {} (public-health officer {})", SurveillanceDemo.RISING, m,
                            SurveillanceDemo.OFFICER));
                } catch (RuntimeException e) {
                    log.warn("Demo surveillance could not be made: {}", e.toString());
                }
                if (properties.importPersons() > 0) {
                    Thread.ofPlatform().daemon().name("demo-import").start(() -> importRecords(properties, records, story,
                            wings, progress, historyOn ? history : null));
                    return;
                }
                if (historyOn) {
                    history(history, properties);
                }
            }
            progress.done();
        };
    }

    /**
     * Seeds an empty network, one node at a time: a second node starting beside the first waits for its seed and then
     * finds the network there (issue 41).
     */
    private static boolean seedOnce(JobLocks jobs, DemoNetwork network, DemoProperties properties) {
        try (JobLocks.Held seeding = jobs.hold("demo seed")) {
            return network.seedIfEmpty(properties.seedValue(), properties.password());
        }
    }

    /** The year of history the secretariat's charts show (after the story: it gives cards to the others). */
    private static void history(DemoHistory history, DemoProperties properties) {
        try {
            history.make(properties.seedValue());
        } catch (RuntimeException e) {
            log.warn("Demo history could not be made: {}", e.toString());
        }
    }

    /** In the background, so the server is up at once; the batches show on /admin/imports as they run. */
    private static void importRecords(DemoProperties properties, DemoRecords records, DemoStory story,
                                      DemoWings wings, DemoProgress progress, DemoHistory history) {
        long start = System.nanoTime();
        try {
            var batches = records.importSmallSet(properties.seedValue(), properties.importFolder(), properties.importPersons(),
                    properties.importMessages(), LocalDate.now(properties.zone()).minusDays(1));
            log.info("Demo records imported: {} batches, {} records", batches.size(),
                    batches.stream().mapToLong(b -> b.counts().recordsSeen()).sum());
            DemoStory.Told told = story.tell(properties.importFolder().resolve("story"));
            told.protagonist().ifPresent(person -> progress.protagonist(person.id())); // for imaging.demo
            told.resident().ifPresent(resident -> {
                progress.resident(resident);
                // the demo's synthetic card, for the second tour: on the console as the password is, never in the log
                System.out.print(DemoInstructions.resident(resident, properties.password()));
            });
            // every wing's part (letters, Box, care team, consultation, pathway, municipal, the clinic without an EHR,
            // research), on the story's cards
            wings.tell(new DemoWings.Cast(told.protagonist(), told.issued()), LocalDate.now(properties.zone()));
            if (history != null) {
                history(history, properties);
            }
            log.info("Demo records, story and wings seeded in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo records could not be imported: {}", e.toString());
        } finally {
            progress.done();
        }
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoInstructions(DemoProperties properties, Environment environment) {
        return event -> {
            if (properties.enabled() && environment.getProperty("local.server.port") != null) {
                System.out.print(DemoInstructions.text(environment.getProperty("local.server.port"), properties.password()));
            }
        };
    }
}
