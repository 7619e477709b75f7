package org.musubi.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encrypted container: what goes in comes out, and any change to the file is refused with its cause. */
class SealedStreamsTest {

    private static final int CHUNK = 1024;
    private static final int HEADER = 66;
    private final BackupKey key = key("correct horse battery staple");

    @Test
    void readsBackWhatWasWrittenOverSeveralChunks() throws IOException {
        byte[] content = random(5 * CHUNK + 123);

        assertThat(open(seal(content, key), key)).isEqualTo(content);
    }

    @Test
    void readsBackContentOfExactlyWholeChunksAndWritesOfOneByte() throws IOException {
        byte[] content = random(3 * CHUNK);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SealedOutputStream out = new SealedOutputStream(file, key, CHUNK, 1000)) {
            for (byte b : content) {
                out.write(b);
            }
        }

        assertThat(chunks(file.toByteArray())).hasSize(3);
        assertThat(open(file.toByteArray(), key)).isEqualTo(content);
    }

    @Test
    void anEmptyStreamStillHasItsSealedEnd() throws IOException {
        byte[] sealed = seal(new byte[0], key);

        assertThat(chunks(sealed)).hasSize(1);
        assertThat(open(sealed, key)).isEmpty();
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, HEADER), key)).hasMessageContaining("cut off");
    }

    @Test
    void refusesAWrongKeyBeforeReadingAnyChunk() throws IOException {
        byte[] sealed = seal(random(2 * CHUNK), key);

        assertThatThrownBy(() -> open(sealed, key("the wrong passphrase, sorry")))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("Wrong key")
                .extracting(e -> ((BackupRefused) e).japanese()).asString().contains("鍵が違います");
    }

    @Test
    void refusesAFlippedByteAnywhere() throws IOException {
        byte[] sealed = seal(random(3 * CHUNK + 7), key);
        for (int position : new int[] {HEADER + 4, HEADER + CHUNK, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[position] ^= 0x01;

            assertThatThrownBy(() -> open(changed, key)).as("byte %d", position).hasMessageContaining("damaged");
        }
        byte[] header = sealed.clone();
        header[20] ^= 0x01;
        assertThatThrownBy(() -> open(header, key)).isInstanceOf(BackupRefused.class);
    }

    @Test
    void refusesAFileCutOffAtAChunkBoundaryOrInsideAChunk() throws IOException {
        byte[] sealed = seal(random(3 * CHUNK + 7), key);
        List<byte[]> chunks = chunks(sealed);
        int withoutLast = sealed.length - chunks.getLast().length;

        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, withoutLast), key)).hasMessageContaining("cut off");
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, sealed.length - 5), key)).hasMessageContaining("cut off");
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, withoutLast + 2), key)).hasMessageContaining("cut off");
    }

    @Test
    void refusesReorderedRemovedOrRepeatedChunks() throws IOException {
        byte[] sealed = seal(random(4 * CHUNK + 7), key);
        byte[] header = Arrays.copyOf(sealed, HEADER);
        List<byte[]> chunks = chunks(sealed);

        assertThatThrownBy(() -> open(join(header, chunks.get(1), chunks.get(0), chunks.get(2), chunks.get(3), chunks.get(4)), key))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> open(join(header, chunks.get(0), chunks.get(2), chunks.get(3), chunks.get(4)), key))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> open(join(header, chunks.get(0), chunks.get(1), chunks.get(2), chunks.get(3), chunks.get(4),
                chunks.get(4)), key)).hasMessageContaining("damaged");
    }

    @Test
    void refusesAFileThatIsNoArchiveAndAShortKey() {
        assertThatThrownBy(() -> open("PGDMP not ours".getBytes(), key)).hasMessageContaining("Not a Musubi backup");
        assertThatThrownBy(() -> BackupKey.of("too short")).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("at least 16");
    }

    private static BackupKey key(String passphrase) {
        try {
            return BackupKey.of(passphrase);
        } catch (BackupRefused e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] seal(byte[] content, BackupKey key) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SealedOutputStream out = new SealedOutputStream(file, key, CHUNK, 1000)) {
            out.write(content, 0, content.length / 2);
            out.write(content, content.length / 2, content.length - content.length / 2);
        }
        return file.toByteArray();
    }

    private static byte[] open(byte[] sealed, BackupKey key) throws IOException {
        try (SealedInputStream in = new SealedInputStream(new ByteArrayInputStream(sealed), key)) {
            return in.readAllBytes();
        }
    }

    /** The chunks as stored: each its 4-byte length and its ciphertext. */
    private static List<byte[]> chunks(byte[] sealed) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = HEADER; at < sealed.length; ) {
            int length = ByteBuffer.wrap(sealed, at, 4).getInt();
            chunks.add(Arrays.copyOfRange(sealed, at, at + 4 + length));
            at += 4 + length;
        }
        return chunks;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
