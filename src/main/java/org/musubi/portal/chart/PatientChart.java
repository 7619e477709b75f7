package org.musubi.portal.chart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.Person;
import org.musubi.medication.fhir.Medications;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonView;
import org.musubi.record.Outline;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.condition.ActiveProblems;
import org.musubi.record.fhir.medication.OpenStays;
import org.musubi.record.read.PersonRecord;
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
    /** How far back the header's duplicate-medication alerts look (the medication tab looks at everything). */
    private static final Duration RECENT_MEDICATIONS = Duration.ofDays(400);
    private final ReadRecords records;
    private final Consents consents;
    private final ReadMedications medications;
    private final SelfReports selfReports;
    private final Clock clock;

    public PatientChart(ReadRecords records, Consents consents, ReadMedications medications, SelfReports selfReports,
                        Clock clock) {
        this.records = records;
        this.consents = consents;
        this.medications = medications;
        this.selfReports = selfReports;
        this.clock = clock;
    }

    /** The chart as the policy lets this user see it, or the reason it may not. */
    public sealed interface Opened permits Chart, Refused {
    }

    /**
     * @param resources   the stored resources shown, newest first, for pages that read more of them
     * @param medications the prescriptions and dispensings, checked for duplicates (alerts also in the header)
     * @param reported    what the person reported in the health notebook (the emergency sheet, OTC entries), as far
     *                    as the reader may see it: listed beside the records, marked 本人記入
     */
    public record Chart(PatientHeader header, List<ChartEntry> entries, List<StoredResource> resources,
                        Medications medications, SelfReports.Reported reported) implements Opened {
    }

    public record Refused(String reasonKey) implements Opened {
    }

    /** What a page shows besides the header: chosen from the record's outline before any content is read. */
    public interface Selection {

        /** The resources (ids) the page shows. */
        Collection<String> select(List<Outline> outline);

        /** Whether the page lists every medication (otherwise those of the last year, for the header's alerts). */
        default boolean allMedications() {
            return false;
        }
    }

    /**
     * Opens the chart: one interaction with the policy (one audit row naming what was read), reading
     * the record's outline, then the content of the header's resources (allergies, diagnoses, the
     * medications the duplicate checks need, what the person reported in the health notebook) and of what
     * {@code selection} picks.
     */
    public Opened open(SignedIn me, long personId, Purpose purpose, String page, Selection selection) {
        return open(me, String.valueOf(personId), purpose, page, selection);
    }

    /** {@link #open(SignedIn, long, Purpose, String, Selection)} of the patient a page's key names ({@link ChartKey}). */
    public Opened open(SignedIn me, String key, Purpose purpose, String page, Selection selection) {
        Reader reader = new Reader(me.userId(), me.facilityId(), purpose);
        Interaction<Chart> read = records.readPerson(reader, ChartKey.of(key), AuditAction.READ, page,
                record -> chart(me, key, record, selection));
        return read.permitted() ? read.value() : new Refused(read.decision().key());
    }

    private Chart chart(SignedIn me, String key, PersonRecord record, Selection selection) {
        List<Outline> outline = record.outline();
        Set<String> ids = new LinkedHashSet<>(selection.select(outline));
        Instant recent = Instant.now(clock).minus(RECENT_MEDICATIONS);
        ids.addAll(OpenStays.toRead(outline));
        for (Outline o : outline) {
            boolean medication = o.type().equals("MedicationRequest") || o.type().equals("MedicationDispense")
                    || o.type().equals("MedicationStatement");
            if (o.type().equals("AllergyIntolerance") || o.type().equals("Condition") || selfReports.picks(o) || (medication
                    && (selection.allMedications() || o.clinicalDate() == null || o.clinicalDate().isAfter(recent)))) {
                ids.add(o.id());
            }
        }
        List<StoredResource> resources = record.contents(ids);
        List<ChartEntry> entries = new ArrayList<>(resources.size());
        List<JsonNode> json = new ArrayList<>(resources.size());
        for (StoredResource resource : resources) {
            JsonNode node = JSON.readTree(resource.json());
            json.add(node);
            ChartEntries.of(resource, node).ifPresent(entries::add);
        }
        ReadMedications.Reading read = medications.read(resources, json, LocalDate.now(clock.withZone(ChartEntry.JAPAN)));
        SelfReports.Reported reported = selfReports.of(resources, entries.stream()
                        .filter(e -> e.active() && e.title() != null && e.kind() == TimelineKind.ALLERGY)
                        .map(ChartEntry::title).toList(), read.names());
        Medications checked = read.checked(
                ReadMedications.reported(reported.allergies().stream().map(SelfReports.Item::name).toList()));
        return new Chart(header(me, key, record.view(), entries, resources, json, checked, reported), entries, resources,
                checked, reported);
    }

    /**
     * The kinds of data this view never shows, whatever the record holds (the profession's matrix, or the
     * emergency minimum): the page says they are hidden rather than that there are none. Administrative data
     * (claims, coverage) is left out of the note: the clinical viewer shows it to nobody, so that a doctor cannot see
     * it tells nothing.
     */
    static Set<DataCategory> hidden(PersonView view) {
        Set<DataCategory> hidden = view.hiddenCategories();
        hidden.remove(DataCategory.ADMINISTRATIVE);
        return hidden;
    }

    private PatientHeader header(SignedIn me, String key, PersonView view, List<ChartEntry> entries,
                                 List<StoredResource> resources, List<JsonNode> json, Medications checked,
                                 SelfReports.Reported reported) {
        String permit = view.decision().key();
        ShownPatient person = shown(view, me);
        LocalDate today = LocalDate.now(clock.withZone(ChartEntry.JAPAN));
        Integer age = person.birthDate() == null ? null : Period.between(person.birthDate(), today).getYears();
        Set<String> allergies = new LinkedHashSet<>();
        for (ChartEntry e : entries) {
            if (e.active() && e.title() != null && e.kind() == TimelineKind.ALLERGY) {
                allergies.add(e.title());
            }
        }
        List<PatientHeader.Problem> problems = ActiveProblems.of(resources, json).stream()
                .map(p -> new PatientHeader.Problem(p.title(), p.markKeys(),
                        p.sources().stream().map(medications::facilityName).toList())).toList();
        Instant until = !permit.equals(Permit.EMERGENCY_ACCESS) ? null
                : consents.emergencies(view.opened().orElseThrow().id()).stream()
                .filter(a -> a.userId() == me.userId() && a.openAt(Instant.now(clock)))
                .map(EmergencyAccess::expiresAt).max(Instant::compareTo).orElse(null);
        return new PatientHeader(key, person, age, List.copyOf(allergies), reported.allergies(), problems,
                checked.alerts(), permit, until, hidden(view), view.showsOwnDataOnly(),
                view.actAsHolder().permitted() && me.facilityId() != null);
    }

    /**
     * Who the patient is, as this user may be shown: opened only through the user's own facility's data (its own data
     * only, or its own records), the demographics that facility sent, nothing more — and without the regional ID when
     * the facility has no standing for the person (its own patient only: an automatic match tells it nothing). With
     * standing, the kana is the person's registered one (one spelling of a person's kana everywhere).
     */
    private static ShownPatient shown(PersonView view, SignedIn me) {
        if (view.ownPatient().isPresent()) {
            return ShownPatient.of(view.ownPatient().orElseThrow(), null);
        }
        Person person = view.opened().orElseThrow().person();
        String permit = view.decision().key();
        if (!permit.equals(Permit.OWN_FACILITY_DATA) && !permit.equals(Permit.OWN_SOURCE_DATA)) {
            return ShownPatient.of(person);
        }
        return view.sources().stream()
                .filter(s -> me.facilityId() != null && s.facilityId() == me.facilityId()).findFirst()
                .map(s -> ShownPatient.registered(s, person)).orElse(ShownPatient.of(person));
    }
}
