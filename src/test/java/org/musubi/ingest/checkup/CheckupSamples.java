package org.musubi.ingest.checkup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/** The team's synthetic 特定健診 files ({@code src/test/resources/checkup/}), as bytes, text, a ZIP or read. */
public final class CheckupSamples {

    /** The checkup centre of the samples (its ids made as before V22, which tests can compute). */
    public static final MappingContext CENTRE = new MappingContext("3420000099", "むすび健診センター");
    public static final String MALE = "h-male-typical.xml";
    public static final String FEMALE = "h-female-coded.xml";
    public static final String MINIMAL = "h-minimal.xml";
    public static final String SUBMISSION = "submission";
    private static final long ZIPPED_AT = Instant.parse("2025-08-15T09:00:00Z").toEpochMilli();

    private CheckupSamples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = CheckupSamples.class.getResourceAsStream("/checkup/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * The files under the sample folder {@code folder}, zipped with their paths, and {@code extra} entries after them;
     * the same every time.
     */
    public static byte[] zip(String folder, Map<String, byte[]> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
             Stream<Path> files = Files.walk(folder(folder))) {
            Path root = folder(folder);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(entry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                zip.putNextEntry(entry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An entry of a fixed time, so that the same files zip to the same bytes whenever they are zipped. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZIPPED_AT);
        return entry;
    }

    public static List<ParseResult> read(String name, byte[] bytes) {
        List<ParseResult> results = new ArrayList<>();
        new CheckupXmlReader().read(SourceFile.of(name, bytes), CENTRE, results::add);
        return results;
    }

    public static List<ParseResult> read(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path folder(String folder) {
        try {
            return Path.of(CheckupSamples.class.getResource("/checkup/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
