import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The build's npm packages (pdf.js, tus-js-client), without node or npm: run by the build (maven-antrun-plugin's
 * {@code <java sourcefile>}) before it unpacks them into {@code target/classes/static/js/vendor/}. For each
 * {@code name@version=sha512-…} it makes sure {@code <cache>/<name>/<name>-<version>.tgz} is there and is the
 * tarball npm published — its SHA-512 equal to the registry's {@code dist.integrity} pinned in pom.xml — fetching it
 * from the registry when it is missing or different (so a build without network, {@code ./mvnw -o}, works once they
 * are there). Any other tarball fails the build, and so does one that cannot be fetched, saying what to do.
 *
 * <p>Arguments: {@code <cache> <registry> name@version=sha512-… …}
 */
public final class NpmTarballs {

    private NpmTarballs() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: NpmTarballs <cache> <registry> name@version=sha512-… …");
        }
        Path cache = Path.of(args[0]).toAbsolutePath().normalize();
        String registry = args[1].endsWith("/") ? args[1] : args[1] + "/";
        int failures = 0;
        for (int i = 2; i < args.length; i++) {
            try {
                ensure(cache, registry, args[i].strip());
            } catch (IOException | IllegalStateException e) {
                System.err.println("[npm] " + e.getMessage());
                failures++;
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static void ensure(Path cache, String registry, String pin) throws Exception {
        int at = pin.lastIndexOf('@');
        int equals = pin.indexOf('=', at);
        if (at <= 0 || equals < 0 || !pin.startsWith("sha512-", equals + 1)) {
            throw new IllegalStateException("not name@version=sha512-…: " + pin);
        }
        String name = pin.substring(0, at);
        String version = pin.substring(at + 1, equals);
        byte[] expected = Base64.getDecoder().decode(pin.substring(equals + 1 + "sha512-".length()));
        String file = name.substring(name.lastIndexOf('/') + 1) + "-" + version + ".tgz";
        Path tarball = cache.resolve(name).resolve(file);
        if (Files.isRegularFile(tarball) && MessageDigest.isEqual(sha512(tarball), expected)) {
            return;
        }
        URI uri = URI.create(registry + name + "/-/" + file);
        Files.createDirectories(tarball.getParent());
        Path partial = Files.createTempFile(tarball.getParent(), file, ".part");
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode());
                }
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException(name + "@" + version + " is not in " + tarball.getParent() + " and could not be "
                    + "fetched from " + uri + " (" + e + "): build once with access to the registry (-Dmusubi.npm.registry="
                    + "<mirror> for another one), or put the tarball there", e);
        }
        try {
            byte[] actual = sha512(partial);
            if (!MessageDigest.isEqual(actual, expected)) {
                throw new IllegalStateException(uri + " is not the tarball pinned in pom.xml: its integrity is sha512-"
                        + Base64.getEncoder().encodeToString(actual) + ", pinned sha512-"
                        + Base64.getEncoder().encodeToString(expected));
            }
            Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[npm] fetched " + name + "@" + version + " into " + tarball);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static byte[] sha512(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }
}
