package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardStatus;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Network operators' person screens over HTTP: search, one person's file, cards, consents,
 * unlinking, merge and unmerge. Each read and each change leaves the audit rows it should.
 */
@MusubiIntegrationTest
class PersonAdminIT extends NetworkFixtures {

    private static final String KANA = "カキクケコサシスセソ";
    private static final String HALF_WIDTH_KANA = "ｶｷｸｹｺｻｼｽｾｿ";

    @Autowired
    IdentityStore identities;
    @Autowired
    LinkSourcePatient linking;
    @Autowired
    IssueCard issueCard;
    @Autowired
    Cards cards;

    @Test
    void searchFindsAPersonByHalfWidthKanaWithALongVowelMarkAndByRegionalId() {
        int[] letters = ThreadLocalRandom.current().ints(4, 0, KANA.length()).toArray();
        StringBuilder full = new StringBuilder("オオ");
        StringBuilder half = new StringBuilder("ｵｰ");
        for (int i : letters) {
            full.append(KANA.charAt(i));
            half.append(HALF_WIDTH_KANA.charAt(i));
        }
        RegisteredPerson person = person(full.toString(), "ハナコ");
        User operator = accounts.networkAdmin();
        WebSession web = operatorSession(operator);
        long before = audit.max();

        HttpResponse<String> byKana = web.get("/admin/persons?q=" + encode(half + " ﾊﾅｺ"));
        HttpResponse<String> byId = web.get("/admin/persons?q=" + encode(spaced(person.person().regionalId())));

        assertThat(byKana.statusCode()).isEqualTo(200);
        assertThat(byKana.body()).contains(person.person().regionalId()).contains(full + " ハナコ");
        assertThat(byId.body()).contains(person.person().regionalId()).doesNotContain("id=\"no-persons\"");
        assertThat(audit.since(before, operator.loginId())).containsExactly("SEARCH PERMIT 1 found", "SEARCH PERMIT 1 found");
    }

    @Test
    void thePersonPageShowsCardsConsentsLinksAndSourcePatientsAfterOneAuditedRead() {
        RegisteredPerson person = person("ファイル", "タロウ");
        Card card = issueCard.regional(0, person.id()).card();
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), 0, null);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(person.id(), clinic.id(), 0);
        SourcePatient source = linkedSource(person, "FILE");
        User operator = accounts.networkAdmin();
        WebSession web = operatorSession(operator);
        long before = audit.max();

        HttpResponse<String> page = web.get("/admin/persons/" + person.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ファイル タロウ").contains(card.number()).contains("地域カード")
                .contains("data-checkable=\"true\"").doesNotContain("MUSUBI-CARD:")
                .contains("data-active=\"true\"").contains("data-facility=\"" + clinic.id() + "\"").contains("連携中")
                .contains(source.localId()).contains("ネットワーク管理者による基本情報の管理です");
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.operationsDemographics");
        assertThat(readPurposes(before, person)).containsExactly(Purpose.OPERATIONS.name());
    }

    @Test
    void anOperatorIssuesARegionalCardReportsItLostAndReissuesIt() {
        RegisteredPerson person = person("カード", "ジロウ");
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        web.get(path);
        long before = audit.max();

        assertThat(WebSession.location(web.post(path + "/cards/regional"))).isEqualTo(path);
        String issuedPage = web.get(path).body();
        String number = cards.of(person.id()).getFirst().number();
        String firstCode = between(issuedPage, "id=\"issued-check-code\">", "<");
        assertThat(issuedPage).as("the check code and QR code shown once, after issuing")
                .contains(Card.QR_PREFIX + number + ":1:" + firstCode.replace("-", "")).contains("<svg");
        assertThat(web.get(path).body()).as("and never again").doesNotContain("id=\"issued-card\"")
                .doesNotContain(firstCode);
        // issue 67: one click asks first (the card named, what follows) and reports nothing
        assertThat(submit(web, path + "/cards/" + number + "/lost"))
                .contains("<details class=\"confirm\" id=\"lost-1\" open=\"open\">")
                .contains("第1版のカードを紛失として届け出ます。届け出ると、このカードではどの施設でも確認・連携ができなくなります。");
        assertThat(cards.of(person.id())).extracting(Card::status).containsExactly(CardStatus.ACTIVE);
        submit(web, path + "/cards/" + number + "/lost", "confirmed", "yes");
        String page = submit(web, path + "/cards/" + number + "/reissue");

        assertThat(cards.of(person.id())).extracting(Card::issueNo, Card::status)
                .containsExactly(Tuple.tuple(1, CardStatus.LOST),
                        Tuple.tuple(2, CardStatus.ACTIVE));
        assertThat(number).isNotEqualTo(person.person().regionalId());
        assertThat(audit.forPatient(before, person.person().regionalId())).filteredOn(row -> !row.startsWith("READ "))
                .containsExactly("CARD_ISSUE PERMIT REGIONAL", "CARD_LOST PERMIT", "CARD_REISSUE PERMIT");
        assertThat(page).contains("カードを再発行しました。").contains(Card.QR_PREFIX + number + ":2:")
                .contains("data-issue=\"1\" data-status=\"LOST\"").contains("data-issue=\"2\" data-status=\"ACTIVE\"");
    }

    @Test
    void aSecondRegionalCardIsRefusedWithTheJapaneseMessage() {
        RegisteredPerson person = person("ニマイ", "サブロウ");
        issueCard.regional(0, person.id());
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        web.get(path);

        HttpResponse<String> refused = web.post(path + "/cards/regional");
        HttpResponse<String> page = web.get(WebSession.location(refused));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("この患者には有効な地域カードがすでにあります。紛失の場合は再発行してください。")
                .contains("data-key=\"identity.card.alreadyActive\"");
        assertThat(cards.of(person.id())).hasSize(1);
    }

    @Test
    void anOperatorGrantsAConsentForTwoPurposesThenWithdrawsIt() {
        RegisteredPerson person = person("ドウイ", "シロウ");
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        String csrf = csrf(web.get(path).body());
        long before = audit.max();

        postForm(web, path + "/consents", "scope=ALL_FACILITIES&facilityId=&purposes=TREATMENT&purposes=EMERGENCY&_csrf=" + csrf);
        Consent granted = consents.of(person.id()).getFirst();
        // issue 67: one click asks first (the consent named, what follows) and withdraws nothing
        String asked = submit(web, path + "/consents/" + granted.id() + "/withdraw");
        assertThat(asked).contains("<details class=\"confirm\" id=\"withdraw-consent-" + granted.id() + "\" open=\"open\">")
                .contains("この方の同意（すべての参加施設）を撤回します。撤回すると、この同意にもとづく他施設の記録の参照は、すぐにできなくなります。");
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> assertThat(c.active()).isTrue());
        String page = submit(web, path + "/consents/" + granted.id() + "/withdraw", "confirmed", "yes");

        assertThat(granted.purposes()).containsExactlyInAnyOrder(Purpose.TREATMENT, Purpose.EMERGENCY);
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> assertThat(c.active()).isFalse());
        assertThat(audit.forPatient(before, person.person().regionalId())).filteredOn(row -> !row.startsWith("READ "))
                .containsExactly("CREATE PERMIT ALL_FACILITIES [TREATMENT, EMERGENCY]", "UPDATE PERMIT withdrawn");
        assertThat(page).contains("同意を撤回しました。").contains("data-consent=\"" + granted.id() + "\" data-active=\"false\"").contains("撤回済み");
    }

    @Test
    void aConsentWithoutPurposesIsRefusedOnThePage() {
        RegisteredPerson person = person("モクテキ", "ゴロウ");
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        web.get(path);

        HttpResponse<String> refused = web.post(path + "/consents", "scope", "ALL_FACILITIES");

        assertThat(web.get(WebSession.location(refused)).body()).contains("同意する目的を1つ以上選んでください。");
        assertThat(consents.of(person.id())).isEmpty();
    }

    @Test
    void mergeThenUnmergeOnTheScreensRestoresEachPersonsSourcePatients() {
        RegisteredPerson kept = person("トウゴウ", "ロクロウ");
        RegisteredPerson duplicate = person("トウゴウ", "ロクロー");
        SourcePatient keptSource = linkedSource(kept, "KEEP");
        SourcePatient duplicateSource = linkedSource(duplicate, "DUP");
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + kept.id();
        long before = audit.max();

        HttpResponse<String> confirm = web.get(path + "/merge?regionalId=" + encode(spaced(duplicate.person().regionalId())));
        assertThat(confirm.body()).contains("トウゴウ ロクロウ").contains("トウゴウ ロクロー");
        assertThat(audit.forPatient(before, duplicate.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.operationsDemographics");
        web.post(path + "/merge", "mergedId", String.valueOf(duplicate.id()), "reason", "同一人物");

        assertThat(identities.sourcePatientsOf(kept.id())).containsExactly(keptSource, duplicateSource);
        assertThat(identities.person(duplicate.id()).orElseThrow().status()).isEqualTo(PersonStatus.MERGED);
        Matcher merge = Pattern.compile("data-merge=\"(\\d+)\"").matcher(web.get(path).body());
        assertThat(merge.find()).isTrue();
        // issue 67: one click asks first (the merge and the merged patient named, what follows) and undoes nothing
        long beforeAsking = audit.max();
        HttpResponse<String> asked = web.post(path + "/merges/" + merge.group(1) + "/unmerge", "reason", "別人と判明");
        assertThat(audit.forPatient(beforeAsking, kept.person().regionalId())).as("the question writes nothing").isEmpty();
        assertThat(WebSession.location(asked)).isEqualTo(path + "?confirm=unmerge-" + merge.group(1));
        assertThat(web.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"unmerge-" + merge.group(1) + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"unmerge-" + merge.group(1) + "-question\">統合（統合番号 "
                        + merge.group(1) + "）を解除します。解除すると、統合された患者 " + duplicate.id()
                        + " はふたたび別の患者になり、両方の患者の記録は統合の前のとおりに戻ります。</p>");
        assertThat(identities.person(duplicate.id()).orElseThrow().status()).as("still merged").isEqualTo(PersonStatus.MERGED);
        assertThat(web.get(path).body()).as("the merged patient's id without digit grouping")
                .contains(">患者 " + duplicate.id() + " を開く</a>");
        web.post(path + "/merges/" + merge.group(1) + "/unmerge", "reason", "別人と判明", "confirmed", "yes");

        assertThat(identities.sourcePatientsOf(kept.id())).containsExactly(keptSource);
        assertThat(identities.sourcePatientsOf(duplicate.id())).containsExactly(duplicateSource);
        assertThat(identities.person(duplicate.id()).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(audit.forPatient(before, kept.person().regionalId())).contains(
                "PERSON_MERGE PERMIT merge " + merge.group(1) + ": " + duplicate.person().regionalId() + " into "
                        + kept.person().regionalId() + "; 同一人物",
                "PERSON_UNMERGE PERMIT unmerge " + merge.group(1) + ": 別人と判明");
        assertThat(web.get(path).body()).doesNotContain("data-merge=");
    }

    @Test
    void anOperatorUnlinksAWronglyLinkedFacilityPatient() {
        RegisteredPerson person = person("レンケツ", "ナナコ");
        SourcePatient source = linkedSource(person, "WRONG");
        WebSession web = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        web.get(path);
        long before = audit.max();

        // issue 67: one click asks first (the facility and its patient ID named, what follows) and unlinks nothing
        HttpResponse<String> asked = web.post(path + "/source-patients/" + source.id() + "/unlink", "reason", "別人");
        assertThat(audit.forPatient(before, person.person().regionalId())).as("the question writes nothing").isEmpty();
        assertThat(WebSession.location(asked)).isEqualTo(path + "?confirm=unlink-" + source.id());
        assertThat(web.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"unlink-" + source.id() + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"unlink-" + source.id() + "-question\">"
                        + accounts.facilityOf(FacilityKind.HOSPITAL).nameKanji() + "の患者（施設の患者ID " + source.localId()
                        + "）の連結を解除します。解除すると、その施設の記録はすぐにこの方の記録から外れ、この方の記録として表示されなく"
                        + "なります（正しい方にあらためて連結します）。</p>")
                .contains("name=\"confirmed\" value=\"yes\"");
        assertThat(identities.personOf(source.id())).as("still linked").contains(person.id());
        before = audit.max();
        web.post(path + "/source-patients/" + source.id() + "/unlink", "reason", "別人", "confirmed", "yes");

        assertThat(identities.personOf(source.id())).isEmpty();
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly("IDENTITY_UNLINK PERMIT 別人");
    }

    @Test
    void anUnknownPersonIsADeniedAuditedRead() {
        User operator = accounts.networkAdmin();
        WebSession web = operatorSession(operator);
        long before = audit.max();

        HttpResponse<String> page = web.get("/admin/persons/" + Long.MAX_VALUE);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("data-reason=\"policy.deny.unknownPerson\"");
        assertThat(audit.since(before, operator.loginId())).containsExactly("READ DENY policy.deny.unknownPerson");
    }

    /** Posts a form and follows the redirect back to the page, as a browser does; returns that page. */
    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String submit(WebSession web, String path, String... nameValues) {
        return web.get(WebSession.location(web.post(path, nameValues))).body();
    }

    @Test
    void anOperatorBlocksAFacilityAtThePersonsRequestAndLiftsTheBlock() {
        RegisteredPerson person = person("キョヒ", "ハナコ");
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), 0, null);
        consents.link(person.id(), clinic.id(), 0);
        WebSession doctor = operatorSession(accounts.memberOf(clinic, Profession.DOCTOR));
        WebSession admin = operatorSession(accounts.networkAdmin());
        String path = "/admin/persons/" + person.id();
        admin.get(path);
        assertThat(doctor.get("/portal/patients/" + person.id()).statusCode()).isEqualTo(200);
        long before = audit.max();

        String blocked = submit(admin, path + "/blocks", "facilityId", String.valueOf(clinic.id()));
        int whileBlocked = doctor.get("/portal/patients/" + person.id()).statusCode();
        String again = submit(admin, path + "/blocks", "facilityId", String.valueOf(clinic.id()));
        // issue 67: one click asks first (the facility named, what follows) and lifts nothing
        String asked = submit(admin, path + "/blocks/" + clinic.id() + "/remove");
        int stillBlocked = doctor.get("/portal/patients/" + person.id()).statusCode();
        String lifted = submit(admin, path + "/blocks/" + clinic.id() + "/remove", "confirmed", "yes");
        int afterwards = doctor.get("/portal/patients/" + person.id()).statusCode();

        assertThat(blocked).contains("この施設からの閲覧を拒否しました").contains("data-blocked=\"" + clinic.id() + "\"");
        assertThat(whileBlocked).isEqualTo(404);
        assertThat(asked).contains("<details class=\"confirm\" id=\"unblock-" + clinic.id() + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"unblock-" + clinic.id() + "-question\">" + clinic.nameKanji()
                        + "からの閲覧の拒否を解除します。解除すると、次の要求から" + clinic.nameKanji() + "は、同意・連携・緊急時アクセスに"
                        + "もとづいてこの方の記録を閲覧でき、連携もできるようになります。</p>")
                .contains("data-blocked=\"" + clinic.id() + "\"");
        assertThat(stillBlocked).isEqualTo(404);
        assertThat(again).contains("すでに拒否されています");
        assertThat(lifted).contains("閲覧拒否を解除しました").doesNotContain("data-blocked=");
        assertThat(afterwards).isEqualTo(200);
        assertThat(audit.forPatient(before, person.person().regionalId())).filteredOn(r -> !r.contains("operations"))
                .containsExactly("FACILITY_BLOCK PERMIT blocked at the person's request", "READ DENY policy.deny.facilityBlocked",
                        "READ DENY policy.deny.facilityBlocked", "FACILITY_UNBLOCK PERMIT block lifted at the person's request",
                        "READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    private WebSession operatorSession(User operator) {
        return accounts.signedIn(port, operator);
    }

    private RegisteredPerson person(String familyKana, String givenKana) {
        LocalDate birth = FhirRecords.uniqueBirthDate();
        return identities.register(new Person(TestRegionalIds.next(), "試験", "患者", familyKana, givenKana, Sex.FEMALE,
                birth, null, null, null));
    }

    private SourcePatient linkedSource(RegisteredPerson person, String prefix) {
        Person p = person.person();
        SourcePatient source = identities.receive(new SourcePatient(0, accounts.facilityOf(FacilityKind.HOSPITAL).id(),
                prefix + "-" + ThreadLocalRandom.current().nextLong(1_000_000_000L), p.familyKanji(), p.givenKanji(),
                p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null));
        linking.link(0, source.id(), person.id(), LinkMethod.OPERATOR, "test");
        return source;
    }

    private List<String> readPurposes(long afterSeq, RegisteredPerson person) {
        return jdbc.sql("SELECT purpose FROM audit_event WHERE seq > ? AND patient_id = ? AND action = 'READ' ORDER BY seq")
                .params(afterSeq, person.person().regionalId()).query(String.class).list();
    }

    /** A form with repeated names (checkboxes), which {@link WebSession#post} cannot send. */
    private static void postForm(WebSession web, String path, String body) {
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        web.get(WebSession.location(response));
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return encode(m.group(1));
    }

    private static String spaced(String regionalId) {
        return regionalId.substring(0, 4) + " " + regionalId.substring(4, 8) + "-" + regionalId.substring(8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
