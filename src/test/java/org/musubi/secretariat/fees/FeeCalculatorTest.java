package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A facility's monthly fee: bands, flat kinds, free kinds, roles, and the months it started or left. */
class FeeCalculatorTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11); // 30 days

    private static FeeRules rules(FeeRules.PartMonth join, FeeRules.PartMonth leave) {
        return rules(join, leave, 50);
    }

    private static FeeRules rules(FeeRules.PartMonth join, FeeRules.PartMonth leave, int viewingShare) {
        return new FeeRules(YearMonth.of(2026, 4), Map.of(FacilityKind.CLINIC, 5_000L, FacilityKind.PHARMACY, 3_000L,
                FacilityKind.HOSPITAL, 12_345L, FacilityKind.CARE_FACILITY, 9_999L),
                List.of(new FeeRules.Band(400, 80_000), new FeeRules.Band(0, 20_000), new FeeRules.Band(100, 30_000),
                        new FeeRules.Band(200, 50_000)),
                Set.of(FacilityKind.CARE_FACILITY, FacilityKind.MUNICIPALITY), 2_000, viewingShare, join, leave);
    }

    private static final FeeRules RULES = rules(FeeRules.PartMonth.PRO_RATA, FeeRules.PartMonth.FREE);

    private static Facility facility(FacilityKind kind, boolean disclosing, boolean viewing) {
        return new Facility(7, "施設", "シセツ", kind, null, 34, "呉市", null, disclosing, viewing, FacilityStatus.ACTIVE);
    }

    private static FacilityProfile profile(Integer beds, LocalDate joined, LocalDate left) {
        return new FacilityProfile(7, Optional.empty(), Optional.ofNullable(beds), Set.of(AcceptedCard.REGIONAL), true,
                joined, Optional.ofNullable(left));
    }

    private static FeeCalculator.Fee fee(FeeRules rules, Facility facility, FacilityProfile profile) {
        return FeeCalculator.fee(rules, facility, profile, NOVEMBER);
    }

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    @Test
    void hospitalsPayTheirBedBand() {
        Facility viewer = facility(FacilityKind.HOSPITAL, false, true);
        FeeRules full = rules(FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL, 100);
        assertThat(fee(full, viewer, profile(99, LONG_AGO, null)).amount()).isEqualTo(20_000);
        assertThat(fee(full, viewer, profile(100, LONG_AGO, null)).amount()).isEqualTo(30_000);
        assertThat(fee(full, viewer, profile(199, LONG_AGO, null)).amount()).isEqualTo(30_000);
        assertThat(fee(full, viewer, profile(200, LONG_AGO, null)).amount()).isEqualTo(50_000);
        assertThat(fee(full, viewer, profile(399, LONG_AGO, null)).amount()).isEqualTo(50_000);
        assertThat(fee(full, viewer, profile(400, LONG_AGO, null)).amount()).isEqualTo(80_000);
        assertThat(fee(full, viewer, profile(1_200, LONG_AGO, null)).amount()).isEqualTo(80_000);
        FeeCalculator.Fee band = fee(full, viewer, profile(250, LONG_AGO, null));
        assertThat(band.lines()).extracting(InvoiceLine::code).containsExactly("BASE-HOSPITAL-200");
        assertThat(band.lines().getFirst().item()).contains("200〜399床").contains("2026年11月分");
        assertThat(fee(full, viewer, profile(400, LONG_AGO, null)).lines().getFirst().item()).contains("400床以上");
    }

    @Test
    void aHospitalWithoutBedsPaysTheLowestBandAndWithoutBandsTheFlatFee() {
        Facility viewer = facility(FacilityKind.HOSPITAL, false, true);
        FeeRules full = rules(FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL, 100);
        FeeCalculator.Fee unknown = fee(full, viewer, profile(null, LONG_AGO, null));
        assertThat(unknown.amount()).isEqualTo(20_000);
        assertThat(unknown.lines().getFirst().item()).contains("病床数未登録");
        FeeRules noBands = new FeeRules(full.effectiveFrom(), full.monthly(), List.of(), full.freeKinds(), 0, 100,
                FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL);
        assertThat(fee(noBands, viewer, profile(300, LONG_AGO, null)).lines())
                .containsExactly(new InvoiceLine("BASE-HOSPITAL", "参加費（病院）2026年11月分", 12_345, 10));
    }

    @Test
    void rolesAddTheDisclosingSurchargeAndHalveAViewingOnlyFee() {
        FacilityProfile always = profile(0, LONG_AGO, null);
        assertThat(fee(RULES, facility(FacilityKind.CLINIC, true, true), always).lines()).extracting(InvoiceLine::code,
                InvoiceLine::amount).containsExactly(org.assertj.core.groups.Tuple.tuple("BASE-CLINIC", 5_000L),
                org.assertj.core.groups.Tuple.tuple("DISCLOSING", 2_000L));
        FeeCalculator.Fee viewingOnly = fee(RULES, facility(FacilityKind.CLINIC, false, true), always);
        assertThat(viewingOnly.amount()).isEqualTo(2_500);
        assertThat(viewingOnly.lines().getFirst().item()).contains("参照のみ 50%");
        assertThat(fee(RULES, facility(FacilityKind.CLINIC, true, false), always).amount()).as("disclosing only")
                .isEqualTo(7_000);
    }

    @Test
    void freeKindsPayNothingWhateverTheirAmount() {
        FeeCalculator.Fee care = fee(RULES, facility(FacilityKind.CARE_FACILITY, true, true), profile(null, LONG_AGO, null));
        assertThat(care.lines()).isEmpty();
        assertThat(care.free()).hasValue(FeeCalculator.Free.FREE_KIND);
        assertThat(fee(RULES, facility(FacilityKind.MUNICIPALITY, false, true), profile(null, LONG_AGO, null)).free())
                .hasValue(FeeCalculator.Free.FREE_KIND);
        assertThat(fee(RULES, facility(FacilityKind.DENTAL_CLINIC, false, true), profile(null, LONG_AGO, null)).free())
                .as("a kind the rules name no fee for").hasValue(FeeCalculator.Free.NO_FEE);
    }

    @Test
    void aStartMonthIsProRataByDaysRoundedDown() {
        // joined on 11-20: 11 of 30 days; 5,000 × 11 / 30 = 1,833.33 → 1,833; 2,000 × 11 / 30 = 733.33 → 733
        FeeCalculator.Fee fee = fee(RULES, facility(FacilityKind.CLINIC, true, true),
                profile(null, LocalDate.of(2026, 11, 20), null));
        assertThat(fee.days()).isEqualTo(11);
        assertThat(fee.lines()).extracting(InvoiceLine::amount).containsExactly(1_833L, 733L);
        assertThat(fee.lines().getFirst().item()).contains("日割 11/30日");
    }

    @Test
    void aStartOnTheFirstIsAFullMonth() {
        assertThat(fee(RULES, facility(FacilityKind.CLINIC, false, false), profile(null, LocalDate.of(2026, 11, 1), null))
                .amount()).isEqualTo(5_000);
    }

    @Test
    void aLeaveMonthFollowsItsOwnChoice() {
        FacilityProfile leftMidMonth = profile(null, LONG_AGO, LocalDate.of(2026, 11, 10));
        Facility clinic = facility(FacilityKind.CLINIC, false, false);
        assertThat(fee(RULES, clinic, leftMidMonth).free()).hasValue(FeeCalculator.Free.PART_MONTH);
        assertThat(fee(rules(FeeRules.PartMonth.FREE, FeeRules.PartMonth.FULL), clinic, leftMidMonth).amount())
                .isEqualTo(5_000);
        assertThat(fee(rules(FeeRules.PartMonth.FULL, FeeRules.PartMonth.PRO_RATA), clinic, leftMidMonth).amount())
                .as("10 of 30 days").isEqualTo(1_666);
        assertThat(fee(RULES, clinic, profile(null, LONG_AGO, LocalDate.of(2026, 11, 30))).amount())
                .as("left on the last day: a full month").isEqualTo(5_000);
    }

    @Test
    void startingAndLeavingInOneMonthTakesTheCheaperChoice() {
        FacilityProfile both = profile(null, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 24));
        Facility clinic = facility(FacilityKind.CLINIC, false, false);
        assertThat(fee(rules(FeeRules.PartMonth.PRO_RATA, FeeRules.PartMonth.FULL), clinic, both).amount())
                .as("20 of 30 days").isEqualTo(3_333);
        assertThat(fee(rules(FeeRules.PartMonth.PRO_RATA, FeeRules.PartMonth.FREE), clinic, both).lines()).isEmpty();
    }

    @Test
    void aMonthWithoutParticipationHasNoDays() {
        assertThat(FeeCalculator.daysTakenPart(profile(null, LocalDate.of(2026, 12, 1), null), NOVEMBER)).isZero();
        assertThat(FeeCalculator.daysTakenPart(profile(null, LONG_AGO, LocalDate.of(2026, 10, 31)), NOVEMBER)).isZero();
        assertThat(FeeCalculator.daysTakenPart(profile(null, LONG_AGO, null), YearMonth.of(2028, 2))).isEqualTo(29);
    }

    @Test
    void theRulesReadBackAsWritten() {
        assertThat(FeeRules.read(RULES.write())).isEqualTo(RULES);
        assertThat(FeeRules.read(FeeRules.none(NOVEMBER).write())).isEqualTo(FeeRules.none(NOVEMBER));
    }
}
