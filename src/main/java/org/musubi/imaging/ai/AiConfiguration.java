package org.musubi.imaging.ai;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.ai.jdbc.JdbcAiServices;
import org.musubi.imaging.ai.jdbc.JdbcAiWorkItems;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.write.EnterFindings;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SecretBox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The AI plug-in's parts (docs/imaging.md, "AI"): its rows, its doors, the sender's timer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

    @Bean
    AiServices aiServices(JdbcClient jdbc) {
        return new JdbcAiServices(jdbc);
    }

    @Bean
    AiWorkItems aiWorkItems(JdbcClient jdbc) {
        return new JdbcAiWorkItems(jdbc);
    }

    @Bean
    AiContext aiContext(StudyIndex studies, Audit audit, Users users, IdentityStore identities,
                        ResourceLookup lookup, Standby standby) {
        AiContext.Directory directory = new AiContext.Directory() {
            @Override
            public boolean doctor(long userId) {
                return users.find(userId).filter(User::active)
                        .filter(u -> u.profession() == Profession.DOCTOR || u.profession() == Profession.DENTIST)
                        .isPresent();
            }

            @Override
            public Optional<Long> personOf(long sourcePatientId) {
                return identities.personOf(sourcePatientId);
            }

            @Override
            public String regionalIdOf(long sourcePatientId) {
                return identities.personOf(sourcePatientId).flatMap(identities::person)
                        .map(p -> p.person().regionalId()).orElse(null);
            }

            @Override
            public Optional<String> patientResource(long facilityId, long sourcePatientId) {
                return Optional.ofNullable(lookup.patientIds(facilityId, List.of(sourcePatientId)).get(sourcePatientId));
            }
        };
        return new AiContext(studies, audit, directory, standby::readOnly, Clock.systemUTC());
    }

    @Bean
    AiLinks aiLinks(SecretBox box, AiProperties properties, Environment environment) {
        return new AiLinks(box, () -> properties.publicUrl().isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") : properties.publicUrl(),
                new AiSender(properties.timeout()));
    }

    @Bean
    AiRecords aiRecords(EnterFindings findings, ReadRecords reads, ResourceEncoder encoder, FhirContext fhir,
                        AiContext context) {
        return new AiRecords(findings, reads, encoder, fhir, context);
    }

    @Bean
    AiAdministration aiAdministration(AiServices services, AiWorkItems items, AiLinks links) {
        return new AiAdministration(services, items, links, Clock.systemUTC());
    }

    @Bean
    AiRequests aiRequests(ReadRecords reads, AiServices services, AiWorkItems items, AiRecords records,
                          AiContext context) {
        return new AiRequests(reads, services, items, records, context);
    }

    @Bean
    AiPixels aiPixels(AiServices services, AiWorkItems items, AiLinks links, AiContext context) {
        return new AiPixels(services, items, links, context);
    }

    @Bean
    AiCallbacks aiCallbacks(AiServices services, AiWorkItems items, AiLinks links, AiRecords records,
                            AiContext context) {
        return new AiCallbacks(services, items, links, records, context);
    }

    @Bean(destroyMethod = "close")
    AiTimer aiTimer(AiServices services, AiWorkItems items, AiLinks links, AiContext context, JobLocks jobs,
                    AiProperties properties) {
        return new AiTimer(new AiDispatch(services, items, links, context), jobs, properties.sendEvery());
    }

    /** The runs start in a server once it is ready (not in a command-line run). */
    @Bean
    @ConditionalOnWebApplication
    ApplicationListener<ApplicationReadyEvent> aiTimerStart(AiTimer timer) {
        return ready -> timer.start();
    }
}
