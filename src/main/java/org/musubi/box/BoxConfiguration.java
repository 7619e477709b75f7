package org.musubi.box;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobProperties;
import org.musubi.blob.BlobStore;
import org.musubi.blob.KeptParts;
import org.musubi.box.jdbc.JdbcBoxStore;
import org.musubi.box.jdbc.JdbcBoxVersionRows;
import org.musubi.scan.ScanProperties;
import org.musubi.scan.Scanner;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Box's parts, its sweep and the metric of the sweep's age ({@code musubi_box_sweep_age_seconds}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoxProperties.class)
class BoxConfiguration {

    @Bean
    BoxStore boxStore(JdbcClient jdbc) {
        return new JdbcBoxStore(jdbc);
    }

    @Bean
    BoxContent boxContent(BlobStore blobs, Scanner scanner, ScanProperties scan) {
        return new BoxContent(blobs, scanner, scan.tooLarge());
    }

    @Bean
    BoxPatients boxPatients(PersonAccess access, WriteRecords writes, BlobStore blobs, ResourceEncoder encoder,
                            BlobProperties blob, Disclose disclose) {
        return new BoxPatients(access, writes, new BoxRecords(blobs, encoder, blob.maxSize().toBytes(), Clock.systemUTC()),
                disclose);
    }

    @Bean
    Box box(BoxStore store, BoxContent content, Audit audit, Standby standby, BoxProperties properties,
            BoxPatients patients) {
        return new Box(store, content, audit, Clock.systemUTC(),
                new Box.Options(properties.settings(), standby::readOnly, patients));
    }

    @Bean
    SendFiles sendFiles(Box box) {
        return new SendFiles(box);
    }

    @Bean
    ListInbox listInbox(Box box) {
        return new ListInbox(box);
    }

    @Bean
    ListSentFiles listSentFiles(Box box) {
        return new ListSentFiles(box);
    }

    @Bean
    DownloadFile downloadFile(Box box) {
        return new DownloadFile(box);
    }

    @Bean
    ViewFile viewFile(Box box) {
        return new ViewFile(box);
    }

    @Bean
    SweepExpiredFiles sweepExpiredFiles(Box box) {
        return new SweepExpiredFiles(box);
    }

    @Bean
    CheckFilesAfterRestore checkFilesAfterRestore(Box box) {
        return new CheckFilesAfterRestore(box);
    }

    /** The home page's line of Box files waiting for the user (sent to them, not yet downloaded, not expired). */
    @Bean
    org.musubi.worklist.WaitingWork boxWaiting(ListInbox inbox) {
        return (reader, now) -> java.util.List.of(new org.musubi.worklist.Waiting("box-waiting", "home.box.waiting",
                inbox.waiting(reader), 0, "/portal/box"));
    }

    /** New versions of a file's content, saved by an online editor (the WOPI host, {@code box.wopi}). */
    @Bean
    BoxVersions boxVersions(BoxStore store, JdbcClient jdbc, BoxContent content, Audit audit, Standby standby,
                            BoxProperties properties) {
        return new BoxVersions(store, new JdbcBoxVersionRows(jdbc), content, audit, Clock.systemUTC(),
                new Box.Options(properties.settings(), standby::readOnly));
    }

    /**
     * Box files' parts ({@code box-<id>}, an edited version's, a preview's) are kept parts: backups copy them, and after
     * a restore each live file whose content the store does not hold with its SHA-256 is marked lost ({@link
     * CheckFilesAfterRestore#checkAfterRestore}).
     */
    @Bean
    KeptParts boxParts(CheckFilesAfterRestore check) {
        return new KeptParts() {
            @Override
            public String prefix() {
                return "box-";
            }

            @Override
            public Checked afterRestore(java.time.Instant at) throws java.io.IOException {
                return check.checkAfterRestore(at);
            }
        };
    }

    @Bean
    BoxSweeps boxSweeps(SweepExpiredFiles sweep, JobLocks jobs, BoxProperties properties) {
        return new BoxSweeps(sweep, jobs, properties.sweepEvery());
    }

    @Bean
    Gauge boxSweepAge(Box box, MeterRegistry registry) {
        return Gauge.builder("musubi.box.sweep.age", box, b -> b.lastSweep()
                        .map(at -> (double) Duration.between(at, Clock.systemUTC().instant()).toSeconds())
                        .orElse(Double.NaN))
                .description("Seconds since Box's expiry sweep last finished (alert above 3600)").baseUnit("seconds")
                .register(registry);
    }
}
