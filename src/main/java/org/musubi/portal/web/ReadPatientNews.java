package org.musubi.portal.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.AuditTrail;
import org.musubi.medication.AllergyClash;
import org.musubi.medication.MedicationEntry;
import org.musubi.medication.fhir.MedicationRows;
import org.musubi.medication.fhir.Medications;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.portal.chart.ChartEntry;
import org.musubi.policy.DataCategory;
import org.musubi.policy.linked.LinkedPatient;
import org.musubi.policy.linked.ListLinkedPatients;
import org.musubi.policy.PersonView;
import org.musubi.record.Found;
import org.musubi.record.ReadRecords;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Service;

/**
 * The home page's answer per linked patient on the page shown: what arrived since the user last opened the patient's
 * record (the user's newest READ of the patient in the audit trail, one query for the page), and for a pharmacist the
 * newest dispensing and the duplicate-medication alerts. A {@link ListLinkedPatients.Glance} of the linked-patient list: each patient's
 * view is the access policy's decision now, and the list's one audit row per patient shown covers the glance (no
 * second row, no link kept alive by a home page).
 */
@Service
class ReadPatientNews {

    /** How many new records are named per patient; the count beyond is still exact. */
    static final int NAMED = 50;
    /** How far back a pharmacist's medications are read for the duplicate check (as the chart's medication box). */
    static final Duration MEDICATIONS = Duration.ofDays(400);
    private static final Set<String> MEDICATION_TYPES = Set.of("MedicationRequest", "MedicationDispense",
            "MedicationAdministration", "MedicationStatement");
    private final ReadRecords records;
    private final AuditTrail trail;
    private final ReadMedications medications;

    ReadPatientNews(ReadRecords records, AuditTrail trail, ReadMedications medications) {
        this.records = records;
        this.trail = trail;
        this.medications = medications;
    }

    /** The glance that fills {@code news} (by person id) for the patients the list shows {@code me}. */
    ListLinkedPatients.Glance into(SignedIn me, Instant now, Map<Long, PatientNews> news) {
        boolean pharmacist = Profession.PHARMACIST.name().equals(me.profession());
        return (shown, views) -> {
            Map<String, Instant> opened = trail.lastReadBy(me.userId(),
                    shown.stream().map(p -> p.person().regionalId()).toList());
            for (LinkedPatient p : shown) {
                PersonView view = views.apply(p.personId());
                Instant since = opened.get(p.person().regionalId());
                news.put(p.personId(), !view.decision().permitted() ? PatientNews.refused(view.decision().key())
                        : pharmacist ? medications(view, since, now) : changes(view, since));
            }
        };
    }

    private PatientNews changes(PersonView view, Instant since) {
        Found found = records.glance(view, new RecordQuery(null, List.of(), null, null, since, true, NAMED, 0)
                .withoutContent());
        return new PatientNews(since, found.total(), categories(found.resources()), null, null, null, null);
    }

    /**
     * A pharmacist's row: the medications of the last {@link #MEDICATIONS}, what is new among them, their checks — the
     * duplicates, and the drugs the patient's recorded allergies warn against.
     */
    private PatientNews medications(PersonView view, Instant since, Instant now) {
        Found found = records.glance(view, new RecordQuery(null, List.of(), now.minus(MEDICATIONS), null, null, true,
                RecordQuery.MAX_COUNT, 0, MEDICATION_TYPES));
        List<StoredResource> read = new java.util.ArrayList<>(found.resources());
        read.addAll(records.glance(view, new RecordQuery(null, List.of(), null, null, null, true, RecordQuery.MAX_COUNT, 0,
                Set.of("AllergyIntolerance"))).resources()); // the allergies whatever their date: the allergy alerts
        Medications checked = medications.of(read, LocalDate.ofInstant(now, ChartEntry.JAPAN));
        LocalDate dispensed = checked.rows().stream().map(MedicationRows.Row::entry)
                .filter(e -> e.kind() == MedicationEntry.Kind.DISPENSING && e.start() != null)
                .map(MedicationEntry::start).max(LocalDate::compareTo).orElse(null);
        List<StoredResource> fresh = found.resources().stream()
                .filter(r -> since == null || r.lastUpdated().isAfter(since)).toList();
        int allergies = (int) checked.alerts().stream().filter(AllergyClash.class::isInstance).count();
        return new PatientNews(since, fresh.size(), categories(fresh), dispensed, checked.alerts().size() - allergies,
                allergies, null);
    }

    private static Set<DataCategory> categories(List<StoredResource> resources) {
        Set<DataCategory> seen = EnumSet.noneOf(DataCategory.class);
        resources.forEach(r -> seen.addAll(r.categories()));
        return seen;
    }
}
