package org.musubi.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;

/** SS-MIX2 storages for tests, written by synth: synthetic patients only. */
final class Ssmix2Storages {

    private Ssmix2Storages() {
    }

    /** The storage of the first hospital or clinic that synth wrote for a few persons, under {@code dir}. */
    static Path oneHospital(Path dir) throws IOException {
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(7, SynthSize.demo());
        SourceFiles.write(network, 3, dir, SourceOptions.defaults(7).withMessagesPerPatient(10), done -> { });
        try (Stream<Path> codes = Files.list(dir)) {
            return codes.sorted().map(c -> c.resolve("ssmix2")).filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** A zip of the storage's files with their paths relative to its root. */
    static byte[] zip(Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip with an entry that climbs out of the folder it is unpacked into. */
    static byte[] zipSlip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("../../escaped.txt")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("x".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
