package org.musubi.synth.files;

import org.musubi.identity.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthUser;
import org.musubi.synth.SyntheticNetwork;

/**
 * Writes a synthetic network as files: {@code facilities.csv}, {@code users.csv} and
 * {@code persons.csv} (UTF-8, header row, LF, RFC 4180 quoting). The same network always gives
 * the same bytes. A user's facility indexes are joined with {@code ;}; a missing code is empty.
 * I/O failures surface as {@link UncheckedIOException}.
 */
public final class SynthFiles {

    static final CsvTable<SynthFacility> FACILITIES = new CsvTable<>(
            List.of("name_kanji", "name_kana", "kind", "code", "prefecture", "postal_code",
                    "address", "phone", "disclosing", "viewing"),
            f -> List.of(f.nameKanji(), f.nameKana(), f.kind().name(),
                    f.code() == null ? "" : f.code().value(), String.valueOf(f.prefecture()),
                    f.postalCode(), f.address(), f.phone(), String.valueOf(f.disclosing()),
                    String.valueOf(f.viewing())));

    static final CsvTable<SynthUser> USERS = new CsvTable<>(
            List.of("login_id", "family_kanji", "given_kanji", "family_kana", "given_kana", "profession",
                    "facility_indexes", "facility_admin", "network_admin"),
            u -> List.of(u.loginId(), u.familyKanji(), u.givenKanji(), u.familyKana(), u.givenKana(),
                    u.profession().name(),
                    u.facilityIndexes().stream().map(String::valueOf).collect(Collectors.joining(";")),
                    String.valueOf(u.facilityAdmin()), String.valueOf(u.networkAdmin())));

    static final CsvTable<Person> PERSONS = new CsvTable<>(
            List.of("regional_id", "family_kanji", "given_kanji", "family_kana", "given_kana", "sex",
                    "birth_date", "postal_code", "address", "phone"),
            p -> List.of(p.regionalId(), p.familyKanji(), p.givenKanji(), p.familyKana(), p.givenKana(),
                    p.sex().name(), p.birthDate().toString(), p.postalCode(), p.address(), p.phone()));

    /** Writes the three files into the directory, creating it when missing. */
    public void write(SyntheticNetwork network, Path directory) {
        createDirectories(directory);
        FACILITIES.write(network.facilities().stream(), directory.resolve("facilities.csv"));
        USERS.write(network.users().stream(), directory.resolve("users.csv"));
        PERSONS.write(network.persons().stream(), directory.resolve("persons.csv"));
    }

    /** Writes persons as they are generated, for sizes too large to hold in memory. */
    public void writePersons(Stream<Person> persons, Path file) {
        PERSONS.write(persons, file);
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
