package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

class SourceDeterminismTest {

    private static final SourceOptions OPTIONS = SourceOptions.defaults(42).withMessagesPerPatient(12).withRevisions(5, 2);

    @Test
    void theSameSeedAndOptionsGiveByteIdenticalTrees(@TempDir Path first, @TempDir Path second) {
        SourceSummary one = SourceFiles.write(SourceTrees.network(42, 15), first, OPTIONS);
        SourceSummary two = SourceFiles.write(SourceTrees.network(42, 15), second, OPTIONS);

        assertThat(hash(first)).isEqualTo(hash(second));
        assertThat(one).isEqualTo(two);
    }

    @Test
    void anotherSeedGivesAnotherTree(@TempDir Path first, @TempDir Path second) {
        SourceFiles.write(SourceTrees.network(42, 15), first, OPTIONS);
        SourceFiles.write(SourceTrees.network(43, 15), second, SourceOptions.defaults(43).withMessagesPerPatient(12)
                .withRevisions(5, 2));

        assertThat(hash(first)).isNotEqualTo(hash(second));
    }

    @Test
    void personsMadeOneAtATimeGiveTheSameTreeAsANetworkHoldingThem(@TempDir Path held, @TempDir Path streamed) {
        SyntheticNetwork network = SourceTrees.network(42, 15);
        SyntheticNetwork withoutPersons = new SyntheticNetworkGenerator().generate(42, new SynthSize(12, 40, 0));

        SourceFiles.write(network, held, OPTIONS);
        SourceFiles.write(withoutPersons, 15, streamed, OPTIONS, done -> { });

        assertThat(hash(held)).isEqualTo(hash(streamed));
    }

    @Test
    void writingAgainIntoTheSameFolderLeavesTheSameTree(@TempDir Path once, @TempDir Path twice) {
        SourceFiles.write(SourceTrees.network(42, 15), once, OPTIONS);
        SourceFiles.write(SourceTrees.network(42, 15), twice, OPTIONS);
        SourceFiles.write(SourceTrees.network(42, 15), twice, OPTIONS);

        assertThat(hash(twice)).isEqualTo(hash(once));
    }

    /** SHA-256 over every file's relative path and bytes, in path order. */
    private static String hash(Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            SourceTrees.files(root).forEach(file -> {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(bytes(file));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
