package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 疑い read one way (issue 63): a clinic without an EHR sends its receipts (UKE: 胃潰瘍 with the modifier 8002 の疑い,
 * the receipt's 主傷病; 腰痛症 confirmed), a hospital's system sends its diagnoses over FHIR as its EHR writes them (腰痛症 and 肺炎
 * {@code provisional}, 結核 refuted, 2型糖尿病 confirmed). The clinic's doctor reads, in the chart's header, each
 * diagnosis once in plain words with its 疑い mark where no sender confirms it (主病名 first), and starts a letter whose diagnoses
 * come pre-filled with 疑い ticked exactly there; the refuted one is nowhere.
 */
@MusubiIntegrationTest
class SuspectedDiagnosesIT {

    private static final Pattern PROBLEM = Pattern.compile("<span class=\"problem\"><span class=\"problem-title\">([^<]*)</span>"
            + "(.*?)</span>\\s*(?=<span class=\"problem\"|</p>)", Pattern.DOTALL);
    private static final Pattern MARK = Pattern.compile("data-mark=\"([^\"]+)\"");
    private static final Pattern DIAGNOSIS_ROW = Pattern.compile("name=\"diagnoses\\[(\\d+)]\\.text\" value=\"([^\"]*)\"");

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired FhirClients clients;
    @Autowired Consents consents;
    @Autowired IdentityStore identities;
    @Autowired LinkSourcePatient linkSourcePatient;
    @Autowired UnlinkSourcePatient unlinkSourcePatient;
    @Autowired Facilities facilities;
    @Autowired ImportSources sources;
    @Autowired RunImport imports;
    @Autowired AuditRows audit;

    @Test
    void aSuspectedDiagnosisReadsSuspectedInTheChartAndTheLetterWhateverItsSenderWrote() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "ウタガイ");
        long person = clients.personOf(hospital, localId);
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        FhirRecords.create(api, condition(subject, "腰痛症", "provisional", "2026-01-10"));
        FhirRecords.create(api, condition(subject, "肺炎", "provisional", "2026-02-01"));
        FhirRecords.create(api, condition(subject, "結核", "refuted", "2026-02-02"));
        FhirRecords.create(api, condition(subject, "2型糖尿病", "confirmed", "2019-05-01"));

        Facility clinic = facilities.insert(new FacilityDraft("うたがい内科", "ウタガイナイカ", FacilityKind.CLINIC,
                TestAccounts.unusedInstitutionCode(facilities, 1), 34, "広島市中区", "082-000-0000", true, true,
                FacilityStatus.ACTIVE));
        ImportSource source = sources.create(clinic.id(), ImportKind.UKE, "receipts", null, false);
        String karte = "U-" + localId;
        UkeFiles receipts = UkeFiles.medical(clinic.code().value(), "うたがい内科", "202603")
                .re(1, "1112", "202602", "宇多　害子", "2", "3500101", karte, "ｳﾀｶﾞｲ ｶﾞｲｺ")
                .ho("06340001", "記号", "1234", 1, 73).sn("06340001", "記号", "1234", "01")
                .sy("5319009", "20260205", "1", "8002", "胃潰瘍", "01", "")
                .sy("7244003", "20260110", "1", "", "腰痛症", "", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(5, 1))
                .go(1, 73);
        var batch = imports.run(source, List.of(new IncomingFile(SourceFile.of("utagai.UKE", receipts.bytes()),
                Instant.now())).iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        long admin = accounts.networkAdmin().id();
        long clinicSource = identities.sourcePatient(clinic.id(), karte).orElseThrow().id();
        if (identities.personOf(clinicSource).isPresent()) {
            unlinkSourcePatient.unlink(admin, clinicSource, "the same person as the hospital's (test)");
        }
        linkSourcePatient.link(admin, clinicSource, person, LinkMethod.OPERATOR, "the same person (test)");
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);

        WebSession doctor = new WebSession(port);
        accounts.logIn(doctor, accounts.memberOf(clinic, Profession.DOCTOR));
        String chart = doctor.get("/portal/patients/" + person).body();

        assertThat(problems(chart)).as("the header's diagnoses, each once, with their marks").containsExactly(
                "胃潰瘍 [problem.mark.MAIN, problem.mark.SUSPECTED]", "肺炎 [problem.mark.SUSPECTED]", "腰痛症 []",
                "2型糖尿病 []");
        String header = chart.substring(chart.indexOf("id=\"problems\""), chart.indexOf("</p>", chart.indexOf("id=\"problems\"")));
        assertThat(header).as("the mark in words; the refuted diagnosis not among them").contains(">疑い</span>")
                .contains(">主病名</span>").doesNotContain("結核");
        assertThat(chart).doesNotContain("(?)");

        String letter = doctor.get("/portal/patients/" + person + "/letters/new?kind=REFERRAL").body();
        assertThat(suspectedRows(letter)).as("the letter's diagnoses and whether 疑い is ticked").containsExactly(
                "胃潰瘍 疑い", "肺炎 疑い", "腰痛症", "2型糖尿病");
    }

    private static Condition condition(Reference subject, String name, String verification, String onset) {
        Condition c = new Condition().setSubject(subject).setOnset(new DateTimeType(onset));
        c.getCode().setText(name);
        c.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL, "active", null)));
        c.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION, verification, null)));
        return c;
    }

    /** Each diagnosis the header lists: its title and the keys of its marks. */
    private static List<String> problems(String page) {
        String section = page.substring(page.indexOf("id=\"problems\""), page.indexOf("</p>", page.indexOf("id=\"problems\"")) + 4);
        List<String> found = new ArrayList<>();
        Matcher m = PROBLEM.matcher(section);
        while (m.find()) {
            List<String> marks = new ArrayList<>();
            Matcher mark = MARK.matcher(m.group(2));
            while (mark.find()) {
                marks.add(mark.group(1));
            }
            found.add(m.group(1) + " " + marks);
        }
        return found;
    }

    /** Each diagnosis row of the composer: its text, and 疑い when its box is ticked. */
    private static List<String> suspectedRows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher m = DIAGNOSIS_ROW.matcher(page);
        while (m.find()) {
            String row = page.substring(m.start(), page.indexOf("</tr>", m.start()));
            Matcher box = Pattern.compile("<input[^>]*name=\"diagnoses\\[" + m.group(1) + "]\\.suspected\"[^>]*>").matcher(row);
            boolean ticked = box.find() && box.group().contains("checked");
            if (!m.group(2).isEmpty()) {
                rows.add(m.group(2) + (ticked ? " 疑い" : ""));
            }
        }
        return rows;
    }
}
