package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;

class MonthsTest {

    @Test
    void anInstantFallsInJapansMonthAndDay() {
        assertThat(Months.of(Instant.parse("2026-03-31T14:59:59Z"))).isEqualTo(YearMonth.of(2026, 3));
        assertThat(Months.of(Instant.parse("2026-03-31T15:00:00Z"))).isEqualTo(YearMonth.of(2026, 4));
        assertThat(Months.day(Instant.parse("2026-12-31T15:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void theLastYearIsTwelveMonthsEndingWithThisOneAcrossTheYearsEnd() {
        List<YearMonth> months = Months.lastYear(LocalDate.of(2026, 2, 10));
        assertThat(months).hasSize(12);
        assertThat(months.getFirst()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(months.getLast()).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void aMonthsStandingIsReadOnItsLastDayAndThisMonthsToday() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(Months.standingDay(YearMonth.of(2026, 2), today)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Months.standingDay(YearMonth.of(2026, 11), today)).isEqualTo(today);
        assertThat(Months.windowStart(today, 30)).isEqualTo(LocalDate.of(2026, 10, 28));
    }

    @Test
    void aFacilityCountsInTheMonthsItTookPartAtTheirEndByKindAndRole() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        Facility hospital = facility(1, FacilityKind.HOSPITAL, true, true);
        Facility clinic = facility(2, FacilityKind.CLINIC, false, true);
        Facility pharmacy = facility(3, FacilityKind.PHARMACY, true, false);
        Map<Long, FacilityProfile> profiles = Map.of(
                1L, profile(1, LocalDate.of(2025, 1, 1), null),
                // joined on the last day of March: counts from March
                2L, profile(2, LocalDate.of(2026, 3, 31), null),
                // left on 15 June: June's end no more
                3L, profile(3, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 15)));
        List<Figures.FacilityMonth> rows = Statistics.facilityMonths(List.of(hospital, clinic, pharmacy), profiles,
                Months.lastYear(today), today);
        Figures.FacilityMonth december = rows.getFirst();
        assertThat(december.month()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(december.total()).isEqualTo(1);
        Figures.FacilityMonth march = rows.get(3);
        assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(march.kind(FacilityKind.CLINIC)).isEqualTo(1);
        assertThat(march.both()).isEqualTo(1);
        assertThat(march.viewingOnly()).isEqualTo(1);
        assertThat(march.disclosingOnly()).isEqualTo(1);
        Figures.FacilityMonth june = rows.get(6);
        assertThat(june.month()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(june.kind(FacilityKind.PHARMACY)).isZero();
        assertThat(june.total()).isEqualTo(2);
    }

    private static Facility facility(long id, FacilityKind kind, boolean disclosing, boolean viewing) {
        return new Facility(id, "施設" + id, "シセツ", kind, null, 34, "広島県呉市", null, disclosing, viewing,
                FacilityStatus.ACTIVE);
    }

    private static FacilityProfile profile(long id, LocalDate joined, LocalDate left) {
        return new FacilityProfile(id, Optional.empty(), Optional.empty(), Set.of(AcceptedCard.REGIONAL), true, joined,
                Optional.ofNullable(left));
    }
}
