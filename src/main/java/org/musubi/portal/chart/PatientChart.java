package org.musubi.portal.chart;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.policy.Interaction;
import org.musubi.policy.Permit;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.ResourceStore;
import org.musubi.record.StoredResource;
import org.musubi.security.SignedIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a patient's chart for the viewer: one read of the person's record through the access
 * policy (so one audit row per page view, naming everything shown), turned into the header and
 * the entries every tab draws from.
 */
public final class PatientChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RecordQuery EVERYTHING = new RecordQuery(null, List.of(), null, null, null, true,
            RecordQuery.MAX_PAGE, 0);
    private final ReadRecords records;
    private final IdentityStore identities;
    private final Consents consents;
    private final MedicationReview medications;
    private final Clock clock;

    public PatientChart(ReadRecords records, IdentityStore identities, Consents consents, MedicationReview medications,
                        Clock clock) {
        this.records = records;
        this.identities = identities;
        this.consents = consents;
        this.medications = medications;
        this.clock = clock;
    }

    /** The chart as the policy lets this user see it, or the reason it may not. */
    public sealed interface Opened permits Chart, Refused {
    }

    /**
     * @param resources   the stored resources shown, newest first, for pages that read more of them
     * @param medications the prescriptions and dispensings, checked for duplicates (alerts also in the header)
     */
    public record Chart(PatientHeader header, List<ChartEntry> entries, List<StoredResource> resources,
                        Medications medications) implements Opened {
    }

    public record Refused(String reasonKey) implements Opened {
    }

    public Opened open(SignedIn me, long personId, Purpose purpose, String page) {
        Reader reader = new Reader(me.userId(), me.facilityId(), purpose);
        Interaction<List<ResourceStore.Found>> read = records.searchAll(reader, personId, List.of(EVERYTHING), AuditAction.READ, page);
        if (!read.permitted()) {
            return new Refused(read.decision().key());
        }
        List<StoredResource> resources = read.value().getFirst().resources();
        List<ChartEntry> entries = new ArrayList<>(resources.size());
        List<JsonNode> json = new ArrayList<>(resources.size());
        for (StoredResource resource : resources) {
            JsonNode node = resource.deleted() ? null : JSON.readTree(resource.json());
            json.add(node);
            if (node != null) {
                ChartEntries.of(resource, node).ifPresent(entries::add);
            }
        }
        Medications checked = medications.review(resources, json);
        return new Chart(header(me, personId, read.decision().key(), entries, checked), entries, resources, checked);
    }

    private PatientHeader header(SignedIn me, long personId, String permit, List<ChartEntry> entries,
                                 Medications checked) {
        Person person = shown(identities.person(personId).orElseThrow().person(), permit, me, personId);
        LocalDate today = LocalDate.now(clock.withZone(ChartEntry.JAPAN));
        Integer age = person.birthDate() == null ? null : Period.between(person.birthDate(), today).getYears();
        Set<String> allergies = new LinkedHashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        for (ChartEntry e : entries) {
            if (e.active() && e.title() != null && e.kind() == TimelineKind.ALLERGY) {
                allergies.add(e.title());
            } else if (e.active() && e.title() != null && e.kind() == TimelineKind.DIAGNOSIS) {
                problems.add(e.title());
            }
        }
        Instant until = !permit.equals(Permit.EMERGENCY_ACCESS) ? null : consents.emergencies(personId).stream()
                .filter(a -> a.userId() == me.userId() && a.openAt(Instant.now(clock)))
                .map(EmergencyAccess::expiresAt).max(Instant::compareTo).orElse(null);
        return new PatientHeader(personId, person, age, List.copyOf(allergies), List.copyOf(problems), checked.alerts(),
                permit, until);
    }

    /** Opened only through the user's own facility's data: the demographics that facility sent, nothing more. */
    private Person shown(Person person, String permit, SignedIn me, long personId) {
        if (!permit.equals(Permit.OWN_FACILITY_DATA)) {
            return person;
        }
        return identities.sourcePatientsOf(personId).stream()
                .filter(s -> me.facilityId() != null && s.facilityId() == me.facilityId()).findFirst()
                .map(s -> new Person(person.regionalId(), s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(),
                        s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone()))
                .orElse(person);
    }
}
