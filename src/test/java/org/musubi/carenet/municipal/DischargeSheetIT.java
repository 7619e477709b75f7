package org.musubi.carenet.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Permit;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.musubi.worklist.Worklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 退院時情報共有 sheet: a hospital holding the record sends it to a care manager of a home-care support office, entered
 * into the hospital's record in one audited write; the care manager named reads it under the addressee rule (one audit
 * row, unread until then, on the home page), without any link of the office and without seeing anything else of the
 * record; another care manager of the office, another office and a guessed id get what an absent sheet gets.
 */
@MusubiIntegrationTest
class DischargeSheetIT extends NetworkFixtures {

    @Autowired
    MunicipalDocuments documents;
    @Autowired
    ListMunicipalDocuments listMunicipalDocuments;
    @Autowired
    SendDischargeSheet sendDischargeSheet;
    @Autowired
    OpenMunicipalDocument openMunicipalDocument;
    @Autowired
    PrintMunicipalDocument printMunicipalDocument;
    @Autowired
    IdentityStore identities;
    @Autowired
    Worklist worklist;
    @Autowired
    Places places;
    @Autowired
    TransactionTemplate transactions;

    /**
     * Sending the sheet over the web asks once (issue 67): one POST sends nothing, writes no act and brings the composer
     * back with the question (naming the office) open and what was typed kept; the confirmed POST sends it.
     */
    @Test
    void sendingTheSheetOverTheWebAsksOnceAndKeepsWhatWasTyped() {
        Facility hospital = accounts.newHospital();
        Facility office = places.careOffice();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        User manager = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        WebSession web = accounts.signedIn(port, nurse);
        String composer = "/portal/patients/" + person + "/discharge-sheets";
        String question = "退院時情報共有シートを " + office.nameKanji() + " の選んだケアマネジャーに送ります。"
                + "送ったシートは取り消せず、ここから書き直すこともできません。";
        assertThat(web.get(composer + "/new?facility=" + office.id()).body())
                .contains("<summary id=\"send-sheet-ask\">シートを送る</summary>")
                .contains("<p class=\"confirm-question\" id=\"send-sheet-question\">" + question + "</p>");

        long before = audit.max();
        HttpResponse<String> oneClick = web.post(composer, "facility", String.valueOf(office.id()), "careManager",
                String.valueOf(manager.id()), "diagnoses", "大腿骨頸部骨折（術後）");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("<details class=\"confirm\" id=\"send-sheet\" open=\"open\">")
                .contains(question).contains("大腿骨頸部骨折（術後）")
                .contains("value=\"" + manager.id() + "\" selected=\"selected\"");
        assertThat(audit.forPatient(before, regionalId)).as("the composer's one read, no act").hasSize(1)
                .noneMatch(r -> r.startsWith("CREATE"));
        assertThat(listMunicipalDocuments.list(new Reader(manager.id(), office.id()), DocumentKind.DISCHARGE_SHEET, false))
                .as("nothing sent without the confirmation").isEmpty();

        List<String> form = new java.util.ArrayList<>(List.of("facility", String.valueOf(office.id()), "careManager",
                String.valueOf(manager.id()), "confirmed", "yes"));
        FormsTest.sheet().forEach((name, values) -> values.forEach(v -> {
            form.add(name);
            form.add(v);
        }));
        HttpResponse<String> sent = web.post(composer, form.toArray(String[]::new));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(WebSession.location(sent)).endsWith("?sent");
        assertThat(listMunicipalDocuments.list(new Reader(manager.id(), office.id()), DocumentKind.DISCHARGE_SHEET, false)).hasSize(1);
    }

    /**
     * Sending the sheet discloses it (issue 68) to the care manager's office and back to the hospital's own readers:
     * exactly one disclosure for each side, written in the sending transaction — a sending rolled back leaves neither
     * the sheet nor a disclosure.
     */
    @Test
    void aSheetSentIsDisclosedToEachSideOnceInTheSendingTransaction() {
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        User manager = accounts.memberOf(places.careOffice(), Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        Reader sender = new Reader(nurse.id(), hospital.id());

        UUID undone = DisclosuresMade.rolledBack(transactions,
                () -> sendDischargeSheet.sendSheet(sender, person, manager.id(), FormsTest.sheet()).value());
        UUID sent = sendDischargeSheet.sendSheet(sender, person, manager.id(), FormsTest.sheet()).value();

        assertThat(DisclosuresMade.count(jdbc, "municipal-document:" + sent)).isEqualTo(1);
        assertThat(DisclosuresMade.count(jdbc, "municipal-document:" + sent + ":sender")).isEqualTo(1);
        assertThat(undone).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM municipal_document WHERE id = ?").param(undone).query(Long.class)
                .single()).isZero();
        assertThat(DisclosuresMade.countLike(jdbc, "municipal-document:" + undone)).isZero();
    }

    @Test
    void aHospitalSendsTheSheetAndOnlyTheCareManagerNamedReadsIt() {
        Facility hospital = accounts.newHospital();
        Facility office = places.careOffice();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        User manager = accounts.memberOf(office, Profession.CARE_MANAGER);
        User colleague = accounts.memberOf(office, Profession.CARE_MANAGER);
        User elsewhere = accounts.memberOf(places.careOffice(), Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        Reader sender = new Reader(nurse.id(), hospital.id());
        Reader addressee = new Reader(manager.id(), office.id());

        assertThat(sendDischargeSheet.sendSheet(sender, person, nurse.id(), FormsTest.sheet()).faults())
                .as("to a care manager of another office only").containsExactly(MunicipalDocuments.CARE_MANAGER);
        long before = audit.max();
        MunicipalDocuments.Outcome<UUID> sent = sendDischargeSheet.sendSheet(sender, person, manager.id(), FormsTest.sheet());
        assertThat(sent.faults()).isEmpty();
        UUID id = sent.value();
        assertThat(audit.forPatient(before, regionalId)).singleElement().asString().startsWith("CREATE PERMIT");
        assertThat(unread(addressee)).isEqualTo(1);
        assertThat(unread(new Reader(colleague.id(), office.id()))).as("sent to the named one").isZero();

        long reading = audit.max();
        MunicipalDocuments.Opened opened = openMunicipalDocument.open(addressee, id, Locale.JAPANESE).orElseThrow();
        assertThat(opened.document().patientName()).isNotBlank();
        assertThat(opened.sections()).flatExtracting(FormAnswers.Section::rows)
                .contains(new FormAnswers.Row("病名（主病名・合併症）", "大腿骨頸部骨折（術後）"),
                        new FormAnswers.Row("入浴", "全介助"));
        assertThat(audit.forPatient(reading, regionalId)).containsExactly("READ PERMIT " + Permit.ADDRESSED_DOCUMENT);
        assertThat(unread(addressee)).isZero();
        WebSession managerWeb = accounts.signedIn(port, manager);
        assertThat(managerWeb.get("/portal/municipal/sheets/inbox").body()).contains("data-document=\"" + id + "\"");
        assertThat(managerWeb.get("/portal/patients/" + person).statusCode())
                .as("the sheet opens nothing else of the record").isEqualTo(404);
        assertThat(openMunicipalDocument.open(sender, id, Locale.JAPANESE)).as("the sender's own staff").isPresent();

        long refusals = audit.max();
        for (Reader reader : List.of(new Reader(colleague.id(), office.id()), new Reader(elsewhere.id(),
                elsewhere.actingFacilityId().orElseThrow()))) {
            assertThat(openMunicipalDocument.open(reader, id, Locale.JAPANESE)).isEmpty();
            assertThat(printMunicipalDocument.printable(reader, id)).isEmpty();
        }
        assertThat(audit.forPatient(refusals, regionalId)).hasSize(4).allMatch(r -> r.contains(" DENY "));
        HttpResponse<String> theirs = accounts.signedIn(port, elsewhere).get("/portal/municipal/documents/" + id);
        HttpResponse<String> guessed = accounts.signedIn(port, elsewhere).get("/portal/municipal/documents/"
                + UUID.randomUUID());
        assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(guessed.statusCode());
        assertThat(listMunicipalDocuments.list(new Reader(elsewhere.id(), elsewhere.actingFacilityId().orElseThrow()),
                DocumentKind.DISCHARGE_SHEET, false)).noneMatch(d -> d.id().equals(id));

        Facility unlinked = accounts.newHospital();
        User stranger = accounts.memberOf(unlinked, Profession.NURSE);
        long strangers = audit.max();
        assertThat(sendDischargeSheet.sendSheet(new Reader(stranger.id(), unlinked.id()), person, manager.id(),
                FormsTest.sheet()).faults()).as("only a facility holding the record sends")
                .containsExactly(MunicipalDocuments.NOT_OUR_PATIENT);
        assertThat(audit.forPatient(strangers, regionalId)).singleElement().asString().startsWith("CREATE DENY");
        assertThat(new SendDischargeSheet(documents.onStandby()).sendSheet(sender, person, manager.id(), FormsTest.sheet()).faults())
                .containsExactly(MunicipalDocuments.STANDBY);
    }

    private int unread(Reader reader) {
        return worklist.waitingFor(reader, Instant.now()).stream().filter(w -> w.id().equals("discharge-sheets"))
                .mapToInt(w -> w.count()).sum();
    }
}
