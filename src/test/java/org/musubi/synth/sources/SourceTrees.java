package org.musubi.synth.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

/** Fixtures for the source-file tests: small networks written to a directory, and ways to read them back. */
final class SourceTrees {

    static final long SEED = 20260401L;

    private SourceTrees() {
    }

    /** The demo network (12 facilities: 2 hospitals, 2 clinics, 1 pharmacy) with {@code persons} persons. */
    static SyntheticNetwork network(long seed, int persons) {
        return new SyntheticNetworkGenerator().generate(seed, new SynthSize(12, 40, persons));
    }

    /** A larger network with several pharmacies, so persons can use two. */
    static SyntheticNetwork wideNetwork(long seed, int persons) {
        return new SyntheticNetworkGenerator().generate(seed, new SynthSize(40, 80, persons));
    }

    static List<Path> ssmix2Files(Path out) {
        return files(out).filter(p -> out.relativize(p).getName(1).toString().equals("ssmix2")).toList();
    }

    static List<Path> jahisFiles(Path out) {
        return files(out).filter(p -> out.relativize(p).getName(1).toString().equals("jahis")).toList();
    }

    static Stream<Path> files(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file decoded strictly: any byte sequence the charset cannot read fails. */
    static String decode(Path file, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not " + charset + ": " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hl7(Path file) {
        return decode(file, Charset.forName("ISO-2022-JP"));
    }
}
