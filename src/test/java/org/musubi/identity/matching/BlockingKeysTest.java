package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.synth.SyntheticNetworkGenerator;

class BlockingKeysTest {

    private static final Demographics SATO = Patients.satoHiroshi();

    @Test
    void makesShortKeysOfAsciiAndKatakana() {
        assertThat(BlockingKeys.of(SATO)).containsExactlyInAnyOrder(
                "D19450312サ", "G19450312ヒ", "N1945サトウヒロシ", "M0312サトウヒロシ", "Z73000111945M", "P22114455");
        assertThat(BlockingKeys.of(SATO)).allMatch(key -> key.length() < 40 && key.matches("[A-Z0-9\\u30A1-\\u30FA]+"));
    }

    @Test
    void sharesKeysDespiteAKanaVariant() {
        Demographics variant = new Demographics("佐藤", "博", "ｻﾄｰ", "ひろし", SATO.sex(), SATO.birthDate(),
                null, null, null);

        assertThat(BlockingKeys.of(variant)).containsExactlyInAnyOrder("D19450312サ", "G19450312ヒ", "N1945サトウヒロシ", "M0312サトウヒロシ");
    }

    @Test
    void sharesKeysDespiteDayAndMonthSwapped() {
        Demographics swapped = Patients.withoutContact(Patients.with(SATO, LocalDate.of(1945, 12, 3)));

        assertThat(BlockingKeys.of(swapped)).contains("D19450312サ", "G19450312ヒ");
    }

    @Test
    void sharesAKeyDespiteAWrongBirthYearAndNoPhone() {
        Demographics wrongYear = Patients.withoutContact(Patients.with(SATO, LocalDate.of(1943, 3, 12)));

        assertThat(shared(SATO, wrongYear)).containsExactly("M0312サトウヒロシ");
    }

    @Test
    void sharesKeysDespiteAOneDigitTypoInThePhone() {
        Demographics typo = new Demographics(SATO.familyKanji(), SATO.givenKanji(), SATO.familyKana(),
                SATO.givenKana(), SATO.sex(), SATO.birthDate(), SATO.postalCode(), SATO.address(), "082-211-4456");

        assertThat(shared(SATO, typo)).contains("D19450312サ", "N1945サトウヒロシ");
    }

    @Test
    void sharesAKeyAfterMarriageWithTheSameBirthDateAndGivenName() {
        Demographics bride = new Demographics("山田", "花子", "ヤマダ", "ハナコ", null, LocalDate.of(1988, 6, 21),
                "730-0011", "広島県広島市中区若葉町1丁目2番3号", "090-1111-2222");
        Demographics married = new Demographics("田中", "花子", "タナカ", "ハナコ", null, LocalDate.of(1988, 6, 21),
                "737-0051", "広島県呉市中央3丁目8番2号", null);

        assertThat(shared(bride, married)).containsExactly("G19880621ハ");
    }

    @Test
    void givesOnlyContactKeysWithoutKanaAndNoKeysWithoutAnything() {
        Demographics kanjiOnly = new Demographics("佐藤", "博", null, null, SATO.sex(), SATO.birthDate(),
                SATO.postalCode(), null, SATO.phone());

        assertThat(BlockingKeys.of(kanjiOnly)).containsExactlyInAnyOrder("Z73000111945M", "P22114455");
        assertThat(BlockingKeys.of(new Demographics(null, null, null, null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void everySingleCorruptionOfAGeneratedPersonKeepsAKey() {
        List<Person> persons = new SyntheticNetworkGenerator().persons(11, 1_000, 34).toList();
        List<Person> donors = new SyntheticNetworkGenerator().persons(12, 1_000, 34).toList();
        Corruptions corruptions = new Corruptions(13);

        for (int i = 0; i < persons.size(); i++) {
            Demographics original = Demographics.of(persons.get(i));
            for (Corruptions.Kind kind : Corruptions.Kind.values()) {
                Demographics corrupted = corruptions.apply(kind, original, donors.get(i));
                assertThat(shared(original, corrupted)).as("%s %s", kind, corrupted).isNotEmpty();
            }
        }
    }

    @Test
    void twoDifferentGeneratedPersonsUsuallyShareNoKey() {
        List<Person> persons = new SyntheticNetworkGenerator().persons(21, 2_000, 34).toList();
        Map<String, Integer> personsPerKey = new HashMap<>();
        persons.forEach(p -> BlockingKeys.of(Demographics.of(p)).forEach(key -> personsPerKey.merge(key, 1, Integer::sum)));

        long sharingPairs = personsPerKey.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        long pairs = (long) persons.size() * (persons.size() - 1) / 2;

        assertThat((double) sharingPairs / pairs).as("%d of %d pairs share a key", sharingPairs, pairs).isLessThan(1e-4);
        assertThat(Collections.max(personsPerKey.values())).isLessThanOrEqualTo(5);
    }

    private static Set<String> shared(Demographics a, Demographics b) {
        Set<String> keys = new LinkedHashSet<>(BlockingKeys.of(a));
        keys.retainAll(BlockingKeys.of(b));
        return keys;
    }
}
