package org.musubi.synth;

import org.musubi.identity.Person;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.synth.files.SynthFiles;

class SyntheticNetworkDeterminismTest {

    private final SyntheticNetworkGenerator generator = new SyntheticNetworkGenerator();

    @Test
    void sameSeedAndSizeGiveAnEqualNetwork() {
        assertThat(generator.generate(42, SynthSize.demo())).isEqualTo(generator.generate(42, SynthSize.demo()));
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        SynthFiles files = new SynthFiles();
        files.write(generator.generate(42, SynthSize.demo()), first);
        files.write(generator.generate(42, SynthSize.demo()), second);

        for (String name : List.of("facilities.csv", "users.csv", "persons.csv")) {
            byte[] bytes = Files.readAllBytes(first.resolve(name));
            assertThat(bytes).as(name).isNotEmpty().isEqualTo(Files.readAllBytes(second.resolve(name)));
        }
    }

    @Test
    void writesOneHeaderLineAndOneLinePerRecord(@TempDir Path directory) throws IOException {
        SyntheticNetwork network = generator.generate(42, SynthSize.demo());
        new SynthFiles().write(network, directory);

        assertThat(Files.readAllLines(directory.resolve("facilities.csv"))).hasSize(13)
                .first().asString().startsWith("name_kanji,name_kana,kind,code");
        assertThat(Files.readAllLines(directory.resolve("users.csv"))).hasSize(41);
        assertThat(Files.readAllLines(directory.resolve("persons.csv"))).hasSize(201);
        assertThat(Files.readString(directory.resolve("persons.csv"))).doesNotContain("\r");
    }

    @Test
    void differentSeedsGiveDifferentPersons() {
        List<Person> one = generator.generate(1, SynthSize.demo()).persons();
        List<Person> two = generator.generate(2, SynthSize.demo()).persons();

        assertThat(one).doesNotContainAnyElementsOf(two);
        assertThat(one.stream().map(Person::regionalId))
                .doesNotContainAnyElementsOf(two.stream().map(Person::regionalId).toList());
    }

    @Test
    void networkPersonsAreTheFirstOfTheLazyStream() {
        List<Person> streamed = generator.persons(42, 200, 34).toList();

        assertThat(generator.generate(42, SynthSize.demo()).persons()).isEqualTo(streamed);
    }

    @Test
    void placesEverythingInTheRequestedPrefecture() {
        SyntheticNetwork tokyo = generator.generate(5, SynthSize.demo(), 13);

        assertThat(tokyo.persons()).allSatisfy(p -> assertThat(p.address()).startsWith("東京都"));
        assertThat(tokyo.facilities()).allSatisfy(f -> {
            assertThat(f.prefecture()).isEqualTo(13);
            assertThat(f.address()).startsWith("東京都");
            if (f.code() != null) {
                assertThat(f.code().prefecture()).isEqualTo(13);
            }
        });
    }
}
