package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.Outline;
import org.musubi.record.StoredResource;
import org.musubi.record.store.ResourceStore;

class TimelineTest {

    /** The record's outline of these entries, as the store gives it (newest clinical date first). */
    private static List<Outline> outline(List<ChartEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(ChartEntry::at,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .map(e -> new Outline(1, e.resourceId(), e.resourceType(), e.facilityId(),
                        e.kind() == TimelineKind.LAB ? DataCategory.LAB_RESULTS : DataCategory.DIAGNOSES, e.at()))
                .toList();
    }

    /** The timeline as the viewer builds it: a page chosen from the outline, then its entries. */
    private static Timeline timeline(List<ChartEntry> entries, TimelineFilter filter) {
        TimelinePage page = TimelinePage.of(outline(entries), filter);
        return Timeline.of(entries.stream().filter(e -> page.ids().contains(e.resourceId())).toList(), filter, page);
    }

    private static StoredResource stored(String type, String id, long facility, String json) {
        return new StoredResource(1, id, type, 1, facility, DataCategory.LAB_RESULTS, Instant.now(), false, json);
    }

    private static ChartEntry entry(String type, String id, long facility, String json) {
        Optional<ChartEntry> entry = ChartEntries.of(stored(type, id, facility, json));
        assertThat(entry).as(id).isPresent();
        return entry.get();
    }

    private static ChartEntry lab(String id, long facility, String when, String name, double value, String flag) {
        return entry("Observation", id, facility, """
                {"resourceType":"Observation","status":"final","category":[{"coding":[{"code":"laboratory"}]}],
                 "code":{"coding":[{"code":"x","display":"%s"}]},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"mg/dl"}%s}""".formatted(name, when, value,
                flag == null ? "" : ",\"interpretation\":[{\"coding\":[{\"code\":\"" + flag + "\"}]}]"));
    }

    private static ChartEntry diagnosis(String id, long facility, String onset) {
        return entry("Condition", id, facility, """
                {"resourceType":"Condition","code":{"text":"高血圧症"},"onsetDateTime":"%s",
                 "clinicalStatus":{"coding":[{"code":"active"}]}}""".formatted(onset));
    }

    @Test
    void aDaysLabResultsFromOneFacilityAreOnePanelWithEachValueAndFlag() {
        List<ChartEntry> entries = List.of(lab("a", 1, "2024-05-01T09:00:00+09:00", "HbA1c", 8.1, "H"),
                lab("b", 1, "2024-05-01T09:00:00+09:00", "LDL", 120, null),
                lab("c", 2, "2024-05-01T10:00:00+09:00", "HbA1c", 7.9, "H"));

        Timeline timeline = timeline(entries, TimelineFilter.ALL);

        assertThat(timeline.days()).hasSize(1);
        List<ChartEntry> day = timeline.days().getFirst().entries();
        assertThat(day).hasSize(2).allMatch(e -> e.kind() == TimelineKind.LAB);
        ChartEntry panel = day.stream().filter(e -> e.facilityId() == 1).findFirst().orElseThrow();
        assertThat(panel.title()).isEqualTo("HbA1c 8.1 mg/dl, LDL 120.0 mg/dl");
        assertThat(panel.more()).isZero();
        assertThat(panel.details()).extracting(ChartEntry.Detail::value)
                .containsExactlyInAnyOrder("HbA1c: 8.1 mg/dl", "LDL: 120.0 mg/dl");
        assertThat(panel.details()).filteredOn(d -> "H".equals(d.flag())).singleElement()
                .extracting(ChartEntry.Detail::value).isEqualTo("HbA1c: 8.1 mg/dl");
        assertThat(timeline.facilities()).containsEntry(1L, 1).containsEntry(2L, 1);
    }

    @Test
    void aPanelsTitleNamesItsFirstThreeResultsAndCountsTheRest() {
        List<ChartEntry> entries = List.of(lab("a", 1, "2024-05-01T09:00:00+09:00", "HbA1c", 7.2, "H"),
                lab("b", 1, "2024-05-01T09:00:00+09:00", "血糖", 130, null),
                lab("c", 1, "2024-05-01T09:00:00+09:00", "LDL", 120, null),
                lab("d", 1, "2024-05-01T09:00:00+09:00", "HDL", 50, null),
                lab("e", 1, "2024-05-01T09:00:00+09:00", "TG", 150, null));

        ChartEntry panel = timeline(entries, TimelineFilter.ALL).days().getFirst().entries().getFirst();

        assertThat(panel.title()).isEqualTo("HbA1c 7.2 mg/dl, 血糖 130.0 mg/dl, LDL 120.0 mg/dl");
        assertThat(panel.more()).isEqualTo(2);
        assertThat(panel.details()).hasSize(5);
    }

    @Test
    void entriesAreNewestFirstByDayInJapanAndFilteredByFacilityKindAndPeriod() {
        List<ChartEntry> entries = List.of(diagnosis("d1", 1, "2024-03-01"),
                lab("l1", 2, "2024-04-30T16:00:00Z", "CRP", 0.3, null), diagnosis("d2", 2, "2023-12-31"));

        Timeline all = timeline(entries, TimelineFilter.ALL);
        Timeline facility = timeline(entries, new TimelineFilter(Set.of(2L), Set.of(), null, null, 0));
        Timeline diagnoses = timeline(entries, new TimelineFilter(Set.of(), Set.of(TimelineKind.DIAGNOSIS), null, null, 0));
        Timeline march = timeline(entries, new TimelineFilter(Set.of(), Set.of(),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), 0));

        assertThat(all.days()).extracting(Timeline.Day::day).containsExactly(LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 3, 1), LocalDate.of(2023, 12, 31));
        assertThat(facility.days()).flatExtracting(Timeline.Day::entries).extracting(ChartEntry::resourceId)
                .containsExactly("l1", "d2");
        assertThat(diagnoses.days()).flatExtracting(Timeline.Day::entries).extracting(ChartEntry::resourceId)
                .containsExactly("d1", "d2");
        assertThat(march.days()).flatExtracting(Timeline.Day::entries).extracting(ChartEntry::resourceId)
                .containsExactly("d1");
        assertThat(march.kinds()).as("the filter's counts are of everything").containsEntry(TimelineKind.DIAGNOSIS, 2);
    }

    @Test
    void pagesEndOnWholeDays() {
        List<ChartEntry> entries = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            for (int i = 0; i < 2; i++) {
                entries.add(diagnosis("d" + day + "-" + i, 1, LocalDate.of(2020, 1, 1).plusDays(day).toString()));
            }
        }

        Timeline first = timeline(entries, TimelineFilter.ALL);
        Timeline second = timeline(entries, new TimelineFilter(Set.of(), Set.of(), null, null, 1));

        assertThat(first.shown()).isEqualTo(Timeline.PAGE_SIZE);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.shown()).isEqualTo(200 - Timeline.PAGE_SIZE);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.days().getFirst().day()).isEqualTo(first.days().getLast().day().minusDays(1));
        assertThat(first.matching()).isEqualTo(200);
    }

    @Test
    void enteredInErrorAndNonEventResourcesAreNotShown() {
        assertThat(ChartEntries.of(stored("Observation", "e", 1, """
                {"resourceType":"Observation","status":"entered-in-error","code":{"text":"x"}}"""))).isEmpty();
        assertThat(ChartEntries.of(stored("Patient", "p", 1, "{\"resourceType\":\"Patient\"}"))).isEmpty();
        assertThat(ChartEntries.of(stored("Medication", "m", 1, "{\"resourceType\":\"Medication\"}"))).isEmpty();
    }
}
