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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The build's npm packages (pdf.js, tus-js-client, the Cornerstone3D viewer's closure and esbuild's binary), without
 * node or npm: run by the build (maven-antrun-plugin's {@code <java sourcefile>}) before it unpacks or bundles them
 * into {@code target/classes/static/js/vendor/}. For each {@code name@version=sha512-…} it makes sure
 * {@code <cache>/<name>/<name>-<version>.tgz} is there and is the tarball npm published — its SHA-512 equal to the
 * registry's {@code dist.integrity} pinned in pom.xml or a lock file — fetching it from the registry when it is
 * missing or different (so a build without network, {@code ./mvnw -o}, works once they are there). Any other tarball
 * fails the build, and so does one that cannot be fetched, saying what to do.
 *
 * <p>Arguments: {@code <cache> <registry> name@version=sha512-… …}; {@code --lock=<file>} stands for the pins a lock
 * file lists ({@code --lock=<file>#<name>}: only that package's), and after {@code --unpack=<dir>} every tarball is
 * also unpacked into {@code <dir>/node_modules/<name>/} (npm's layout, one version a name) for esbuild to bundle.
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
        Path unpack = null;
        java.util.Set<Path> unpacked = new java.util.HashSet<>();
        int failures = 0;
        for (int i = 2; i < args.length; i++) {
            String arg = args[i].strip();
            if (arg.startsWith("--unpack=")) {
                unpack = Path.of(arg.substring("--unpack=".length())).toAbsolutePath().normalize();
                continue;
            }
            for (String pin : arg.startsWith("--lock=") ? lock(arg.substring("--lock=".length())) : List.of(arg)) {
                try {
                    Path tarball = ensure(cache, registry, pin);
                    if (unpack != null) {
                        Path dir = unpack.resolve("node_modules").resolve(pin.substring(0, pin.lastIndexOf('@')));
                        unpack(tarball, dir, pin.substring(pin.indexOf('=', pin.lastIndexOf('@')) + 1));
                        unpacked.add(dir);
                    }
                } catch (IOException | IllegalStateException e) {
                    System.err.println("[npm] " + e.getMessage());
                    failures++;
                }
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
        if (unpack != null) {
            removeOthers(unpack.resolve("node_modules"), unpacked);
        }
    }

    /** Removes what an earlier lock unpacked and this one does not pin, so that esbuild bundles only pinned code. */
    private static void removeOthers(Path nodeModules, java.util.Set<Path> pinned) throws IOException {
        if (!Files.isDirectory(nodeModules)) {
            return;
        }
        try (var entries = Files.list(nodeModules)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().startsWith("@")) {
                    removeOthers(entry, pinned);
                } else if (!pinned.contains(entry)) {
                    delete(entry);
                }
            }
        }
    }

    /**
     * The pins of a lock file ({@code name@version=sha512-…} a line, {@code #} starting a comment); with
     * {@code <file>#<name>}, only that package's pin (one platform's esbuild binary, say), which must be there.
     */
    static List<String> lock(String spec) throws IOException {
        int hash = spec.indexOf('#');
        Path file = Path.of(hash < 0 ? spec : spec.substring(0, hash));
        String only = hash < 0 ? null : spec.substring(hash + 1);
        List<String> pins = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int comment = line.indexOf('#');
            String pin = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!pin.isEmpty() && (only == null || pin.startsWith(only + "@"))) {
                pins.add(pin);
            }
        }
        if (only != null && pins.size() != 1) {
            throw new IllegalStateException(file + " pins " + pins.size() + " versions of " + only + ", not one");
        }
        return pins;
    }

    private static Path ensure(Path cache, String registry, String pin) throws Exception {
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
            return tarball;
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
                throw new IllegalStateException(uri + " is not the tarball pinned: its integrity is sha512-"
                        + Base64.getEncoder().encodeToString(actual) + ", pinned sha512-"
                        + Base64.getEncoder().encodeToString(expected));
            }
            Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[npm] fetched " + name + "@" + version + " into " + tarball);
        } finally {
            Files.deleteIfExists(partial);
        }
        return tarball;
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

    /**
     * Unpacks a package's tarball into {@code dir} (its first path segment, {@code package/}, dropped), unless
     * {@code dir} already holds that tarball's files (its {@code .integrity} marker names the same pin). A plain
     * ustar/pax reader: regular files and directories only (npm does not publish links); a path out of {@code dir}
     * fails.
     */
    private static void unpack(Path tarball, Path dir, String integrity) throws IOException {
        Path marker = dir.resolve(".integrity");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(integrity)) {
            return;
        }
        delete(dir);
        Files.createDirectories(dir);
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(tarball), 65536)) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                long size = octal(header, 124, 12);
                byte type = header[156];
                if (type == 'x' || type == 'L' || type == 'g') {
                    String data = new String(padded(in, size), 0, (int) size, java.nio.charset.StandardCharsets.UTF_8);
                    longName = type == 'L' ? data.replace("\0", "") : type == 'x' ? paxPath(data, longName) : longName;
                    continue;
                }
                String name = longName != null ? longName : ustarName(header);
                longName = null;
                int slash = name.indexOf('/');
                String inside = slash < 0 ? "" : name.substring(slash + 1);
                Path target = dir.resolve(inside).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException(tarball + " holds a path out of its package: " + name);
                }
                if ((type == '0' || type == 0 || type == '7') && !inside.isEmpty()) {
                    Files.createDirectories(target.getParent());
                    byte[] data = padded(in, size);
                    try (var out = Files.newOutputStream(target)) {
                        out.write(data, 0, (int) size);
                    }
                    if ((octal(header, 100, 8) & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                } else {
                    padded(in, size);
                }
            }
        }
        Files.writeString(marker, integrity);
    }

    /** The next {@code size} bytes and the padding to a whole 512-byte block. */
    private static byte[] padded(InputStream in, long size) throws IOException {
        int whole = (int) ((size + 511) / 512 * 512);
        byte[] data = in.readNBytes(whole);
        if (data.length != whole) {
            throw new IOException("truncated tarball");
        }
        return data;
    }

    private static String ustarName(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = new String(header, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")
                ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(String records, String otherwise) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return otherwise;
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int from, int length) {
        String digits = text(header, from, length).strip();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
