package org.musubi.record.release;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.store.ResourceStore;
import org.musubi.record.store.ResourceStore.ReleasedPerson;

/**
 * The cohort as the pipeline reads it, twice, in the same order: {@value #CHUNK} persons per read of the store. Each
 * person is a {@link ReleasedRecords} keyed {@code person-<id>} (the key of their date shift) holding first a Patient made
 * here from the person's birth date, sex and registered address cut to prefecture and municipality
 * ({@link ReleasedPatient}) — the facilities' own Patient resources, with names, identifiers and contacts, are never
 * read — then their resources, where every reference to one of their facilities' Patients (by id, or conditional by
 * the facility's patient ID: {@code Patient?identifier=<system>|<local id>}, as systems send them and the store keeps
 * them) now names that Patient, so that after hashing every resource of a person points to the person's one Patient.
 * A reference the release cannot tie to the person is hashed whole by the pipeline.
 */
public final class CohortSource implements CohortSink.Cohort {

    /** Persons per read of the store. */
    public static final int CHUNK = 500;

    private final ResourceStore store;
    private final List<Long> personIds;
    private final Set<DataCategory> categories;
    private final Instant from;
    private final Instant to;

    public CohortSource(ResourceStore store, List<Long> personIds, Set<DataCategory> categories, Instant from,
                        Instant to) {
        this.store = store;
        this.personIds = List.copyOf(personIds);
        this.categories = Set.copyOf(categories);
        this.from = from;
        this.to = to;
    }

    @Override
    public void each(Consumer<ReleasedRecords> person) throws IOException {
        for (int start = 0; start < personIds.size(); start += CHUNK) {
            List<Long> chunk = personIds.subList(start, Math.min(personIds.size(), start + CHUNK));
            for (ReleasedPerson p : store.released(chunk, categories, from, to)) {
                person.accept(records(p));
            }
        }
    }

    /** A conditional reference to the patient of this local ID, whatever identifier system it names. */
    private static Pattern conditional(String localId) {
        return Pattern.compile("\"Patient\\?identifier=[^\"|]*\\|" + Pattern.quote(localId) + "\"");
    }

    /** The person's key: their date shift's and their Patient's id. */
    public static String key(long personId) {
        return "person-" + personId;
    }

    static ReleasedRecords records(ReleasedPerson p) {
        String key = key(p.personId());
        List<String> json = new ArrayList<>(p.resources().size() + 1);
        List<String> categories = new ArrayList<>(p.resources().size() + 1);
        json.add(ReleasedPatient.json(key, p.birthDate(), p.sex(), p.address()));
        categories.add(null);
        List<Pattern> conditionals = p.localIds().stream().map(CohortSource::conditional).toList();
        for (StoredResource r : p.resources()) {
            String content = r.json();
            for (String patientId : p.patientResourceIds()) {
                content = content.replace("Patient/" + patientId + "\"", "Patient/" + key + "\"");
            }
            if (content.contains("Patient?identifier=")) {
                for (Pattern conditional : conditionals) {
                    content = conditional.matcher(content).replaceAll("\"Patient/" + key + "\"");
                }
            }
            json.add(content);
            categories.add(r.category() == null ? null : r.category().name());
        }
        return new ReleasedRecords(key, json, categories);
    }
}
