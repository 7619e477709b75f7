package org.musubi.ingest.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.musubi.blob.BlobStore;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.database.Standby;
import org.musubi.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The resumable imports' tus endpoint, and the removal of expired uploads every {@code musubi.ingest.upload-cleanup}
 * on every node (each upload is removed under its lock, so nodes cleaning at once never collide; nothing on a
 * read-only standby).
 */
@Configuration(proxyBeanMethods = false)
class ResumableImportConfiguration {

    /** The endpoint's path; an upload's URL is it followed by {@code /<uuid>}. */
    static final String UPLOAD_URI = "/import/[a-z0-9-]+/uploads";
    /** Parts of 16 MB: a broken connection loses nothing received, and S3 takes each part in one request. */
    static final long PART_SIZE = 16L * 1024 * 1024;
    /** Uploads one node handles at once: each holds one of the pool's connections (20 by default) while it runs. */
    static final int MAX_AT_ONCE = 5;
    private static final Logger log = LoggerFactory.getLogger(ResumableImportConfiguration.class);

    @Bean
    ResumableUploads resumableImports(DataSource dataSource, BlobStore blobs, IngestProperties properties) {
        return new ResumableUploads(dataSource, blobs, new ResumableUploads.Settings(UPLOAD_URI,
                properties.uploadMaxSize().toBytes(), properties.uploadExpiry(), PART_SIZE, Duration.ofSeconds(5),
                MAX_AT_ONCE));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService resumableImportCleanup(ResumableUploads uploads, IngestProperties properties,
                                                    Standby standby) {
        ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("resumable-upload-cleanup").daemon().factory());
        long every = properties.uploadCleanup().toMillis();
        cleanup.scheduleWithFixedDelay(() -> {
            if (standby.readOnly()) {
                return;
            }
            try {
                uploads.cleanup();
            } catch (Exception e) {
                log.warn("Removing expired resumable uploads failed; the next run tries again", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return cleanup;
    }
}
