package org.musubi.ingest.watch;

import org.musubi.database.Standby;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IngestProperties;
import org.musubi.ingest.ledger.ImportLedger;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires the folder watcher and starts it once the application is ready. */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    FolderWatcher folderWatcher(ImportSources sources, ImportLedger ledger, ImportQueue queue,
                                IngestProperties properties, Standby standby) {
        return new FolderWatcher(sources, ledger, queue, properties, standby);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(FolderWatcher.class).start();
    }
}
