package org.musubi.ingest.watch;

import org.springframework.context.ApplicationContext;

/** One scan of every watched source by this server's folder watcher, as its schedule runs it, for tests of other packages. */
public final class WatchScans {

    private WatchScans() {
    }

    public static void scanAll(ApplicationContext context) {
        context.getBean(FolderWatcher.class).scanAll();
    }
}
