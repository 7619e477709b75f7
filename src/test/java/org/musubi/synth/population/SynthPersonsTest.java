package org.musubi.synth.population;

import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import org.musubi.identity.Sex;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.synth.Katakana;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetworkGenerator;

class SynthPersonsTest {

    private final List<Person> persons =
            new SyntheticNetworkGenerator().generate(42, SynthSize.demo()).persons();

    @Test
    void bothSexesAreRoughlyHalf() {
        long men = persons.stream().filter(p -> p.sex() == Sex.MALE).count();

        assertThat(persons).hasSize(200);
        assertThat(men).isBetween(60L, 140L);
    }

    @Test
    void regionalIdsAreUniqueSixteenDigitsWithValidCheckDigits() {
        assertThat(persons.stream().map(Person::regionalId)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[1-9]\\d{15}"))
                .allMatch(RegionalId::valid);
    }

    @Test
    void birthDatesLieBetween1930And2024AndLeanOld() {
        assertThat(persons).allSatisfy(p -> assertThat(p.birthDate())
                .isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2024, 12, 31)));
        long bornBefore1960 = persons.stream().filter(p -> p.birthDate().getYear() < 1960).count();
        assertThat(bornBefore1960).isGreaterThan(persons.size() / 3);
    }

    @Test
    void namesHaveFullWidthKatakanaReadings() {
        assertThat(persons).allSatisfy(p -> {
            assertThat(Katakana.fullWidth(p.familyKana())).as(p.familyKana()).isTrue();
            assertThat(Katakana.fullWidth(p.givenKana())).as(p.givenKana()).isTrue();
        });
    }

    @Test
    void nameBookIsLargeEnoughAndEveryReadingIsKatakana() {
        List<List<Reading>> given = NameBook.allGivenNames();

        assertThat(NameBook.SURNAMES).hasSizeGreaterThanOrEqualTo(80);
        assertThat(given.subList(0, 3).stream().mapToInt(List::size).sum()).as("male").isGreaterThanOrEqualTo(60);
        assertThat(given.subList(3, 6).stream().mapToInt(List::size).sum()).as("female").isGreaterThanOrEqualTo(60);
        Stream.concat(Stream.of(NameBook.SURNAMES), given.stream()).flatMap(List::stream)
                .forEach(r -> assertThat(Katakana.fullWidth(r.kana())).as(r.kanji()).isTrue());
    }

    @Test
    void variantCharacterSurnamesOccur() {
        Set<String> variants = Set.of("髙橋", "山﨑", "渡邊", "渡邉", "齋藤", "濱田", "廣田", "中澤");

        assertThat(new SyntheticNetworkGenerator().persons(42, 2_000, 34).map(Person::familyKanji))
                .anyMatch(variants::contains);
    }

    @Test
    void addressesPostalCodesAndPhonesLookLikeHiroshima() {
        assertThat(persons).allSatisfy(p -> {
            assertThat(p.address()).startsWith("広島県").matches(".+\\d丁目\\d+番\\d+号");
            assertThat(p.postalCode()).matches("7\\d\\d-\\d{4}");
            assertThat(p.phone()).matches("0(8\\d{1,3}-\\d{1,3}|[789]0-[1-9]\\d{3})-\\d{4}")
                    .satisfies(phone -> assertThat(phone.replace("-", "")).hasSizeBetween(10, 11));
        });
    }
}
