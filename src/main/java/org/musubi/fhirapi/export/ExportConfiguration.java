package org.musubi.fhirapi.export;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.blob.KeptParts;
import org.musubi.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bulk export's wiring: the status and file servlet beside HAPI, the settings, the sweep's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExportConfiguration.class);

    /**
     * The export files ({@code bulk-<job>-<n>}) are kept parts: backups copy them; one a restore lacks answers as an
     * expired file (404), as it always did.
     */
    @Bean
    KeptParts bulkExportParts() {
        return KeptParts.named("bulk-");
    }

    /** {@code /fhir/bulk/*}: a more specific mapping than the FHIR servlet's. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<ExportServlet> bulkExportServlet(ObjectProvider<ExportStatus> status,
                                                             ObjectProvider<ResearchExports> research) {
        var registration = new ServletRegistrationBean<>(new ExportServlet(status, research), "/" + "fhir/" + ExportServlet.PATH + "/*");
        registration.setName("fhir-bulk-export");
        return registration;
    }

    /** The sweep, soon after start (exports a stopped node left running fail at once) and then every sweep-every. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AutoCloseable bulkExportSweeps(ExportSweep sweep, JobLocks locks, ExportProperties properties) {
        ScheduledExecutorService runs = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bulk-export-sweep").daemon().factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                locks.runIfFree(ExportSweep.JOB, sweep::sweep);
            } catch (RuntimeException e) {
                log.warn("The bulk export sweep failed; trying again in {}", properties.sweepEvery(), e);
            }
        }, 5_000, properties.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
        return () -> runs.shutdownNow();
    }
}
