package org.musubi.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.DataCategory;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.read.PersonRecord;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A care office's records: a care worker of an office linked with the card records a visit, an ADL check, vital signs
 * and an incident (CARE_RECORDS and VITALS, one audit row each), which a care manager of another office and a
 * hospital's doctor see; a clerk, or an office without a link, is refused as for no such person; a CSV export is
 * checked row by row (each fault by line and column, in UTF-8 or Shift_JIS) and its valid rows entered, one audit row
 * per event.
 */
@MusubiIntegrationTest
class CareRecordsIT extends NetworkFixtures {

    @Autowired
    CareRecords care;
    @Autowired
    ReadRecords reads;
    @Autowired
    IdentityStore identities;

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 25, 10, 30);

    record Setting(Facility office, User worker, Facility hospital, long person, String regionalId) {
    }

    private Setting setting() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        consents.link(person, office.id(), accounts.networkAdmin().id());
        return new Setting(office, accounts.memberOf(office, Profession.CARE_WORKER), hospital, person,
                identities.person(person).orElseThrow().person().regionalId());
    }

    private static Reader reader(User user, Facility facility) {
        return new Reader(user.id(), facility.id(), Purpose.TREATMENT);
    }

    @Test
    void aCareWorkerRecordsEveryKindOfEventAndOthersSeeThem() {
        Setting s = setting();
        Reader worker = reader(s.worker(), s.office());
        assertThat(care.open(worker, s.person())).hasValueSatisfying(name -> assertThat(name).isNotBlank());

        long before = audit.max();
        List<String> visit = care.record(worker, s.person(), new CareEvent.Visit(AT, 45,
                EnumSet.of(CareEvent.Service.BODY_CARE, CareEvent.Service.BATHING), "入浴介助。皮膚の発赤なし。"))
                .orElseThrow();
        List<String> adl = care.record(worker, s.person(), new CareEvent.Adl(AT, Map.of("meal", "independent",
                "mobility", "partial"), null)).orElseThrow();
        List<String> vitals = care.record(worker, s.person(), new CareEvent.Vitals(AT, Map.of(CareMeasure.SYSTOLIC,
                new BigDecimal("132"), CareMeasure.DIASTOLIC, new BigDecimal("78"), CareMeasure.TEMPERATURE,
                new BigDecimal("36.6")))).orElseThrow();
        List<String> incident = care.record(worker, s.person(), new CareEvent.Incident(AT,
                CareEvent.IncidentKind.FALL, CareEvent.Severity.NO_HARM, "ベッドから立ち上がる際に尻もち。外傷なし。"))
                .orElseThrow();
        assertThat(vitals).as("a blood-pressure panel and a temperature").hasSize(2);
        assertThat(audit.rowsSince(before).stream().filter(r -> s.regionalId().equals(r.patientId())).toList())
                .filteredOn(r -> r.resourceType().equals(CareRecords.TARGET))
                .hasSize(4).allSatisfy(r -> {
                    assertThat(r.action()).isEqualTo("CREATE");
                    assertThat(r.outcome()).isEqualTo("PERMIT");
                    assertThat(r.patientId()).isEqualTo(s.regionalId());
                });

        Facility otherOffice = accounts.newHospital();
        consents.link(s.person(), otherOffice.id(), accounts.networkAdmin().id());
        User manager = accounts.memberOf(otherOffice, Profession.CARE_MANAGER);
        List<Outline> seen = reads.readPerson(reader(manager, otherOffice), PatientRef.person(s.person()),
                AuditAction.READ, "Patient", PersonRecord::outline).value();
        assertThat(seen).filteredOn(o -> o.sourceFacilityId() == s.office().id())
                .extracting(Outline::id).containsAll(visit).containsAll(adl).containsAll(vitals).containsAll(incident);
        assertThat(seen).filteredOn(o -> visit.contains(o.id()) || incident.contains(o.id()) || adl.contains(o.id()))
                .extracting(Outline::category).containsOnly(DataCategory.CARE_RECORDS);
        assertThat(seen).filteredOn(o -> vitals.contains(o.id())).extracting(Outline::category)
                .containsOnly(DataCategory.VITALS);
        String visitJson = reads.readPerson(reader(accounts.memberOf(s.hospital(), Profession.DOCTOR), s.hospital()),
                PatientRef.person(s.person()), AuditAction.READ, "Patient", r -> r.contents(visit)).value().getFirst()
                .json();
        assertThat(visitJson).contains("service=BATHING").contains("duration_minutes=45").contains("皮膚の発赤なし")
                .contains("2026-11-25T10:30");
    }

    @Test
    void aClerkOrAnOfficeWithoutALinkIsRefusedAndAFormAtFaultIsNotStored() {
        Setting s = setting();
        Facility stranger = accounts.newHospital();
        CareEvent visit = new CareEvent.Visit(AT, 30, EnumSet.of(CareEvent.Service.HOUSEHOLD), null);
        long before = audit.max();
        assertThat(care.record(reader(accounts.memberOf(stranger, Profession.CARE_WORKER), stranger), s.person(), visit))
                .isEmpty();
        assertThat(care.record(reader(accounts.memberOf(s.office(), Profession.MEDICAL_CLERK), s.office()), s.person(),
                visit)).isEmpty();
        assertThat(care.open(reader(accounts.memberOf(stranger, Profession.CARE_WORKER), stranger), s.person()))
                .isEmpty();
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.resourceType().startsWith("care-record")).hasSize(3)
                .allMatch(r -> r.outcome().equals("DENY"));

        long faults = audit.max();
        assertThatThrownBy(() -> care.record(reader(s.worker(), s.office()), s.person(),
                new CareEvent.Visit(AT, 0, EnumSet.noneOf(CareEvent.Service.class), null)))
                .isInstanceOfSatisfying(CareRecords.Invalid.class, e -> assertThat(e.fields())
                        .containsExactly("duration_minutes", "services"));
        assertThatThrownBy(() -> care.record(reader(s.worker(), s.office()), s.person(),
                new CareEvent.Vitals(AT, Map.of(CareMeasure.SYSTOLIC, new BigDecimal("400")))))
                .isInstanceOfSatisfying(CareRecords.Invalid.class, e -> assertThat(e.fields())
                        .contains("systolic", "diastolic"));
        assertThat(audit.rowsSince(faults)).filteredOn(r -> r.resourceType().startsWith("care-record")).isEmpty();
    }

    @Test
    void aCsvExportIsCheckedRowByRowAndItsValidRowsEnteredOneAuditRowEach() {
        Setting s = setting();
        Facility stranger = accounts.newHospital();
        long strangerPerson = linkedConsentedPatientAt(stranger);
        String strangersId = identities.person(strangerPerson).orElseThrow().person().regionalId();
        String csv = String.join("\r\n",
                "regional_id,kind,date,time,duration_minutes,services,adl_meal,systolic,diastolic,incident_kind,severity,note",
                s.regionalId() + ",visit,2026/11/24,9:00,30,BODY_CARE;MEALS,,,,,,\"昼食介助、\"\"完食\"\"\"",
                s.regionalId() + ",vitals,2026-11-24,09:10,,,,１２８,７６,,,",
                s.regionalId() + ",visit,2026-11-24,09:20,０,,,,,,,",
                s.regionalId() + ",incident,2026-11-31,10:00,,,,,,FALL,MINOR,転倒",
                s.regionalId() + ",bath,2026-11-24,10:00,,,,,,,,",
                strangersId + ",adl,2026-11-24,11:00,,,independent,,,,,",
                "");
        byte[] sjis = csv.getBytes(Charset.forName("windows-31j"));

        long before = audit.max();
        CareRecords.Imported imported = care.importCsv(reader(s.worker(), s.office()), "kaigo.csv", sjis);
        assertThat(imported.stored()).isEqualTo(2);
        assertThat(imported.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "4:duration_minutes", "4:services", "5:date", "6:kind", "7:regional_id");
        assertThat(imported.problems()).allMatch(p -> p.file().equals("kaigo.csv"));
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.resourceType().equals(CareRecords.TARGET))
                .as("one row per event entered or refused").hasSize(3);

        CareRecords.Imported again = care.importCsv(reader(s.worker(), s.office()), "kaigo-utf8.csv",
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        assertThat(again.stored()).as("UTF-8 with a BOM reads alike").isEqualTo(2);
        assertThat(CareCsv.parse("x.csv", "kind,date\nvisit,2026-01-01\n".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(CareCsv.Problem::column).containsExactly("regional_id", "time");
    }
}
