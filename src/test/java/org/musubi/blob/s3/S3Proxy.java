package org.musubi.blob.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy (org.gaul:s3proxy), a real S3-compatible server, started in a JVM of its own with its
 * filesystem backend, checking AWS Signature Version 4 with one access key and secret. The build
 * copies its jar to {@code target/s3proxy/} before the integration tests.
 */
final class S3Proxy implements AutoCloseable {

    static final String BUCKET = "musubi-test";
    static final String ACCESS_KEY = "musubi-test-access";
    static final String SECRET_KEY = "musubi-test-secret-4f1c9a";
    private static final Path JAR = Path.of(System.getProperty("musubi.s3proxy.jar", "target/s3proxy/s3proxy.jar"));

    private final Process process;
    private final Path data;
    private final Path log;
    private final int port;

    private S3Proxy(Process process, Path data, Path log, int port) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    static S3Proxy start(Path directory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run the integration tests through Maven "
                    + "(mvn verify), which copies S3Proxy there in pre-integration-test");
        }
        int port = freePort();
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.createDirectories(data.resolve(BUCKET));
        Path properties = Files.writeString(directory.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=local",
                "jclouds.credential=local",
                "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                ""));
        Path log = directory.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "--properties", properties.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3Proxy proxy = new S3Proxy(process, data, log, port);
        proxy.awaitListening();
        return proxy;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The bucket's directory on the disk, where S3Proxy keeps each object as a file named by its key. */
    Path bucketDirectory() {
        return data.resolve(BUCKET);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped at start:\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within 90 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
