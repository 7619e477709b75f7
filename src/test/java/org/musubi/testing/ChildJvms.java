package org.musubi.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The child JVMs the drills start ({@code musubi serve}, {@code import}, {@code backup} …) with a cache of what their
 * start loads: most of a child's start is loading, verifying and linking the same twenty thousand classes. On JDK 25
 * and later the cache is an AOT cache (JEP 483, 514, 515: classes loaded and linked, with method profiles): a child's
 * start to {@code Started Musubi} took about 10 CPU-seconds with it against 12–14 with the dynamic class-data sharing
 * archive this class used before and 19.5 with neither (bench/README.md, "Child JVMs"). On an older JDK it is that
 * dynamic CDS archive (JDK 13+). The first child that ends without SIGKILL writes at its exit what it loaded (the
 * AOT configuration, which this JVM then assembles into the cache in a JVM of its own, {@link #AOT}; or the CDS
 * archive, {@code -XX:ArchiveClassesAtExit}), to files of its own that this JVM renames into place once complete, so
 * that a child killed while writing leaves nothing half-written in use; later children map it (a JVM that cannot use
 * it starts without: the default). The cache is not checksummed at each start ({@code -XX:+VerifySharedSpaces} cost about 2.8 CPU-seconds a
 * start): only a complete file is ever moved into place, and the JVM still validates its header, JDK and class path.
 * Both archive classes from jar files only and refuse a non-empty directory on the class path, so the children's class
 * path is this JVM's with each directory ({@code target/classes}, {@code target/test-classes}) made into a jar once per
 * JVM, in the same order. Everything lives in this JVM's {@link TestDirs} directory under {@code child-jvm/}.
 */
public final class ChildJvms {

    /**
     * Whether this JDK makes AOT caches (JDK 25: JEP 483, 514, 515); else a dynamic CDS archive. The AOT cache is made
     * in two steps: the child records what it loads ({@code -XX:AOTMode=record}), written quickly at its exit, and this
     * JVM assembles the cache from that record in a JVM of its own ({@code -XX:AOTMode=create}), in the background:
     * made in one step, the child's own exit would assemble it, which under a loaded CI takes longer than a drill waits
     * for a node it stops before it kills it.
     */
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final String DUMP_OPTION = AOT ? "-XX:AOTConfiguration=" : "-XX:ArchiveClassesAtExit=";
    private static final String USE_OPTION = AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    private static final String SUFFIX = AOT ? ".aotconf" : ".jsa";

    private static String classPath;
    private static Path archive;
    private static boolean dumping;
    private static int dumps;

    private ChildJvms() {
    }

    /** {@code java}, {@code options}, the class-data sharing options, {@code -cp} and the children's class path. */
    public static List<String> java(String... options) {
        return java(true, options);
    }

    /**
     * The same for a child that is to be killed with SIGKILL ({@code mayWriteArchive} false): it maps the archive when
     * there is one but never writes it, as a child writing it runs with more system time and would end without it.
     */
    public static List<String> javaToKill(String... options) {
        return java(false, options);
    }

    private static synchronized List<String> java(boolean mayWriteArchive, String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // no Orthanc of a child's own (imaging.archive.ManagedOrthanc) unless its command line asks for one: a system
        // property, so that --musubi.imaging.managed.enabled=true among a server's settings wins
        command.add("-Dmusubi.imaging.managed.enabled=false");
        command.addAll(List.of(options));
        String path = classPath();
        if (Files.isRegularFile(archive)) {
            // -Xshare:auto (CDS's default) may not be named beside an AOT cache, whose default is the same: a JVM that
            // cannot use the cache starts without it
            command.add(USE_OPTION + archive);
        } else if (mayWriteArchive && !dumping) {
            dumping = true;
            if (AOT) {
                command.add("-XX:AOTMode=record");
            }
            command.add(DUMP_OPTION + archive.resolveSibling("child-" + (++dumps) + ".part" + SUFFIX));
        }
        // the warnings (classes it cannot archive) would fill the children's logs; its errors stay.
        command.addAll(List.of("-Xlog:cds*=error", "-Xlog:aot*=error", "-cp", path));
        return command;
    }

    /**
     * Starts {@code builder} (a command from {@link #java}); when it is the child that writes the archive, installs the
     * archive once it ends — unless it was killed with SIGKILL (exit 137), which may have cut the writing short.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        Path part = builder.command().stream().filter(option -> option.startsWith(DUMP_OPTION))
                .map(option -> Path.of(option.substring(DUMP_OPTION.length()))).findFirst().orElse(null);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            if (part != null) {
                dumped(part, false);
            }
            throw e;
        }
        if (part != null) {
            process.onExit().thenAccept(ended -> dumped(part, ended.exitValue() != 137));
        }
        return process;
    }

    private static synchronized void dumped(Path part, boolean complete) {
        try {
            if (complete && Files.isRegularFile(part) && Files.size(part) > 0) {
                if (AOT) {
                    assemble(part);
                    return;
                }
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // no archive this time: the next child tries again
        }
        dumping = false;
    }

    /**
     * Makes the AOT cache from a child's record ({@code configuration}) in a JVM of its own, in the background, and
     * moves it into place when that JVM ends well; children started meanwhile start without it, and none records.
     */
    private static void assemble(Path configuration) throws IOException {
        Path cache = configuration.resolveSibling(configuration.getFileName().toString().replace(SUFFIX, ".aot"));
        Process assembly = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:AOTMode=create", DUMP_OPTION + configuration, USE_OPTION + cache, "-Xlog:cds*=error",
                "-Xlog:aot*=error", "-cp", classPath)
                .redirectErrorStream(true).redirectOutput(configuration.resolveSibling("assembly.log").toFile()).start();
        assembly.onExit().thenAccept(ended -> assembled(configuration, cache, ended.exitValue() == 0));
    }

    private static synchronized void assembled(Path configuration, Path cache, boolean complete) {
        try {
            Files.deleteIfExists(configuration);
            if (complete && Files.isRegularFile(cache) && Files.size(cache) > 0) {
                Files.move(cache, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(cache);
            }
        } catch (IOException e) {
            // no cache this time: the next child tries again
        } finally {
            dumping = false;
        }
    }

    /** This JVM's class path with its directories as jars, made (afresh) on first use. */
    private static String classPath() {
        if (classPath == null) {
            Path home = TestDirs.of("child-jvm");
            try {
                if (Files.isDirectory(home)) {
                    try (Stream<Path> old = Files.walk(home)) {
                        old.sorted(Comparator.reverseOrder()).filter(file -> !file.equals(home)).forEach(file -> file.toFile().delete());
                    }
                }
                Files.createDirectories(home);
                List<String> entries = new ArrayList<>();
                int directories = 0;
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path source = Path.of(entry);
                    if (Files.isDirectory(source)) {
                        Path jar = home.resolve("classpath-" + (++directories) + "-" + source.getFileName() + ".jar");
                        jar(source, jar);
                        entries.add(jar.toAbsolutePath().toString());
                    } else {
                        entries.add(entry);
                    }
                }
                classPath = String.join(File.pathSeparator, entries);
                archive = home.resolve(AOT ? "child.aot" : "child.jsa").toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classPath;
    }

    /** {@code directory} as a jar, uncompressed (quicker to write and to read), directories included as entries. */
    private static void jar(Path directory, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(file -> !file.equals(directory)).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (Path file : files) {
                String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                boolean isDirectory = Files.isDirectory(file);
                JarEntry entry = new JarEntry(isDirectory ? name + "/" : name);
                entry.setTime(Files.getLastModifiedTime(file).toMillis());
                zip.putNextEntry(entry);
                if (!isDirectory) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        }
    }
}
