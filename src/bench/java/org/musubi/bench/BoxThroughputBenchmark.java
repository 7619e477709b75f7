package org.musubi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.box.DownloadFile;
import org.musubi.box.BoxFile;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.TestAccounts;

/**
 * Box's upload and download of one large file (issue 43, closing note: a 1 GB file within 80 % of a plain copy on the
 * same disk, with constant memory): the file's bytes are generated as they are read (never held), uploaded through
 * {@link Box#send} from a file on the same disk into the blob store's part area, then downloaded through
 * {@link Box#download} (SHA-256 checked) to nowhere; beside it, the same bytes copied from a file to a file on the
 * same disk ({@code Files.copy}, as {@code cp} does). The heap in use is sampled throughout. Not a test:
 * {@code bench/box.sh} ({@code --mb=1024}).
 */
public final class BoxThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("mb", 1024L));
        long bytes = options.get("mb") * 1024 * 1024;
        SuiteFigures figures = new SuiteFigures("box");
        try (BenchDatabase database = BenchDatabase.start()) {
            TestAccounts accounts = database.bean(TestAccounts.class);
            Facility clinic = accounts.newHospital();
            User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
            User nurse = accounts.memberOf(clinic, Profession.NURSE);
            SendFiles sendFiles = database.bean(SendFiles.class);
            DownloadFile downloadFile = database.bean(DownloadFile.class);
            Path dir = Files.createTempDirectory("musubi-box-cp");
            Path source = dir.resolve("source.bin");
            try (InputStream in = new GeneratedBytes(bytes, 7, 0)) {
                Files.copy(in, source);
            }
            long t2 = System.nanoTime();
            Files.copy(source, dir.resolve("copy.bin"), StandardCopyOption.REPLACE_EXISTING);
            double copy = (System.nanoTime() - t2) / 1e9;
            Files.delete(dir.resolve("copy.bin"));
            long t3 = System.nanoTime();
            Files.copy(source, dir.resolve("copy.bin"), StandardCopyOption.REPLACE_EXISTING);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve("copy.bin"),
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            double durableCopy = (System.nanoTime() - t3) / 1e9;
            Files.delete(dir.resolve("copy.bin"));

            HeapSampler heap = new HeapSampler();
            heap.start();
            long t0 = System.nanoTime();
            Box.Sent sent;
            try (InputStream file = Files.newInputStream(source)) {
                sent = sendFiles.send(new Reader(doctor.id(), clinic.id()), List.of(new Box.Upload("large.bin",
                        "application/octet-stream", file)), new Box.Recipients(Set.of(nurse.id()), null, null), null);
            }
            double upload = (System.nanoTime() - t0) / 1e9;
            if (!sent.faults().isEmpty()) {
                throw new IllegalStateException("refused: " + sent.faults() + " (set musubi.box.file-max-size and "
                        + "musubi.box.quota above --mb)");
            }
            BoxFile file = sent.files().getFirst();
            long t1 = System.nanoTime();
            long read;
            try (InputStream in = downloadFile.download(new Reader(nurse.id(), clinic.id()), file.id()).orElseThrow().content()) {
                read = in.transferTo(OutputStream.nullOutputStream());
            }
            double download = (System.nanoTime() - t1) / 1e9;
            heap.stopSampling();
            if (read != bytes) {
                throw new IllegalStateException("downloaded " + read + " of " + bytes + " bytes");
            }
            Files.delete(source);
            Files.delete(dir);

            double mb = bytes / 1024.0 / 1024.0;
            System.out.printf(Locale.ROOT, "upload   %.0f MB in %.1f s: %.0f MB/s (%.0f %% of the copy's speed)%n", mb,
                    upload, mb / upload, 100 * copy / upload);
            System.out.printf(Locale.ROOT, "download %.0f MB in %.1f s: %.0f MB/s (%.0f %% of the copy's speed)%n", mb,
                    download, mb / download, 100 * copy / download);
            System.out.printf(Locale.ROOT, "copy     %.0f MB in %.1f s: %.0f MB/s (file to file, same disk)%n", mb, copy,
                    mb / copy);
            System.out.printf(Locale.ROOT, "copy+sync %.0f MB in %.1f s: %.0f MB/s (made durable, as an upload is: upload at "
                    + "%.0f %% of it)%n", mb, durableCopy, mb / durableCopy, 100 * durableCopy / upload);
            System.out.printf(Locale.ROOT, "heap in use during upload and download: max %.0f MB%n",
                    heap.maxBytes() / 1024.0 / 1024.0);
            figures.percentiles("upload throughput (MB/s), " + Math.round(mb) + " MB", "MB/s", mb / upload, mb / upload,
                    mb / upload, mb / upload, mb / upload, 1);
            figures.percentiles("download throughput (MB/s)", "MB/s", mb / download, mb / download, mb / download,
                    mb / download, mb / download, 1);
            figures.percentiles("copy made durable (MB/s)", "MB/s", mb / durableCopy, mb / durableCopy, mb / durableCopy,
                    mb / durableCopy, mb / durableCopy, 1);
            figures.percentiles("plain copy (MB/s)", "MB/s", mb / copy, mb / copy, mb / copy, mb / copy, mb / copy, 1);
        }
        figures.writeIfAsked();
    }

    /** The largest heap in use seen, sampled every 50 ms after a GC hint. */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long max;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (running) {
                max = Math.max(max, runtime.totalMemory() - runtime.freeMemory());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long maxBytes() {
            return max;
        }
    }

    private BoxThroughputBenchmark() {
    }
}
