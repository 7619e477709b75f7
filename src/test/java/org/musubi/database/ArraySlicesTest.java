package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArraySlicesTest {

    @Test
    void slicesAreConsecutiveInOrderAndWithinTheLimit() {
        List<Integer> rows = IntStream.range(0, 10_000).boxed().toList();
        int size = 1_000;

        List<List<Integer>> slices = ArraySlices.of(rows, r -> size);

        assertThat(slices).hasSize((int) Math.ceil(10_000.0 / (ArraySlices.MAX_BYTES / size)));
        assertThat(slices).allSatisfy(slice -> assertThat(slice.size() * size).isLessThanOrEqualTo(ArraySlices.MAX_BYTES));
        assertThat(slices.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    }

    @Test
    void aRowLargerThanTheLimitIsASliceOfItsOwn() {
        List<Integer> sizes = List.of(10, ArraySlices.MAX_BYTES * 3, 10, 10);

        List<List<Integer>> slices = ArraySlices.of(sizes, r -> r);

        assertThat(slices).containsExactly(List.of(10), List.of(ArraySlices.MAX_BYTES * 3), List.of(10, 10));
    }

    @Test
    void fewRowsAreOneSliceAndNoRowsNone() {
        assertThat(ArraySlices.of(List.of("a", "b"), ArraySlices::text)).containsExactly(List.of("a", "b"));
        assertThat(ArraySlices.of(List.<String>of(), ArraySlices::text)).isEmpty();
    }

    @Test
    void textCountsThreeBytesACharacterAtMost() {
        assertThat(ArraySlices.text("処方")).isEqualTo(6).isGreaterThanOrEqualTo("処方".getBytes(StandardCharsets.UTF_8).length);
        assertThat(ArraySlices.text(null)).isZero();
    }
}
