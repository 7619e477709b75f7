package org.musubi.portal.labs;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Observation;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.policy.Decision;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * A person's lab results for one page view: one search through the access policy (so one audit
 * row, permit or deny), the Observations read into {@link LabResult}s, the reporting facilities
 * named, and the person as the view may show them.
 */
@Component
class LabRecords {

    /** The most results one page view reads (the newest); a record with more says so. */
    static final int LIMIT = RecordQuery.MAX_PAGE;
    private static final RecordQuery LABS = new RecordQuery("Observation", List.of(new RecordQuery.TokenCondition(
            "category", List.of(new RecordQuery.Value(null, "laboratory")))), null, null, null, true, LIMIT, 0);
    private final ReadRecords records;
    private final FhirContext fhir;
    private final Facilities facilities;
    private final IdentityStore identities;

    LabRecords(ReadRecords records, FhirContext fhir, Facilities facilities, IdentityStore identities) {
        this.records = records;
        this.fhir = fhir;
        this.facilities = facilities;
        this.identities = identities;
    }

    sealed interface Opened permits Shown, Refused {
    }

    /** @param truncated whether the record holds more lab results than one page view reads */
    record Shown(Person person, String reason, List<LabResult> results, FacilityMarks facilities, boolean truncated)
            implements Opened {
    }

    record Refused(Decision decision) implements Opened {
    }

    Opened open(long userId, Long facilityId, Purpose purpose, long personId) {
        Reader reader = new Reader(userId, facilityId, purpose);
        Interaction<ReadRecords.Everything> read = records.everything(reader, personId, LABS, ReadRecords.Includes.NONE);
        if (!read.permitted()) {
            return new Refused(read.decision());
        }
        IParser parser = fhir.newJsonParser();
        List<LabResult> results = read.value().found().resources().stream()
                .filter(r -> r.category() == DataCategory.LAB_RESULTS)
                .flatMap(r -> LabObservations.read(r.id(), parser.parseResource(Observation.class, r.json()),
                        r.sourceFacilityId()).stream())
                .toList();
        Set<Long> reporting = results.stream().map(LabResult::facilityId).collect(Collectors.toSet());
        Map<Long, String> names = reporting.stream().collect(Collectors.toMap(id -> id,
                id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id)));
        return new Shown(shown(personId, read.decision(), facilityId), read.decision().key(), results,
                FacilityMarks.of(names), read.value().found().total() > LIMIT);
    }

    /** Opened only because the user's facility sent data of its own: that facility's demographics, nothing more. */
    private Person shown(long personId, Decision decision, Long facilityId) {
        Person person = identities.person(personId).orElseThrow().person();
        if (!decision.key().equals(org.musubi.policy.Permit.OWN_FACILITY_DATA)) {
            return person;
        }
        return identities.sourcePatientsOf(personId).stream()
                .filter(s -> facilityId != null && s.facilityId() == facilityId).findFirst()
                .map(s -> new Person(person.regionalId(), s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(),
                        s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone()))
                .orElse(person);
    }
}
