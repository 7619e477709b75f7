package org.musubi.phr.otc;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.PersonView;
import org.musubi.record.Outline;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceLookup;
import org.musubi.record.StoredResource;
import org.musubi.record.read.PersonRecord;

/**
 * Self-entered OTC drugs and supplements in the record store: the notebook facility's MedicationStatements of a
 * person's record (policy category MEDICATIONS, as every MedicationStatement), found, read and decided on ({@link
 * OtcWrites} writes them).
 */
public final class OtcRecords {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String TYPE = "MedicationStatement";
    /** The most entries a page shows (the newest first). */
    static final int MAX_SHOWN = 500;
    private final FhirContext context;
    private final PhrSources sources;
    private final ResourceLookup lookup;
    private final Clock clock;

    public OtcRecords(FhirContext context, PhrSources sources, ResourceLookup lookup, Clock clock) {
        this.context = context;
        this.sources = sources;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The item the policy judges for the entries: the notebook's facility, MEDICATIONS. */
    public DataItem item() {
        return new DataItem(sources.facility().id(), DataCategory.MEDICATIONS);
    }

    /** Today in Japan. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    /** Whether an outline entry is a self-entered medicine: a MedicationStatement of the notebook's facility. */
    public static boolean selfEntered(Outline outline, long notebookFacility) {
        return outline.type().equals(TYPE) && outline.sourceFacilityId() == notebookFacility;
    }

    /** The entries of a record being read, newest start first. */
    public List<OtcEntry> entries(PersonRecord record) {
        long notebook = sources.facility().id();
        List<String> ids = record.outline().stream().filter(o -> selfEntered(o, notebook)).map(Outline::id)
                .limit(MAX_SHOWN).toList();
        return ids.isEmpty() ? List.of() : entries(record.contents(ids), notebook);
    }

    /** The self-entered entries among resources read (others are left out), newest start first. */
    public List<OtcEntry> entries(List<StoredResource> resources, long notebookFacility) {
        return resources.stream().filter(r -> r.type().equals(TYPE) && r.sourceFacilityId() == notebookFacility
                        && !r.deleted())
                .map(r -> OtcFhir.entry(r.id(), statement(r))).sorted(Comparator.comparing(OtcEntry::since,
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(OtcEntry::name,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** One entry of a record being read, by id. */
    public Optional<OtcEntry> entry(PersonRecord record, String id) {
        return entries(record.contents(List.of(id)), sources.facility().id()).stream().findFirst();
    }

    /** A stored MedicationStatement, parsed. */
    public MedicationStatement statement(StoredResource stored) {
        return context.newJsonParser().parseResource(MedicationStatement.class, stored.json());
    }

    /**
     * The decision for reading or changing entry {@code id} in the view's record: the view's, when the entry is one of
     * this person's self-entered medicines and the reader sees them; otherwise not found (an entry of someone else's
     * answers like one that does not exist).
     */
    public Decision owned(PersonView view, String id) {
        Decision seen = view.decide(item());
        if (!seen.permitted()) {
            return seen;
        }
        long notebook = sources.facility().id();
        boolean ours = id != null && id.length() <= 64 && lookup.locate(TYPE, id).filter(l -> !l.deleted()
                && l.sourceFacilityId() == notebook && view.sources().stream().anyMatch(s -> s.id() == l.patientKey()))
                .isPresent();
        return ours ? view.decision() : new Deny(ReadRecords.NOT_FOUND);
    }

    /** The decision for a new entry: the view's, when the reader sees the notebook's medicines. */
    public Decision mayAdd(PersonView view) {
        Decision seen = view.decide(item());
        return seen.permitted() ? view.decision() : seen;
    }
}
