package org.musubi.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.postgresql.PGConnection;

/**
 * Persons (with blocking keys), their facility patients and the links between them, by COPY: the
 * identity rows a store of records needs, as if each facility patient had been auto-linked.
 */
final class SourceRows {

    private SourceRows() {
    }

    /** One facility patient as loaded: where it is, its database id, local id, and the prefix of its resource ids. */
    static final class Source {
        private final int personIndex;
        private final int ordinal;
        private final int facilityIndex;
        private final Person person;
        private final String localId;
        private long id;
        private String idPrefix;
        private boolean patientStored;

        Source(int personIndex, int ordinal, int facilityIndex, Person person, String localId) {
            this.personIndex = personIndex;
            this.ordinal = ordinal;
            this.facilityIndex = facilityIndex;
            this.person = person;
            this.localId = localId;
        }

        int personIndex() { return personIndex; }
        int ordinal() { return ordinal; }
        int facilityIndex() { return facilityIndex; }
        Person person() { return person; }
        String localId() { return localId; }
        long id() { return id; }
        String idPrefix() { return idPrefix; }
        boolean patientStored() { return patientStored; }
        void markPatientStored() { patientStored = true; }

        private void stored(long databaseId) {
            this.id = databaseId;
            SplittableRandom random = new SplittableRandom(databaseId * 0x9E3779B97F4A7C15L);
            this.idPrefix = "%08x-%04x-4%03x-%x%03x-".formatted(random.nextInt() & 0xffffffffL, random.nextInt(0x10000),
                    random.nextInt(0x1000), 8 + random.nextInt(4), random.nextInt(0x1000));
        }
    }

    /** Copies the persons ({@code personIds} receives their ids), then a facility patient per facility of each. */
    static List<Source> copy(Connection connection, List<Person> persons, long[] personIds,
                             IntFunction<int[]> facilitiesOf, List<Facility> facilities, String localPrefix) throws Exception {
        PersonCopy.copy(connection, persons, personIds, 0);
        List<Source> sources = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int p = 0; p < persons.size(); p++) {
            int[] at = facilitiesOf.apply(p);
            for (int k = 0; k < at.length; k++) {
                Person person = persons.get(p);
                Source source = new Source(p, k, at[k], person, localPrefix + p + "-" + k);
                sources.add(source);
                rows.append(facilities.get(at[k]).id()).append('\t').append(source.localId()).append('\t')
                        .append(person.familyKanji()).append('\t').append(person.givenKanji()).append('\t')
                        .append(person.familyKana()).append('\t').append(person.givenKana()).append('\t')
                        .append(person.sex()).append('\t').append(person.birthDate()).append('\t')
                        .append(PersonCopy.nullable(person.postalCode())).append('\t')
                        .append(PersonCopy.nullable(person.address())).append('\t')
                        .append(PersonCopy.nullable(person.phone())).append('\n');
            }
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Source> byKey = new HashMap<>();
        sources.forEach(s -> byKey.put(facilities.get(s.facilityIndex()).id() + "|" + s.localId(), s));
        try (Statement sql = connection.createStatement()) {
            long before = max(sql);
            copy.copyIn("COPY source_patient (facility_id, local_id, family_kanji, given_kanji, family_kana, given_kana,"
                    + " sex, birth_date, postal_code, address, phone) FROM STDIN", new StringReader(rows.toString()));
            try (ResultSet stored = sql.executeQuery("SELECT id, facility_id, local_id FROM source_patient WHERE id > " + before)) {
                while (stored.next()) {
                    byKey.get(stored.getLong(2) + "|" + stored.getString(3)).stored(stored.getLong(1));
                }
            }
        }
        StringBuilder links = new StringBuilder();
        sources.forEach(s -> links.append(s.id()).append('\t').append(personIds[s.personIndex()]).append("\tMATCH_AUTO\n"));
        copy.copyIn("COPY person_link (source_patient_id, person_id, method) FROM STDIN", new StringReader(links.toString()));
        return sources;
    }

    private static long max(Statement sql) throws Exception {
        try (ResultSet max = sql.executeQuery("SELECT coalesce(max(id), 0) FROM source_patient")) {
            max.next();
            return max.getLong(1);
        }
    }
}
