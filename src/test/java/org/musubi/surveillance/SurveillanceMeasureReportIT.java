package org.musubi.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.musubi.fhirapi.surveillance.SurveillanceMeasureReports;
import org.musubi.registry.Facilities;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 48's MeasureReports for systems, read with HAPI's FHIR client over HTTP: a public-health office's system gets
 * one MeasureReport per reporting facility of the day (SANER-shaped: summary, a group per syndrome, the count as the
 * initial population, the reporter by its medical-institution code), a hospital's system only its own; a token without
 * a MeasureReport scope is refused; a day in the future is a 400; each call one audit row.
 */
@MusubiIntegrationTest
class SurveillanceMeasureReportIT extends NetworkFixtures {

    @Autowired
    Surveillance surveillance;
    @Autowired
    ReportSurveillanceCounts reports;
    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;

    @Test
    void theOfficeGetsEveryFacilitysReportAHospitalOnlyItsOwn() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        LocalDate day = surveillance.today().minusDays(2);
        long first = region.hospitals().get(0).id();
        long second = region.hospitals().get(1).id();
        reports.report(first, day, Map.of("INFLUENZA_LIKE", 12, "RASH", 0), null);
        reports.report(second, day, Map.of("GASTROENTERITIS", 3), null);
        long before = audit.max();

        Map<Long, MeasureReport> office = reports(clients.fhirFor(port, region.office(), "system/MeasureReport.read"), day);
        assertThat(office).containsKeys(first, second).doesNotContainKey(region.hospitals().get(2).id());
        MeasureReport report = office.get(first);
        assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
        assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
        assertThat(report.getMeasure()).isEqualTo(SurveillanceMeasureReports.MEASURE);
        assertThat(report.getReporter().getIdentifier().getValue())
                .isEqualTo(region.hospitals().get(0).medicalInstitutionCode().orElseThrow().value());
        assertThat(report.getPeriod().getStartElement().getValueAsString()).startsWith(day + "T00:00:00");
        assertThat(counts(report)).containsEntry("INFLUENZA_LIKE", 12).containsEntry("RASH", 0)
                .containsEntry("GASTROENTERITIS", 0).containsOnlyKeys(surveillance.syndromes().stream()
                        .map(Syndrome::code).toList());
        assertThat(counts(office.get(second))).containsEntry("GASTROENTERITIS", 3);

        Map<Long, MeasureReport> own = reports(clients.fhirFor(port, region.hospitals().get(1), "system/*.read"), day);
        assertThat(own).containsOnlyKeys(second);
        assertThat(reports(clients.fhirFor(port, region.hospitals().get(2), "system/*.read"), day)).isEmpty();

        List<AuditRows.Row> rows = audit.rowsSince(before).stream()
                .filter(r -> "SurveillanceReport".equals(r.resourceType()))
                .filter(r -> r.resourceIds().contains(String.valueOf(region.office().id()))
                        || region.hospitalIds().stream().anyMatch(id -> r.resourceIds().contains(String.valueOf(id))))
                .toList();
        assertThat(rows).extracting(r -> r.action() + " " + r.outcome())
                .containsExactly("READ PERMIT", "READ PERMIT", "READ PERMIT");
        assertThat(rows.get(0).reason()).contains(day.toString(), "public-health office");
    }

    @Test
    void aTokenWithoutTheScopeAndADayInTheFutureAreRefused() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        IGenericClient noScope = clients.fhirFor(port, region.office(), "system/Patient.read");
        assertThatThrownBy(() -> reports(noScope, surveillance.today())).isInstanceOf(ForbiddenOperationException.class);
        IGenericClient office = clients.fhirFor(port, region.office(), "system/MeasureReport.read");
        assertThatThrownBy(() -> reports(office, surveillance.today().plusDays(1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("future");
    }

    private static Map<Long, MeasureReport> reports(IGenericClient client, LocalDate day) {
        Bundle bundle = client.operation().onType(MeasureReport.class).named("$surveillance-daily")
                .withParameter(Parameters.class, "date", new DateType(day.toString())).useHttpGet()
                .returnResourceType(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (MeasureReport) e.getResource()).collect(Collectors.toMap(
                r -> Long.parseLong(r.getIdElement().getIdPart().split("-")[1]), r -> r));
    }

    private static Map<String, Integer> counts(MeasureReport report) {
        return report.getGroup().stream().collect(Collectors.toMap(g -> g.getCode().getCodingFirstRep().getCode(),
                g -> g.getPopulationFirstRep().getCount()));
    }
}
