package org.musubi.secretariat.helpdesk;

import org.musubi.audit.Audit;
import org.musubi.database.Standby;
import org.musubi.record.ReadRecords;
import org.musubi.registry.Users;
import org.musubi.worklist.WaitingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The help desk's use cases, its home-page lines and the demo's FAQ. */
@Configuration(proxyBeanMethods = false)
class HelpDeskConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HelpDeskConfiguration.class);

    @Bean
    HelpDesk helpDesk(HelpQuestions questions, ReadRecords records, Audit audit) {
        return new HelpDesk(questions, records, audit);
    }

    @Bean
    FaqBook faqBook(FaqEntries entries, HelpQuestions questions, Audit audit) {
        return new FaqBook(entries, questions, audit);
    }

    @Bean
    WaitingWork helpDeskWaiting(HelpQuestions questions, Users users) {
        return new HelpDeskWaiting(questions, users);
    }

    /**
     * In demo mode with seeding on ({@code musubi.demo.enabled}, {@code musubi.demo.seed}), stores the demo's FAQ entries
     * that are not stored yet (by seed key: once, on any node, never over an edit); nothing on a read-only standby.
     */
    @Bean
    ApplicationRunner helpDeskDemoFaq(Environment environment, FaqEntries entries, Standby standby) {
        return args -> {
            if (!environment.getProperty("musubi.demo.enabled", Boolean.class, false)
                    || !environment.getProperty("musubi.demo.seed", Boolean.class, true) || standby.readOnly()) {
                return;
            }
            long seeded = DemoFaq.entries().entrySet().stream().filter(e -> entries.seed(e.getKey(), e.getValue()))
                    .count();
            if (seeded > 0) {
                log.info("demo: {} FAQ entries of the help desk seeded", seeded);
            }
        };
    }
}
