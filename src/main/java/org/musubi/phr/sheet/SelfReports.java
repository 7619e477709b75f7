package org.musubi.phr.sheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.phr.otc.OtcEntry;
import org.musubi.phr.otc.OtcRecords;
import org.musubi.policy.DataCategory;
import org.musubi.record.Outline;
import org.musubi.record.StoredResource;
import org.musubi.text.PlainText;

/**
 * What the person reported themself in the health notebook, for the clinical boxes that list it beside the
 * facilities' records marked 本人記入 (self-reported) — so that a box never says "none" while the resident wrote
 * something there (issue 38): the allergies and medicines written on the emergency sheet (命の宝箱; one taken over from
 * the facilities' records only when the box does not already list that record) and the OTC drugs and supplements. Read from the
 * resources a page reads anyway ({@link #picks} chooses them from the outline, so no page reads twice), and only as far
 * as the reader may see them: the policy filters that read.
 */
public final class SelfReports {

    private final SheetRecords sheets;
    private final OtcRecords otc;
    /**
     * The notebook facility's id, once read: the facility is made by migration V31 and its id never changes, so a page
     * does not ask the registry for it again (RequestRoundTripsIT); 0 until read.
     */
    private volatile long notebook;

    public SelfReports(SheetRecords sheets, OtcRecords otc) {
        this.sheets = sheets;
        this.otc = otc;
    }

    /** Where a self-reported fact was written, labelled {@code selfReported.source.<name>}. */
    public enum Source {
        SHEET, OTC
    }

    /**
     * One self-reported fact.
     *
     * @param detail the reaction of an allergy, how a medicine is taken; {@code null} when not written
     */
    public record Item(String name, String detail, Source source) {
    }

    /**
     * What the person reported, among the resources a page read.
     *
     * @param sheet         the emergency sheet's current version, when read
     * @param otc           the OTC drugs and supplements, newest first
     * @param allergies     the allergies on the sheet
     * @param medicines     the medicines taken now: on the sheet, and the OTC entries still taken (each name once: an
     *                      OTC drug also written on the sheet is listed as the sheet writes it)
     * @param pastMedicines the OTC entries no longer taken
     */
    public record Reported(Optional<SheetVersion> sheet, List<OtcEntry> otc, List<Item> allergies,
                           List<Item> medicines, List<Item> pastMedicines) {
        public Reported {
            otc = List.copyOf(otc);
            allergies = List.copyOf(allergies);
            medicines = List.copyOf(medicines);
            pastMedicines = List.copyOf(pastMedicines);
        }
    }

    /** Whether an outline entry is one the person reported: the notebook's emergency sheet or an OTC entry. */
    public boolean picks(Outline outline) {
        long phr = notebook();
        return OtcRecords.selfEntered(outline, phr) || sheet(outline.sourceFacilityId(), phr, outline.type(),
                outline.category());
    }

    /**
     * What the person reported among {@code read} (anything else is left out), beside the allergies and medicines the
     * page lists from the records by name ({@code recordedAllergies}, {@code recordedMedicines}): what the sheet took
     * over from the records is left out where the page lists that record itself, and kept where it does not (the
     * record since ended, or not the reader's to see), since the sheet still says it.
     */
    public Reported of(List<StoredResource> read, Collection<String> recordedAllergies,
                       Collection<String> recordedMedicines) {
        long phr = notebook();
        Optional<SheetVersion> sheet = read.stream().filter(r -> !r.deleted()
                        && sheet(r.sourceFacilityId(), phr, r.type(), r.category()))
                .findFirst().map(sheets::version);
        List<OtcEntry> entries = otc.entries(read, phr);
        List<Item> allergies = new ArrayList<>();
        List<Item> medicines = new ArrayList<>();
        List<Item> past = new ArrayList<>();
        sheet.ifPresent(v -> {
            v.sheet().allergies().stream().filter(a -> !a.fromRecord() || !recordedAllergies.contains(a.substance()))
                    .forEach(a -> allergies.add(new Item(a.substance(), a.reaction(), Source.SHEET)));
            v.sheet().medicines().stream().filter(m -> !m.fromRecord() || !recordedMedicines.contains(m.name()))
                    .forEach(m -> medicines.add(new Item(m.name(), m.dose(), Source.SHEET)));
        });
        var today = otc.today();
        Set<String> listed = new HashSet<>();
        medicines.forEach(m -> listed.add(PlainText.of(m.name())));
        for (OtcEntry e : entries) {
            if (!e.current(today)) {
                past.add(new Item(e.name(), e.dose(), Source.OTC));
            } else if (listed.add(PlainText.of(e.name()))) {
                medicines.add(new Item(e.name(), e.dose(), Source.OTC)); // once, when the sheet does not list it already
            }
        }
        return new Reported(sheet, entries, allergies, medicines, past);
    }

    private long notebook() {
        long id = notebook;
        if (id == 0) {
            id = sheets.item().sourceFacilityId();
            notebook = id;
        }
        return id;
    }

    private static boolean sheet(long facility, long notebook, String type, DataCategory category) {
        return facility == notebook && type.equals("QuestionnaireResponse") && category == DataCategory.EMERGENCY_SHEET;
    }
}
