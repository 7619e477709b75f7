package org.musubi.box.preview;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts through one headless LibreOffice process that JODConverter starts on the first conversion (not before: a
 * node that never previews an Office file never starts it) on a loopback port, and stops with Musubi. A document is
 * opened hidden and read-only, its links not updated and its macros never run; a conversion longer than the timeout is
 * given up (LibreOffice restarted for the next).
 */
final class LibreOfficeConverter implements OfficeConverter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibreOfficeConverter.class);
    /** com.sun.star.document.MacroExecMode.NEVER_EXECUTE */
    private static final short NEVER_EXECUTE = 0;

    private final Path home;
    private final int port;
    private final Duration timeout;
    private LocalOfficeManager manager;
    private LocalConverter converter;

    LibreOfficeConverter(Path home, int port, Duration timeout) {
        this.home = home;
        this.port = port;
        this.timeout = timeout;
    }

    /** Where LibreOffice is: the configured directory, else Debian's when installed; null when none. */
    static Path home(String configured) {
        if ("none".equalsIgnoreCase(configured.strip())) {
            return null;
        }
        Path home = Path.of(configured.isBlank() ? "/usr/lib/libreoffice" : configured.strip());
        if (Files.isExecutable(home.resolve("program/soffice"))) {
            return home;
        }
        if (!configured.isBlank()) {
            LOG.warn("musubi.box.preview.office-home={}: no program/soffice there; Office files are downloads only",
                    configured);
        }
        return null;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void toPdf(Path document, Path pdf) throws IOException {
        try {
            converter().convert(document.toFile()).to(pdf.toFile()).execute();
        } catch (OfficeException e) {
            throw new IOException("LibreOffice could not convert the document: " + e.getMessage(), e);
        }
    }

    private synchronized LocalConverter converter() throws IOException {
        if (converter == null) {
            int listen = port > 0 ? port : freePort();
            LocalOfficeManager started = LocalOfficeManager.builder().officeHome(home.toFile()).hostName("127.0.0.1")
                    .portNumbers(listen).taskExecutionTimeout(timeout.toMillis())
                    .taskQueueTimeout(timeout.toMillis() * 2).maxTasksPerProcess(100).build();
            try {
                started.start();
            } catch (OfficeException e) {
                throw new IOException("LibreOffice did not start from " + home + ": " + e.getMessage(), e);
            }
            LOG.info("LibreOffice started from {} on 127.0.0.1:{} for Box's previews", home, listen);
            manager = started;
            converter = LocalConverter.builder().officeManager(started)
                    .loadProperty("MacroExecutionMode", NEVER_EXECUTE).build();
        }
        return converter;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            try {
                manager.stop();
            } catch (OfficeException e) {
                LOG.warn("LibreOffice did not stop cleanly: {}", e.getMessage());
            }
            manager = null;
            converter = null;
        }
    }
}
