package org.musubi.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Musubi's main source files as text, for the rules that read the sources rather than the classes. */
public final class MusubiSources {

    /** Where the main sources are, from the project's folder. */
    public static final Path MAIN = Path.of("src", "main", "java");

    private MusubiSources() {
    }

    /** Every main source file's text, by its path under {@code src/main/java} ({@code /} between folders). */
    public static Map<String, String> main() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return sources;
    }
}
