package org.musubi.imaging.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cornerstone3D viewer's build step: the bundle the build made is in the jar's static files, self-contained (no
 * bare import left for the browser to resolve), with its decoding worker and codecs; and src/build/NpmTarballs.java
 * (run here as the build runs it, from source) refuses a tarball whose SHA-512 is not the pinned integrity and
 * unpacks a pinned one into a node_modules layout.
 */
class CornerstoneBundleTest {

    private static final Path OUT = Path.of("target/classes/static/js/vendor/cornerstone");
    /** An import or export of a package by its bare name ({@code from"@kitware/vtk.js/…"}), not a {@code "from"} key. */
    private static final Pattern BARE_IMPORT = Pattern.compile(
            "(?<![\"'\\w.$])(?:from|import)\\s*\\(?\\s*[\"'](?:@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*(?:/[^\"']*)?[\"']");

    @Test
    void theBundleIsSelfContainedWithItsWorkerAndCodecs() throws IOException {
        String bundle = Files.readString(OUT.resolve("cornerstone.js"));
        String worker = Files.readString(OUT.resolve("decodeImageFrameWorker.js"));
        assertThat(BARE_IMPORT.matcher(bundle).find()).as("a bare import left in cornerstone.js").isFalse();
        assertThat(BARE_IMPORT.matcher(worker).find()).as("a bare import left in the worker").isFalse();
        String viewer = Files.readString(Path.of("src/main/resources/static/js/imaging-viewer.js"));
        for (String name : List.of("RenderingEngine", "initLoader", "wadors", "StackScrollTool", "LengthTool",
                "WindowLevelTool", "dicomweb")) {
            assertThat(viewer).contains(name);
            assertThat(bundle).as("exported by the bundle").containsPattern("\\bas " + name + "\\b|[{,]" + name + "[},]");
        }
        assertThat(bundle).contains("decodeImageFrameWorker.js");
        for (String codec : List.of("charlswasm_decode.wasm", "openjpegwasm_decode.wasm", "openjphjs.wasm",
                "libjpegturbowasm_decode.wasm", "jpegxlwasm_decode.wasm")) {
            assertThat(OUT.resolve("wasm").resolve(codec)).isNotEmptyFile();
            assertThat(worker).as("the worker names " + codec).contains(codec);
        }
        assertThat(OUT.resolve("licenses/cornerstone3D-LICENSE")).isNotEmptyFile();
        assertThat(OUT.resolve("licenses/@kitware/vtk.js/LICENSE")).isNotEmptyFile();
    }

    @Test
    void aTarballWhoseIntegrityIsNotThePinnedOneFailsTheBuild(@TempDir Path dir) throws Exception {
        byte[] tarball = tgz("package/package.json", "{\"name\":\"musubi-probe\"}");
        HttpServer registry = registryServing("/musubi-probe/-/musubi-probe-1.0.0.tgz", tarball);
        try {
            String url = "http://127.0.0.1:" + registry.getAddress().getPort() + "/";
            byte[] other = tgz("package/package.json", "{\"name\":\"something-else\"}");
            Run wrong = npmTarballs(dir.resolve("cache"), url, "--unpack=" + dir.resolve("work"),
                    "musubi-probe@1.0.0=" + integrity(other));
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.output()).contains("is not the tarball pinned").contains(integrity(tarball));
            assertThat(dir.resolve("cache/musubi-probe/musubi-probe-1.0.0.tgz")).doesNotExist();
            assertThat(dir.resolve("work/node_modules/musubi-probe")).doesNotExist();

            Run right = npmTarballs(dir.resolve("cache"), url, "--unpack=" + dir.resolve("work"),
                    "musubi-probe@1.0.0=" + integrity(tarball));
            assertThat(right.exit()).as(right.output()).isZero();
            assertThat(dir.resolve("cache/musubi-probe/musubi-probe-1.0.0.tgz")).hasBinaryContent(tarball);
            assertThat(dir.resolve("work/node_modules/musubi-probe/package.json")).hasContent("{\"name\":\"musubi-probe\"}");
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void everyLockLineIsAPinWithItsIntegrity() throws IOException {
        Pattern pin = Pattern.compile("^(@[a-z0-9._-]+/)?[a-z0-9._-]+@\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*=sha512-[A-Za-z0-9+/]{86}==$");
        for (String file : List.of("npm-lock.txt", "esbuild-lock.txt")) {
            List<String> pins = Files.readAllLines(Path.of("src/main/js/cornerstone", file)).stream()
                    .map(l -> (l.contains("#") ? l.substring(0, l.indexOf('#')) : l).strip())
                    .filter(l -> !l.isEmpty()).toList();
            assertThat(pins).as(file).isNotEmpty().allMatch(p -> pin.matcher(p).matches());
        }
    }

    private record Run(int exit, String output) {
    }

    /** src/build/NpmTarballs.java run as the build runs it: from source, by this JDK's java. */
    private static Run npmTarballs(Path cache, String registry, String... pins) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "src/build/NpmTarballs.java", cache.toString(), registry));
        command.addAll(List.of(pins));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Run(process.waitFor(), output);
    }

    private static HttpServer registryServing(String path, byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals(path);
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            if (found) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String integrity(byte[] tarball) throws Exception {
        return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
    }

    /** A gzipped ustar archive of one file, as npm publishes a package. */
    private static byte[] tgz(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", data.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(header);
            gzip.write(data);
            gzip.write(new byte[(512 - data.length % 512) % 512 + 1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
