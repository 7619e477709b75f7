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
 * The child JVMs the drills start ({@code musubi serve}, {@code import}, {@code backup} …) with class-data sharing:
 * most of a child's start is loading and verifying the same twenty thousand classes, which a dynamic CDS archive
 * (JDK 13+) maps ready-made instead, about a third less CPU a start. The first child that ends without SIGKILL
 * writes the archive at its exit ({@code -XX:ArchiveClassesAtExit}, to a file of its own that this JVM then renames
 * into place, so a child killed while writing it leaves nothing half-written in use); later children map it, checked
 * ({@code -XX:+VerifySharedSpaces}, and a JVM that cannot use it starts without, {@code -Xshare:auto}). CDS archives
 * classes from jar files only and refuses a non-empty directory on the class path, so the children's class path is
 * this JVM's with each directory ({@code target/classes}, {@code target/test-classes}) made into a jar once per JVM,
 * in the same order. Everything lives in this JVM's {@link TestDirs} directory under {@code child-jvm/}.
 */
public final class ChildJvms {

    private static final String DUMP_OPTION = "-XX:ArchiveClassesAtExit=";

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
        // the parallel collector, as the test JVMs (pom.xml): G1's barriers and concurrent threads cost more CPU on two
        // cores than they save in pauses
        command.add("-XX:+UseParallelGC");
        command.addAll(List.of(options));
        String path = classPath();
        if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xshare:auto"));
        } else if (mayWriteArchive && !dumping) {
            dumping = true;
            command.add(DUMP_OPTION + archive.resolveSibling("child-" + (++dumps) + ".jsa.part"));
        }
        // CDS's warnings (classes it cannot archive) would fill the children's logs; its errors stay.
        command.addAll(List.of("-Xlog:cds*=error", "-cp", path));
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
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // no archive this time: the next child tries again
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
                archive = home.resolve("child.jsa").toAbsolutePath();
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
