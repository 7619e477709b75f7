package org.musubi.ingest.orca;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.database.Standby;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSources;
import org.musubi.outbound.Outbound;
import org.musubi.security.SecretBox;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the ORCA connectors and ticks their schedule once a minute (on every node; a source's lock picks one). The
 * ticks end with the context: a closed context's tick would otherwise go on every minute against a closed pool and keep
 * the whole context from being collected.
 */
@Configuration(proxyBeanMethods = false)
class OrcaConfiguration implements DisposableBean {

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("orca-pulls").daemon().factory());

    @Bean
    OrcaPulls orcaPulls(OrcaConnectors connectors, ImportSources sources, ImportQueue queue, SecretBox box,
                        Standby standby, Outbound outbound) {
        return new OrcaPulls(connectors, sources, queue, box, standby, OrcaClient.http(outbound));
    }

    @Bean
    OrcaAdministration orcaAdministration(OrcaConnectors connectors, SecretBox box, Outbound outbound) {
        return new OrcaAdministration(connectors, box, outbound);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking(ApplicationReadyEvent ready) {
        boolean on = ready.getApplicationContext().getEnvironment()
                .getProperty("musubi.orca.schedule", Boolean.class, true);
        if (on) {
            OrcaPulls pulls = ready.getApplicationContext().getBean(OrcaPulls.class);
            // a tick that throws (the database away) must not end the schedule
            ticks.scheduleWithFixedDelay(() -> {
                try {
                    pulls.runDue();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(OrcaPulls.class).warn("ORCA tick: {}", e.getClass().getSimpleName());
                }
            }, 1, 1, TimeUnit.MINUTES);
        }
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
    }
}
