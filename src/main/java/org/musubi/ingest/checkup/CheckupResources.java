package org.musubi.ingest.checkup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.record.fhir.FhirSystems;

/**
 * A checkup document as FHIR (JP Core): the checkup as an Encounter ({@code <record>/encounter}: finished, ambulatory,
 * its programme as type, the day as period, the organisation as service provider), each result as an Observation
 * ({@code <record>/obs/<item code>}, {@code ~2} … when an item repeats) of the kind its item code says
 * ({@link ItemKind}), effective on the day of the checkup and performed by the organisation, and one DiagnosticReport
 * ({@code <record>/report}) grouping them as the report of that checkup. The organisation is a directory resource
 * (Organization), stored once per checkup centre for every document that names it the same way.
 */
final class CheckupResources {

    static final String REPORT_KIND = "urn:oid:" + CheckupHeaders.REPORT_KIND;
    static final String PROGRAMME = "urn:oid:1.2.392.200119.6.1002";

    /** The record's resources and the directory resource they refer to (none when the document names no organisation). */
    record Mapped(List<MappedResource> resources, List<DirectoryResource> directory) {
    }

    private CheckupResources() {
    }

    static Mapped map(String recordKey, CheckupHeader header, List<CheckupResult> results, MappingContext context) {
        DirectoryResource organisation = header.organisation() == null ? null
                : DirectoryResource.of(organisation(header.organisation()), context.ids());
        Reference performer = organisation == null ? null : organisation.reference()
                .setDisplay(header.organisation().name());
        if (performer != null) {
            ((Organization) organisation.resource()).getIdentifier().stream().findFirst()
                    .ifPresent(id -> performer.setIdentifier(id.copy()));
        }
        String encounterKey = recordKey + "/encounter";
        DateTimeType day = new DateTimeType(header.performed().toString());
        List<MappedResource> resources = new ArrayList<>(results.size() + 2);
        resources.add(new MappedResource(encounterKey, encounter(header, day, performer)));
        List<String> keys = new ArrayList<>(results.size());
        Map<String, Integer> seen = new HashMap<>();
        for (CheckupResult result : results) {
            String item = SourceKeys.part(result.itemCode());
            int n = seen.merge(item, 1, Integer::sum);
            String key = recordKey + "/obs/" + item + (n > 1 ? "~" + n : "");
            resources.add(new MappedResource(key, observation(result, encounterKey, day, performer)));
            keys.add(key);
        }
        resources.add(new MappedResource(recordKey + "/report", report(encounterKey, day, performer, keys)));
        return new Mapped(resources, organisation == null ? List.of() : List.of(organisation));
    }

    private static Observation observation(CheckupResult result, String encounterKey, DateTimeType day, Reference performer) {
        ItemKind kind = ItemKind.of(result.itemCode());
        Observation observation = new Observation();
        observation.getMeta().addProfile(kind.profile());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        kind.categories().forEach(observation::addCategory);
        CodeableConcept code = result.code().copy();
        Coding loinc = ItemKind.loinc(result.itemCode());
        if (loinc != null) {
            code.addCoding(loinc);
        }
        observation.setCode(code);
        observation.setSubject(SourceRefs.patient());
        observation.setEncounter(SourceRefs.to("Encounter", encounterKey));
        observation.setEffective(day.copy());
        if (performer != null) {
            observation.addPerformer(performer.copy());
        }
        if (result.doctor() != null) {
            observation.addPerformer(new Reference().setDisplay(result.doctor()));
        }
        if (result.value() != null) {
            observation.setValue(result.value());
        } else {
            observation.setDataAbsentReason(result.absent());
        }
        result.interpretations().forEach(observation::addInterpretation);
        if (result.range() != null) {
            observation.addReferenceRange(result.range());
        }
        if (result.method() != null) {
            observation.setMethod(result.method());
        }
        return observation;
    }

    private static Encounter encounter(CheckupHeader header, DateTimeType day, Reference performer) {
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Encounter");
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(FhirSystems.ACT_CODE, "AMB", "ambulatory"));
        CheckupHeader.Programme programme = header.programme();
        encounter.addType(programme == null ? new CodeableConcept().setText("特定健診")
                : new CodeableConcept().addCoding(new Coding(PROGRAMME, programme.code(), programme.name()))
                .setText(programme.name() != null ? programme.name() : programme.code()));
        encounter.setSubject(SourceRefs.patient());
        encounter.getPeriod().setStartElement(day.copy()).setEndElement(day.copy());
        if (performer != null) {
            encounter.setServiceProvider(performer.copy());
        }
        return encounter;
    }

    private static DiagnosticReport report(String encounterKey, DateTimeType day, Reference performer, List<String> keys) {
        DiagnosticReport report = new DiagnosticReport();
        report.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_DiagnosticReport_Common");
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(new CodeableConcept().setText("特定健診"));
        report.setCode(new CodeableConcept().addCoding(new Coding(REPORT_KIND, CheckupHeaders.CHECKUP_RESULT, "特定健診情報"))
                .setText("特定健康診査結果"));
        report.setSubject(SourceRefs.patient());
        report.setEncounter(SourceRefs.to("Encounter", encounterKey));
        report.setEffective(day.copy());
        if (performer != null) {
            report.addPerformer(performer.copy());
        }
        keys.forEach(k -> report.addResult(SourceRefs.to("Observation", k)));
        return report;
    }

    /** The organisation as JP_Organization: its 10-digit number as 医療機関コード, name, telephone and address. */
    private static Organization organisation(CheckupHeader.Organisation sent) {
        Organization organization = new Organization().setName(sent.name());
        organization.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Organization");
        if (sent.number() != null && sent.number().matches("\\d{10}")) {
            organization.addIdentifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(sent.number());
        }
        if (sent.phone() != null) {
            organization.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(sent.phone()));
        }
        if (sent.address() != null || sent.postalCode() != null) {
            organization.addAddress(new Address().setText(sent.address()).setPostalCode(sent.postalCode()));
        }
        return organization;
    }
}
