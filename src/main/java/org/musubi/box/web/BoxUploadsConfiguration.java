package org.musubi.box.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.musubi.blob.BlobStore;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.box.BoxProperties;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Box's tus endpoint: uploads up to the per-file limit, kept a day after their last request (then removed on every
 * node, under their locks; nothing on a read-only standby), in parts of 16 MB in the blob store.
 */
@Configuration(proxyBeanMethods = false)
class BoxUploadsConfiguration {

    static final String UPLOAD_URI = "/(portal|api)/box/uploads";
    static final Duration EXPIRY = Duration.ofDays(1);
    private static final long PART_SIZE = 16L * 1024 * 1024;
    private static final int MAX_AT_ONCE = 5;
    private static final Logger log = LoggerFactory.getLogger(BoxUploadsConfiguration.class);

    @Bean
    BoxUploads boxUploads(DataSource dataSource, BlobStore blobs, BoxProperties properties) {
        return new BoxUploads(new ResumableUploads(dataSource, blobs, new ResumableUploads.Settings(UPLOAD_URI,
                properties.fileMaxSize().toBytes(), EXPIRY, PART_SIZE, Duration.ofSeconds(5), MAX_AT_ONCE)));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService boxUploadCleanup(BoxUploads uploads, Standby standby) {
        ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("box-upload-cleanup").daemon().factory());
        cleanup.scheduleWithFixedDelay(() -> {
            if (standby.readOnly()) {
                return;
            }
            try {
                uploads.resumable().cleanup();
            } catch (Exception e) {
                log.warn("Removing expired Box uploads failed; the next run tries again", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        return cleanup;
    }
}
