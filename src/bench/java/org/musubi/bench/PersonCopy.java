package org.musubi.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.postgresql.PGConnection;

/** Persons with their blocking keys into the database by COPY, as the bulk loads of the benchmarks do. */
final class PersonCopy {

    private PersonCopy() {
    }

    /** Copies {@code chunk} and stores each person's database id (its regional ID as a number) at {@code ids[offset + position]}. */
    static void copy(Connection connection, List<Person> chunk, long[] ids, int offset) throws Exception {
        copy(connection, chunk, ids, offset, true);
    }

    /** As {@link #copy(Connection, List, long[], int)}; {@code keys}: with their blocking keys (a count needs none). */
    static void copy(Connection connection, List<Person> chunk, long[] ids, int offset, boolean keys) throws Exception {
        StringBuilder persons = new StringBuilder();
        StringBuilder staged = new StringBuilder();
        int position = offset;
        for (Person p : chunk) {
            ids[position++] = Long.parseLong(p.regionalId());
            persons.append(p.regionalId()).append('\t').append(p.regionalId()).append('\t').append(p.familyKanji()).append('\t')
                    .append(p.givenKanji()).append('\t').append(p.familyKana()).append('\t').append(p.givenKana())
                    .append('\t').append(p.sex()).append('\t').append(p.birthDate()).append('\t')
                    .append(nullable(p.postalCode())).append('\t').append(nullable(p.address())).append('\t')
                    .append(nullable(p.phone())).append('\n');
            if (keys) {
                for (String key : BlockingKeys.stored(Demographics.of(p))) {
                    staged.append(key).append('\t').append(p.regionalId()).append('\n');
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY person (id, regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,"
                    + " postal_code, address, phone) FROM STDIN", new StringReader(persons.toString()));
            if (!keys) {
                return;
            }
            sql.execute("CREATE TEMP TABLE staged_key (key text, regional_id text)");
            copy.copyIn("COPY staged_key (key, regional_id) FROM STDIN", new StringReader(staged.toString()));
            sql.execute("INSERT INTO person_match_key (key, person_id) SELECT s.key, p.id "
                    + "FROM staged_key s JOIN person p ON p.regional_id = s.regional_id ON CONFLICT DO NOTHING");
            sql.execute("DROP TABLE staged_key");
        }
    }

    /** A COPY text field: {@code \N} for null; tabs and line breaks become spaces. */
    static String nullable(String text) {
        return text == null ? "\\N" : text.replace("\t", " ").replace("\n", " ");
    }
}
