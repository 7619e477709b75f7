package org.musubi.fhirapi.surveillance;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facility;
import org.musubi.surveillance.Surveillance;
import org.musubi.surveillance.Syndrome;

/**
 * One facility's day of syndromic-surveillance counts as a FHIR MeasureReport in the shape of the HL7 SANER measure
 * reports: {@code type} summary, {@code status} complete, the measure {@value #MEASURE}, the reporter the facility
 * (by its 10-digit medical-institution code where it has one, and its name), the period the day in Japan, and one
 * group per syndrome (its code in {@value #SYNDROMES}, Japanese and English names) with the count as the group's
 * {@code initial-population}. Every syndrome is in the report: a syndrome the facility had no count for is 0.
 */
public final class SurveillanceMeasureReports {

    /** The measure the reports answer (Musubi's syndromic surveillance; not one of SANER's published measures). */
    public static final String MEASURE = "urn:musubi:measure:syndromic-surveillance-daily";
    /** The code system of the syndromes (their codes in {@code surveillance_syndrome}). */
    public static final String SYNDROMES = "urn:musubi:surveillance-syndrome";
    static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";

    private SurveillanceMeasureReports() {
    }

    /** The report of {@code facility}'s {@code day}: {@code counts} by syndrome code, every syndrome in {@code syndromes}. */
    public static MeasureReport of(Facility facility, LocalDate day, Map<String, Integer> counts,
                                   List<Syndrome> syndromes) {
        MeasureReport report = new MeasureReport();
        report.setId("surveillance-" + facility.id() + "-" + day.toString().replace("-", ""));
        report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        report.setType(MeasureReport.MeasureReportType.SUMMARY);
        report.setMeasure(MEASURE);
        report.setDate(new Date());
        Reference reporter = new Reference().setDisplay(facility.nameKanji());
        facility.medicalInstitutionCode().ifPresent(code -> reporter.setIdentifier(
                new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(code.value())));
        reporter.setType("Organization");
        report.setReporter(reporter);
        report.setPeriod(new Period()
                .setStartElement(japan(Date.from(day.atStartOfDay(Surveillance.ZONE).toInstant())))
                .setEndElement(japan(Date.from(day.plusDays(1).atStartOfDay(Surveillance.ZONE).toInstant()
                        .minusSeconds(1)))));
        for (Syndrome syndrome : syndromes) {
            MeasureReport.MeasureReportGroupComponent group = report.addGroup();
            group.setCode(new CodeableConcept(new Coding(SYNDROMES, syndrome.code(), syndrome.nameJa()))
                    .setText(syndrome.nameJa() + " / " + syndrome.name(Locale.ENGLISH)));
            group.addPopulation().setCode(new CodeableConcept(new Coding(POPULATION, "initial-population",
                    "Initial Population"))).setCount(counts.getOrDefault(syndrome.code(), 0));
        }
        return report;
    }

    /** An instant written in Japan's time zone, as the day is Japan's. */
    private static DateTimeType japan(Date instant) {
        return new DateTimeType(instant, TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(Surveillance.ZONE));
    }
}
