package org.musubi.fhirapi.surveillance;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.surveillance.Surveillance;

/**
 * {@code GET MeasureReport/$surveillance-daily?date=YYYY-MM-DD}: the day's syndromic-surveillance counts (reported by
 * the facility on its form, else derived from its diagnoses — as the public-health office's dashboard counts them) as a
 * collection Bundle of MeasureReports ({@link SurveillanceMeasureReports}), one per facility with counts that day.
 * A public-health office's system, or its officers (保健師, doctors), receive every facility's; any other facility's
 * system or user its own facility's only (exact counts: they are its own); a caller of no facility nothing. Counts only
 * — nothing names a patient — so the access policy about persons has nothing to decide; one audit row per call
 * ({@code READ SurveillanceReport}, the day and the number of facilities; DENY when the caller may see none). The
 * day is Japan's; a day in the future is a 400.
 */
public class SurveillanceReports implements IResourceProvider {

    static final String AUDITED_AS = "SurveillanceReport";
    private static final Set<String> OFFICERS = Set.of(Profession.PUBLIC_HEALTH_NURSE.name(),
            Profession.DOCTOR.name(), Profession.FACILITY_SYSTEM.name());

    private final Surveillance surveillance;
    private final Facilities facilities;
    private final Audit audit;

    public SurveillanceReports(Surveillance surveillance, Facilities facilities, Audit audit) {
        this.surveillance = surveillance;
        this.facilities = facilities;
        this.audit = audit;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return MeasureReport.class;
    }

    @Operation(name = "$surveillance-daily", idempotent = true)
    public Bundle daily(@OperationParam(name = "date", min = 1, max = 1) DateType date) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.SURVEILLANCE_DAILY, audit);
        LocalDate day = day(date);
        Optional<Facility> own = Optional.ofNullable(caller.facilityId()).flatMap(facilities::find);
        boolean office = own.filter(f -> f.kind() == FacilityKind.PUBLIC_HEALTH_CENTER).isPresent()
                && OFFICERS.contains(caller.user().profession());
        Map<Long, Map<String, Integer>> counted = surveillance.countedOn(day);
        List<Long> shown = office ? List.copyOf(counted.keySet())
                : own.map(f -> counted.containsKey(f.id()) ? List.of(f.id()) : List.<Long>of()).orElse(List.of());
        AuditEntry entry = AuditEntry.of(AuditAction.READ, own.isPresent() ? Outcome.PERMIT : Outcome.DENY);
        audit.record((own.isPresent() ? entry.on(AUDITED_AS, own.get().id()) : entry.on(AUDITED_AS))
                .reason("FHIR MeasureReport $surveillance-daily " + day + ": " + shown.size() + " facilities"
                        + (office ? " (public-health office)" : "")));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        for (long facilityId : shown) {
            facilities.find(facilityId).ifPresent(facility -> bundle.addEntry().setResource(
                    SurveillanceMeasureReports.of(facility, day, counted.get(facilityId), surveillance.syndromes())));
        }
        return bundle;
    }

    private LocalDate day(DateType date) {
        if (date == null || date.getValue() == null || date.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("date は YYYY-MM-DD で指定してください / date must be a day: YYYY-MM-DD");
        }
        LocalDate day = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
        if (day.isAfter(ZonedDateTime.now(Surveillance.ZONE).toLocalDate())) {
            throw new InvalidRequestException("未来の日の集計はありません / No counts for a day in the future: " + day);
        }
        return day;
    }
}
