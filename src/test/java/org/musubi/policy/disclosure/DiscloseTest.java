package org.musubi.policy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.musubi.policy.Disclosure;

/**
 * A disclosure is recorded once per wing row, under a source naming it ({@code <wing>:<id>}), and found again by that
 * source or by its id; a source nothing was disclosed for, and an id nobody was given, find nothing (the doors refuse
 * them as an unknown person).
 */
class DiscloseTest {

    /** The rows in memory, keyed like the table (a source once). */
    static final class Rows implements DisclosureRows {
        final Map<Long, Disclosure> byId = new HashMap<>();
        final Map<String, Long> bySource = new HashMap<>();
        int finds;

        @Override
        public long insert(String source, Disclosure disclosure, String purpose, Instant until) {
            if (bySource.containsKey(source)) {
                throw new IllegalStateException("duplicate source " + source);
            }
            long id = byId.size() + 1;
            byId.put(id, disclosure);
            bySource.put(source, id);
            return id;
        }

        @Override
        public Optional<Disclosure> find(long id) {
            finds++;
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public OptionalLong idOf(String source) {
            Long id = bySource.get(source);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }
    }

    private final Rows rows = new Rows();
    private final Disclose disclose = new Disclose(rows);
    private final Disclosures disclosures = new Disclosures(rows);

    @Test
    void aDisclosureIsFoundByItsSourceAndItsId() {
        Disclosure letter = Disclosure.letter(1, 2, 3).from(4);

        long id = disclose.disclose("letter:abc", letter);

        assertThat(disclose.idOf("letter:abc")).isEqualTo(id).isPositive();
        assertThat(disclosures.find(id)).contains(letter);
        assertThatThrownBy(() -> disclose.disclose("letter:abc", letter)).as("one disclosure per row")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingDisclosedFindsNothingAndNoneIsNeverLookedUp() {
        assertThat(disclose.idOf("letter:none")).isEqualTo(Disclose.NONE);
        assertThat(disclosures.find(Disclose.NONE)).isEmpty();
        assertThat(disclosures.find(-1)).isEmpty();
        assertThat(rows.finds).isZero();
        assertThat(disclosures.find(99)).isEmpty();
    }

    @Test
    void aSourceNamesItsWingAndRow() {
        Disclosure file = Disclosure.file(1, 2);
        for (String bad : new String[] {null, "", " ", "no-colon", ":id", "x:" + "y".repeat(199)}) {
            assertThatThrownBy(() -> disclose.disclose(bad, file)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(rows.byId).isEmpty();
    }
}
