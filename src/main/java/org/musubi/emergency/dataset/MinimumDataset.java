package org.musubi.emergency.dataset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.musubi.audit.AuditAction;
import org.musubi.emergency.dataset.EmergencyDataset.Line;
import org.musubi.emergency.dataset.EmergencyDataset.Measure;
import org.musubi.emergency.dataset.EmergencyDataset.Medicine;
import org.musubi.emergency.dataset.EmergencyDataset.Visit;
import org.musubi.medication.fhir.MedicationRows;
import org.musubi.medication.fhir.Medications;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.condition.ActiveProblems;
import org.musubi.record.fhir.medication.OpenStays;
import org.musubi.record.read.PersonRecord;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a person's emergency minimum dataset in one read of the record through the access policy: one audit row
 * (audited as {@link #AUDITED_AS}, naming every resource read), refusals included. The outline picks what to read —
 * allergies, conditions, the medicines of the last 100 days, the last encounters, vital signs and laboratory results,
 * the emergency sheet — so that a record of thousands of resources reads only a screenful.
 */
public final class MinimumDataset {

    /** What the audit row names as the resource type read. */
    public static final String AUDITED_AS = "emergency-dataset";
    /**
     * How far back the medicines are read: a year's supply and its grace period (what is current is the record's one
     * reader's decision, {@code record.fhir.medication.CurrentMedication}).
     */
    static final Duration MEDICINES = Duration.ofDays(400);
    static final int ENCOUNTERS = 5;
    static final int VITALS = 8;
    static final int LABS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReadRecords records;
    private final SelfReports selfReports;
    private final ReadMedications medicationLists;
    private final Facilities facilities;
    private final Clock clock;

    public MinimumDataset(ReadRecords records, SelfReports selfReports, ReadMedications medicationLists, Facilities facilities,
                          Clock clock) {
        this.records = records;
        this.selfReports = selfReports;
        this.medicationLists = medicationLists;
        this.facilities = facilities;
        this.clock = clock;
    }

    /** The dataset as the policy lets this reader see it (its purpose: EMERGENCY for crews and ERs). */
    public Interaction<EmergencyDataset> read(Reader reader, long personId) {
        return records.readPerson(reader, PatientRef.person(personId), AuditAction.READ, AUDITED_AS,
                record -> assemble(personId, record));
    }

    /**
     * The same dataset, in one read audited as {@code auditedAs}, with the stored resources it was made from and the
     * view the policy opened the person by: for the FHIR document of the dataset ({@code Patient/$summary}).
     */
    public Interaction<SourcedDataset> readSourced(Reader reader, long personId, String auditedAs) {
        return readSourced(reader, personId, auditedAs, PersonView::decision);
    }

    /**
     * As above, when the caller named the person by something the view must also show ({@code Patient/$summary} by
     * a facility's patient ID: that facility's demographics): {@code gate} decides from the opened view; when it
     * refuses, nothing is read and the one audit row is that refusal.
     */
    public Interaction<SourcedDataset> readSourced(Reader reader, long personId, String auditedAs,
            Function<PersonView, Decision> gate) {
        return records.readPerson(reader, PatientRef.person(personId), AuditAction.READ, auditedAs, gate, record -> {
            Map<String, StoredResource> read = new LinkedHashMap<>();
            EmergencyDataset dataset = assemble(personId, new Capturing(record, read));
            return new SourcedDataset(dataset, record.view(), read);
        });
    }

    /** The record as the assembly reads it, keeping every resource whose content was read, by {@code Type/id}. */
    private record Capturing(PersonRecord record, Map<String, StoredResource> read)
            implements PersonRecord.Forwarding {

        @Override
        public PersonRecord delegate() {
            return record;
        }

        @Override
        public List<StoredResource> contents(Collection<String> ids) {
            List<StoredResource> contents = record.contents(ids);
            contents.forEach(r -> read.put(r.type() + "/" + r.id(), r));
            return contents;
        }
    }

    private EmergencyDataset assemble(long personId, PersonRecord record) {
        List<Outline> outline = record.outline();
        Instant now = clock.instant();
        Set<String> chosen = chosen(outline, now);
        outline.stream().filter(selfReports::picks).forEach(o -> chosen.add(o.id()));
        List<StoredResource> read = record.contents(chosen);
        Map<Long, String> names = new HashMap<>();
        List<Line> allergies = new ArrayList<>();
        List<StoredResource> conditions = new ArrayList<>();
        List<JsonNode> conditionJson = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        List<Measure> vitals = new ArrayList<>();
        List<Measure> labs = new ArrayList<>();
        List<JsonNode> json = new ArrayList<>(read.size());
        for (StoredResource resource : read) {
            JsonNode r = JSON.readTree(resource.json());
            json.add(r);
            if (FhirJson.enteredInError(r)) {
                continue;
            }
            String facility = names.computeIfAbsent(resource.sourceFacilityId(), this::name);
            String ref = resource.type() + "/" + resource.id();
            switch (resource.type()) {
                case "AllergyIntolerance" -> DatasetParts.allergy(r, facility, ref).ifPresent(allergies::add);
                case "Condition" -> {
                    conditions.add(resource);
                    conditionJson.add(r);
                }
                case "Encounter" -> visits.add(DatasetParts.encounter(r, facility, ref));
                case "Observation" -> (resource.category() == DataCategory.VITALS ? vitals : labs)
                        .add(DatasetParts.measure(r, facility, ref));
                default -> { }
            }
        }
        visits.sort(Comparator.comparing(Visit::at, DatasetParts.newestFirst()));
        var person = record.view().opened().orElseThrow().person();
        LocalDate today = LocalDate.ofInstant(now, FhirJson.JAPAN);
        ReadMedications.Reading reading = medicationLists.read(read, json, today);
        SelfReports.Reported reported = selfReports.of(read, allergies.stream().map(Line::title).toList(),
                reading.names());
        Medications checked = reading.checked(
                ReadMedications.reported(reported.allergies().stream().map(SelfReports.Item::name).toList()));
        var view = record.view();
        return new EmergencyDataset(personId, person,
                person.birthDate() == null ? null : Period.between(person.birthDate(), today).getYears(),
                newest(allergies, Line::at), medicines(checked, names), checked.alerts().stream()
                        .map(a -> new EmergencyDataset.Alert(a.messageKey(), a.messageArgs())).toList(),
                problems(conditions, conditionJson, names), visits.stream().limit(ENCOUNTERS).toList(),
                visits.isEmpty() ? null : visits.getFirst().facility(), latestPerName(vitals, m -> true, VITALS),
                reported.sheet(), latestPerName(labs, m -> m.flag() != null, LABS),
                new EmergencyDataset.Reported(reported.allergies(), reported.medicines()), view.hiddenCategories(),
                view.showsOwnDataOnly());
    }

    /** What to read: everything the screen shows, picked from the outline before any content is read. */
    private static Set<String> chosen(List<Outline> outline, Instant now) {
        Instant medicines = now.minus(MEDICINES);
        Set<String> ids = new LinkedHashSet<>();
        Comparator<Outline> newest = Comparator.comparing(Outline::clinicalDate, DatasetParts.newestFirst());
        outline.stream().filter(o -> o.type().equals("AllergyIntolerance") || o.type().equals("Condition")
                || o.type().equals("Flag") && o.category() == DataCategory.DEMOGRAPHICS).forEach(o -> ids.add(o.id()));
        outline.stream().filter(o -> (o.type().equals("MedicationRequest") || o.type().equals("MedicationDispense")
                || o.type().equals("MedicationStatement")) && (o.clinicalDate() == null || o.clinicalDate().isAfter(medicines)))
                .forEach(o -> ids.add(o.id()));
        ids.addAll(OpenStays.toRead(outline));
        Stream.of(new Pick("Encounter", DataCategory.ENCOUNTERS, ENCOUNTERS),
                        new Pick("Observation", DataCategory.VITALS, 60),
                        new Pick("Observation", DataCategory.LAB_RESULTS, 100))
                .forEach(p -> outline.stream().filter(p::picks).sorted(newest).limit(p.limit())
                        .forEach(o -> ids.add(o.id())));
        return ids;
    }

    /** The newest {@code limit} resources of a type and category. */
    private record Pick(String type, DataCategory category, int limit) {
        boolean picks(Outline o) {
            return o.type().equals(type) && o.category() == category;
        }
    }

    /** What the person takes now ({@link ReadMedications}: the record's one reader of current medication), newest first. */
    private static List<Medicine> medicines(Medications checked, Map<Long, String> names) {
        return checked.current().stream().map(drug -> {
            MedicationRows.Row latest = drug.newest();
            return new Medicine(drug.label(), latest.dosage(), latest.entry().start(), latest.until(),
                    names.get(latest.facilityId()), true, drug.alerted(), latest.entry().id());
        }).toList();
    }

    /** The active problems, each once ({@link ActiveProblems}), with their senders' names. */
    private static List<EmergencyDataset.Problem> problems(List<StoredResource> conditions, List<JsonNode> json,
                                                           Map<Long, String> names) {
        return ActiveProblems.of(conditions, json).stream().map(p -> new EmergencyDataset.Problem(p.title(), p.markKeys(),
                p.onset(), p.sources().stream().map(names::get).toList(), p.refs())).toList();
    }

    private static <T> List<T> newest(List<T> items, Function<T, Instant> at) {
        return items.stream().sorted(Comparator.comparing(at, DatasetParts.newestFirst())).toList();
    }

    /** The latest measurement of each name that {@code shown} keeps, newest first, at most {@code limit}. */
    private static List<Measure> latestPerName(List<Measure> measures, Predicate<Measure> shown, int limit) {
        Map<String, Measure> latest = new LinkedHashMap<>();
        newest(measures, Measure::at).forEach(m -> latest.putIfAbsent(m.name(), m));
        return latest.values().stream().filter(shown).limit(limit).toList();
    }

    private String name(long facilityId) {
        return facilities.find(facilityId).map(Facility::nameKanji).orElse("#" + facilityId);
    }
}
