package org.musubi.synth.sources.jahis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musubi.synth.sources.JisText;
import org.musubi.synth.sources.sites.Site;

/**
 * Writes a pharmacy's JAHIS file for one patient, {@code <out>/<institution code>/jahis/<patient ID>.txt}:
 * Shift_JIS (text limited to JIS X 0208 first) or, for some files, UTF-8 as notebook apps write them.
 */
public final class JahisWriter {

    public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private JahisWriter() {
    }

    static void write(Path out, Site pharmacy, String patientId, String text, boolean utf8) {
        Path directory = out.resolve(pharmacy.code()).resolve("jahis");
        byte[] bytes = utf8 ? text.getBytes(StandardCharsets.UTF_8) : JisText.of(text).getBytes(SHIFT_JIS);
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(patientId + ".txt"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
