package org.musubi.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.Demographics;

class SourceRecordCorruptionsTest {

    private static final int POPULATION = 1_000;
    private static final int RECORDS = 3_000;

    private final SourceRecordGenerator generator = new SourceRecordGenerator();
    private final List<Person> persons = new SyntheticNetworkGenerator().persons(5, POPULATION + RECORDS, 34).toList();
    private final List<SourceRecord> records = generator.records(5, POPULATION, RECORDS, 34).toList();

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
        assertThat(generator.records(5, POPULATION, RECORDS, 34).toList()).isEqualTo(records);
        assertThat(generator.records(5, POPULATION, RECORDS, 34).parallel().skip(2_999).findFirst()).contains(records.getLast());
        assertThat(generator.records(6, POPULATION, RECORDS, 34).toList()).isNotEqualTo(records);
    }

    @Test
    void everyKindOfCorruptionIsMadeAndChangesTheRecord() {
        Map<Corruption, Integer> counts = new EnumMap<>(Corruption.class);
        for (SourceRecord record : records) {
            counts.merge(record.corruption(), 1, Integer::sum);
            Demographics truth = Demographics.of(persons.get((int) record.personIndex()));
            assertThat(record.demographics().equals(truth)).as("%s", record).isEqualTo(record.corruption() == Corruption.NONE);
        }

        assertThat(counts).containsOnlyKeys(Corruption.values()).allSatisfy((kind, n) -> assertThat(n).as("%s", kind).isGreaterThan(20));
    }

    @Test
    void aFifthAreNewPatientsAndTheRestPointIntoThePopulation() {
        long newPatients = records.stream().filter(r -> !r.inPopulation()).count();

        assertThat(newPatients).isBetween(500L, 700L);
        assertThat(records).allSatisfy(r -> assertThat(r.personIndex() < POPULATION).isEqualTo(r.inPopulation()));
    }

    @Test
    void onlyWomenMarryAndMovingChangesPostalCodeAndAddress() {
        for (SourceRecord record : records) {
            Person truth = persons.get((int) record.personIndex());
            Demographics d = record.demographics();
            switch (record.corruption()) {
                case MARRIED -> assertThat(d.sex()).isEqualTo(Sex.FEMALE);
                case MOVED -> assertThat(d.address()).isNotEqualTo(truth.address());
                case DAY_MONTH_SWAP -> assertThat(d.birthDate().getDayOfMonth()).isEqualTo(truth.birthDate().getMonthValue());
                default -> { }
            }
        }
    }

    @Test
    void writesVariantKanjiAndHalfWidthOrHiraganaKana() {
        SourceRecordCorruptions corruptions = new SourceRecordCorruptions(1);
        Demographics takahashi = new Demographics("高橋", "博", "タカハシ", "ヒロシ", Sex.MALE, null, null, null, null);

        assertThat(corruptions.apply(Corruption.KANJI_VARIANT, takahashi, null).familyKanji()).isEqualTo("髙橋");
        assertThat(Spellings.halfWidth("ガッコウ")).isEqualTo("ｶﾞｯｺｳ");
        assertThat(Spellings.hiragana("タカハシ")).isEqualTo("たかはし");
        assertThat(Spellings.kanjiVariant("渡邊", new SplittableRandom(1))).isIn("渡辺", "渡邉");
    }
}
