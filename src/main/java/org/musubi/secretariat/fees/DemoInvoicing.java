package org.musubi.secretariat.fees;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.registry.FacilityKind;

/**
 * The demo network's invoicing (issue 45: invoices show something on first start): a fictitious issuer with a
 * 登録番号 whose check digit is right, rules in force from {@code months} months ago (hospitals by four bed bands,
 * clinics, dental clinics and pharmacies flat, home nursing stations cheaper, care facilities, municipalities and fire
 * departments free, a disclosing surcharge, half price for viewing-only facilities, start months pro rata, leave months
 * free), and the monthly run of each of the past {@code months} months, dated the first of the month after. Run after the
 * demo facilities' profiles exist; does nothing when invoicing settings exist already.
 */
public final class DemoInvoicing {

    private static final Actor SEEDER = Actor.system("demo-seed");
    /** A corporate number made up for the demo (check digit 3 over 100001234567). */
    static final String REGISTRATION_NUMBER = "T3100001234567";

    private DemoInvoicing() {
    }

    /** The rules the demo network uses from {@code from} on. */
    public static FeeRules rules(YearMonth from) {
        return new FeeRules(from, Map.of(FacilityKind.HOSPITAL, 30_000L, FacilityKind.CLINIC, 5_000L,
                FacilityKind.DENTAL_CLINIC, 3_000L, FacilityKind.PHARMACY, 3_000L,
                FacilityKind.HOME_NURSING_STATION, 2_000L, FacilityKind.LAB_CENTRE, 5_000L,
                FacilityKind.CHECKUP_CENTRE, 5_000L, FacilityKind.OTHER, 1_000L),
                List.of(new FeeRules.Band(0, 20_000), new FeeRules.Band(100, 30_000), new FeeRules.Band(200, 50_000),
                        new FeeRules.Band(400, 80_000)),
                Set.of(FacilityKind.CARE_FACILITY, FacilityKind.MUNICIPALITY, FacilityKind.FIRE_DEPARTMENT), 2_000, 50,
                FeeRules.PartMonth.PRO_RATA, FeeRules.PartMonth.FREE);
    }

    /** Seeds the settings and rules and runs the past {@code months} months before {@code today}'s; the invoices made. */
    public static int seed(FeeSettings settings, MonthlyRun run, LocalDate today, int months) {
        YearMonth first = YearMonth.from(today).minusMonths(months);
        if (!settings.seed(SEEDER, new InvoicingSettings("結びネットワーク協議会（デモ）", "広島県呉市中央1-1-1",
                new RegistrationNumber(REGISTRATION_NUMBER), "デモ銀行 本店 普通 1234567 ムスビネツトワ-クキヨウギカイ", 30),
                rules(first))) {
            return 0;
        }
        int made = 0;
        for (YearMonth month = first; month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
            made += run.runAs(SEEDER, month, month.plusMonths(1).atDay(1)).issued().size();
        }
        return made;
    }
}
