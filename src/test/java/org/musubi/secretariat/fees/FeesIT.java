package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fees and invoices over HTTP: the operator sets the issuer (a wrong 登録番号 named beside its field) and the rules (a
 * wrong band named, nothing saved); the month's run issues one invoice per paying facility and none for a free one;
 * running it again gives the very same invoices; after a rule change the run reports the difference and changes no
 * issued invoice; a correction replaces an invoice by a new one that names it, both downloadable as PDFs with the
 * qualified invoice's items; paid marks filter the list; the CSV is for accounting software; every change is one audit
 * row; only network administrators get anything; a read-only standby changes nothing. Each test invoices its own
 * month far ahead (its own rules, its own year of numbers), as every facility of the shared database takes part then.
 */
@MusubiIntegrationTest
class FeesIT extends NetworkFixtures {

    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;
    @Autowired
    Invoices invoices;
    @Autowired
    MonthlyRun run;
    @Autowired
    FeeSettings settings;
    @Autowired
    FeeStore feeStore;
    @Autowired
    InvoiceStore invoiceStore;

    private Facility facility(FacilityKind kind, boolean disclosing, boolean viewing, Integer beds, LocalDate joined) {
        String code = kind.codeRequired() ? TestAccounts.unusedInstitutionCode(facilities, 1) : null;
        Facility made = facilities.insert(new FacilityDraft("料金試験" + kind + System.nanoTime(), "リョウキンシケン", kind, code,
                34, "呉市中央" + System.nanoTime(), null, disclosing, viewing, FacilityStatus.ACTIVE));
        profiles.save(new FacilityProfile(made.id(), Optional.of("呉市"), Optional.ofNullable(beds),
                Set.of(AcceptedCard.REGIONAL), true, joined, Optional.empty()));
        return made;
    }

    private static String[] rulesForm(YearMonth from, String clinicFee, String firstBand) {
        return new String[] {"from", from.toString(), "monthly.CLINIC", clinicFee, "monthly.PHARMACY", "3000",
                "monthly.CARE_FACILITY", "9000", "bandFrom", firstBand, "bandAmount", "20000",
                "free", "CARE_FACILITY", "disclosingSurcharge", "2000", "viewingOnlyPercent", "50",
                "joinMonth", "PRO_RATA", "leaveMonth", "FREE"};
    }

    /** Posts a form whose names repeat (rows of a table), with the CSRF token of the page last seen. */
    private static HttpResponse<String> postRows(WebSession web, String path, List<Map.Entry<String, String>> fields) {
        String body = java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(Map.entry("_csrf",
                        web.csrf())))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Invoice invoiceOf(YearMonth month, Facility facility) {
        return invoiceStore.current(month).stream().filter(i -> i.facilityId() == facility.id()).findFirst().orElseThrow();
    }

    @Test
    void aMonthsRunIsIdempotentAndARuleChangeIsReportedNotApplied() {
        YearMonth month = YearMonth.of(2041, 3);
        User operator = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, operator);
        assertThat(web.get("/admin/fees").statusCode()).isEqualTo(200);

        long before = audit.max();
        String refused = web.post("/admin/fees/settings", "issuerName", "呉地域医療連携協議会", "issuerAddress", "呉市中央1-1",
                "registrationNumber", "T8000012050002", "bankDetails", "呉銀行 本店 普通 1234567", "paymentDays", "30").body();
        assertThat(refused).contains("data-fault-for=\"registrationNumber\"").contains("登録番号は「T」と13桁");
        assertThat(audit.countSince(before)).as("a refused form changes and records nothing").isZero();
        web.post("/admin/fees/settings", "issuerName", "呉地域医療連携協議会", "issuerAddress", "呉市中央1-1",
                "registrationNumber", "t7000-0120-50002", "bankDetails", "呉銀行 本店 普通 1234567", "paymentDays", "30");
        assertThat(settings.settings().orElseThrow().registrationNumber().value()).isEqualTo("T7000012050002");
        assertThat(audit.reasons(before, "UPDATE", "InvoicingSettings")).containsExactly("issuer T7000012050002");

        web.get("/admin/fees");
        int versions = feeStore.versions().size();
        String badRules = web.post("/admin/fees/rules", rulesForm(month, "5,000", "abc")).body();
        assertThat(badRules).contains("data-fault-for=\"bandFrom\"").contains("1行目の病床数");
        assertThat(feeStore.versions()).as("nothing saved").hasSize(versions);
        web.get("/admin/fees");
        long saving = audit.max();
        web.post("/admin/fees/rules", rulesForm(month, "5000", "0"));
        assertThat(audit.reasons(saving, "CREATE", "FeeRule")).containsExactly("from " + month);
        assertThat(settings.rulesFor(month).monthly()).containsEntry(FacilityKind.CLINIC, 5_000L);
        String shown = web.get("/admin/fees?from=" + month).body();
        assertThat(shown).as("the version in force shown again").contains("id=\"monthly.CLINIC\"")
                .containsPattern("name=\"monthly.CLINIC\"[^>]*value=\"5000\"").contains(">" + month + "</a>");

        Facility hospital = facility(FacilityKind.HOSPITAL, true, true, 250, LocalDate.of(2040, 1, 1));
        Facility clinic = facility(FacilityKind.CLINIC, false, true, 0, month.atDay(16));
        Facility care = facility(FacilityKind.CARE_FACILITY, true, true, null, LocalDate.of(2040, 1, 1));
        Facility later = facility(FacilityKind.CLINIC, true, true, 0, month.plusMonths(1).atDay(1));

        web.get("/admin/invoices?month=" + month);
        long running = audit.max();
        web.post("/admin/invoices/run", "month", month.toString());
        assertThat(audit.reasons(running, "CREATE", "InvoiceRun")).hasSize(1);
        List<Invoice> first = invoices.list(Optional.of(month), InvoiceStore.Filter.ALL);
        assertThat(first).extracting(Invoice::number).allMatch(n -> n.matches("2041-\\d{4}")).doesNotHaveDuplicates();
        assertThat(first).extracting(Invoice::facilityId).contains(hospital.id(), clinic.id())
                .doesNotContain(care.id(), later.id());
        assertThat(invoiceOf(month, hospital).lines()).containsExactly(
                new InvoiceLine("BASE-HOSPITAL-0", "参加費（病院 0床以上）2041年3月分", 20_000, 10),
                new InvoiceLine("DISCLOSING", "開示施設加算 2041年3月分", 2_000, 10));
        Invoice clinicInvoice = invoiceOf(month, clinic);
        assertThat(clinicInvoice.lines()).as("viewing only 50 %, 16 of 31 days: 2,500 × 16 / 31 = 1,290.3")
                .extracting(InvoiceLine::amount).containsExactly(1_290L);
        assertThat(clinicInvoice.totals().tax()).isEqualTo(129);
        assertThat(clinicInvoice.issuer().registrationNumber()).isEqualTo("T7000012050002");
        assertThat(clinicInvoice.dueOn()).isEqualTo(clinicInvoice.issuedOn().plusDays(30));
        assertThat(run.preview(month).free()).extracting(MonthlyRun.FreeFacility::facilityId).contains(care.id());

        web.get("/admin/invoices?month=" + month);
        web.post("/admin/invoices/run", "month", month.toString());
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.ALL)).as("the same invoices, numbers, amounts")
                .isEqualTo(first);

        web.get("/admin/fees");
        web.post("/admin/fees/rules", rulesForm(month, "6000", "0"));
        MonthlyRun.Report plan = run.preview(month);
        assertThat(plan.differences()).filteredOn(d -> d.invoice().id() == clinicInvoice.id()).singleElement()
                .extracting(MonthlyRun.Difference::now).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .as("3,000 × 16 / 31 = 1,548.4").extracting("amount").containsExactly(1_548L);
        assertThat(plan.differences()).extracting(d -> d.invoice().facilityId()).as("the hospital's fee did not change")
                .doesNotContain(hospital.id());
        web.get("/admin/invoices?month=" + month);
        long rerunning = audit.max();
        web.post("/admin/invoices/run", "month", month.toString());
        String page = web.get("/admin/invoices?month=" + month).body();
        assertThat(page).contains("data-invoice=\"" + clinicInvoice.id() + "\"").contains("offer-correction");
        assertThat(audit.reasons(rerunning, "CREATE", "InvoiceRun")).singleElement().asString().startsWith("0 issued, ")
                .doesNotContain(" 0 differences");
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.ALL)).as("issued invoices unchanged")
                .isEqualTo(first);
    }

    /**
     * Two administrators correct the same invoice at the same moment (issue 66): one correction replaces it, the other
     * is told the invoice was corrected already (409), with their lines and reason still on the page; one invoice
     * replaces the original, never two.
     */
    @Test
    void twoCorrectionsAtOnceOneReplacesTheInvoiceTheOtherIsToldAndKeepsItsLines() throws Exception {
        YearMonth month = YearMonth.of(2042, 9);
        User operator = accounts.networkAdmin();
        Administrator admin = Administrator.of(operator);
        settings.saveSettings(admin, new InvoicingSettings("呉地域医療連携協議会", "呉市中央1-1",
                new RegistrationNumber("T1180301018771"), "呉銀行 本店 普通 7654321", 20));
        settings.saveRules(admin, new FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L), List.of(
                new FeeRules.Band(0, 20_000), new FeeRules.Band(200, 50_000)), Set.of(), 2_000, 100,
                FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL));
        Facility hospital = facility(FacilityKind.HOSPITAL, true, true, 320, LocalDate.of(2040, 1, 1));
        run.run(admin, month, LocalDate.of(2042, 10, 1));
        Invoice original = invoiceOf(month, hospital);
        WebSession first = accounts.signedIn(port, operator);
        WebSession second = accounts.signedIn(port, operator);
        first.get("/admin/invoices/" + original.id());
        second.get("/admin/invoices/" + original.id());
        String path = "/admin/invoices/" + original.id() + "/correct";
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> {
            go.await();
            return postRows(first, path, List.of(Map.entry("code", "MANUAL"), Map.entry("item", "減額A"),
                    Map.entry("amount", "-1000"), Map.entry("taxRate", "10"), Map.entry("reason", "理由A")));
        });
        var b = pool.submit(() -> {
            go.await();
            return postRows(second, path, List.of(Map.entry("code", "MANUAL"), Map.entry("item", "減額B"),
                    Map.entry("amount", "-2000"), Map.entry("taxRate", "10"), Map.entry("reason", "理由B")));
        });
        go.countDown();
        HttpResponse<String> answerA = a.get(2, java.util.concurrent.TimeUnit.MINUTES);
        HttpResponse<String> answerB = b.get(2, java.util.concurrent.TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(java.util.stream.Stream.of(answerA.statusCode(), answerB.statusCode()).sorted().toList())
                .as("one corrected, one told").containsExactly(302, 409);
        HttpResponse<String> told = answerA.statusCode() == 409 ? answerA : answerB;
        String mine = told == answerA ? "A" : "B";
        Invoice replacement = invoiceOf(month, hospital);
        assertThat(told.body()).contains("この請求書（" + original.number() + "）はすでに訂正されています（いま有効なのは "
                        + replacement.number() + "）")
                .as("the lines and reason typed stay in the form of the invoice in force")
                .contains("value=\"減額" + mine + "\"").contains(">理由" + mine + "</textarea>")
                .contains("/admin/invoices/" + replacement.id() + "/correct");
        assertThat(replacement.replaces()).hasValue(new Invoice.Reference(original.id(), original.number()));
        assertThat(replacement.reason()).hasValue(mine.equals("A") ? "理由B" : "理由A");
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.ALL).stream()
                .filter(i -> i.replaces().isPresent()).count()).as("one correction stored").isEqualTo(1);
    }

    @Test
    void aCorrectionReplacesAnInvoiceAndBothStayDownloadable() throws Exception {
        YearMonth month = YearMonth.of(2042, 5);
        User operator = accounts.networkAdmin();
        Administrator admin = Administrator.of(operator);
        settings.saveSettings(admin, new InvoicingSettings("呉地域医療連携協議会", "呉市中央1-1",
                new RegistrationNumber("T1180301018771"), "呉銀行 本店 普通 7654321", 20));
        settings.saveRules(admin, new FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L), List.of(
                new FeeRules.Band(0, 20_000), new FeeRules.Band(200, 50_000)), Set.of(), 2_000, 100,
                FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL));
        Facility hospital = facility(FacilityKind.HOSPITAL, true, true, 320, LocalDate.of(2040, 1, 1));
        run.run(admin, month, LocalDate.of(2042, 6, 1));
        Invoice original = invoiceOf(month, hospital);
        assertThat(original.totals().total()).isEqualTo(57_200);

        WebSession web = accounts.signedIn(port, operator);
        web.get("/admin/invoices/" + original.id());
        long before = audit.max();
        HttpResponse<String> corrected = postRows(web, "/admin/invoices/" + original.id() + "/correct", List.of(
                Map.entry("code", "BASE-HOSPITAL-200"), Map.entry("item", "参加費（病院 200床以上）2042年5月分"),
                Map.entry("amount", "50000"), Map.entry("taxRate", "10"),
                Map.entry("code", "DISCLOSING"), Map.entry("item", "開示施設加算 2042年5月分"),
                Map.entry("amount", "2000"), Map.entry("taxRate", "10"),
                Map.entry("code", "MANUAL"), Map.entry("item", "協議会決定による減額"), Map.entry("amount", "-10000"),
                Map.entry("taxRate", "10"), Map.entry("code", "MANUAL"), Map.entry("item", ""), Map.entry("amount", ""),
                Map.entry("taxRate", "10"), Map.entry("reason", "理事会で減額を決定")));
        assertThat(corrected.statusCode()).isEqualTo(302);
        Invoice replacement = invoiceOf(month, hospital);
        assertThat(WebSession.location(corrected)).endsWith("/admin/invoices/" + replacement.id());
        assertThat(replacement.number()).isNotEqualTo(original.number()).startsWith("2042-");
        assertThat(replacement.replaces()).hasValue(new Invoice.Reference(original.id(), original.number()));
        assertThat(replacement.reason()).hasValue("理事会で減額を決定");
        assertThat(replacement.totals().rates()).containsExactly(new TaxTotals.PerRate(10, 42_000, 4_200));
        Invoice replaced = invoices.find(original.id()).orElseThrow();
        assertThat(replaced.status()).isEqualTo(Invoice.Status.REPLACED);
        assertThat(replaced.lines()).as("never edited").isEqualTo(original.lines());
        assertThat(replaced.issuedOn()).isEqualTo(original.issuedOn());
        assertThat(replaced.replacedBy()).hasValue(new Invoice.Reference(replacement.id(), replacement.number()));
        assertThat(audit.reasons(before, "CREATE", "Invoice")).containsExactly(
                "correction " + replacement.number() + " replaces " + original.number());
        assertThat(audit.countSince(before)).as("one row for the correction").isEqualTo(1);

        web.get("/admin/invoices/" + original.id());
        long again = audit.max();
        String twice = postRows(web, "/admin/invoices/" + original.id() + "/correct", List.of(Map.entry("code", "X"),
                Map.entry("item", "x"), Map.entry("amount", "1"), Map.entry("taxRate", "10"),
                Map.entry("reason", "again"))).body();
        assertThat(twice).contains("すでに訂正されています");
        assertThat(invoiceOf(month, hospital).id()).isEqualTo(replacement.id());
        assertThat(audit.countSince(again)).isZero();

        assertThat(run.preview(month).differences()).extracting(d -> d.invoice().id())
                .as("a correction under the rules in force stands").doesNotContain(replacement.id());

        for (Invoice each : List.of(replaced, replacement)) {
            HttpResponse<byte[]> pdf = web.getBytes("/admin/invoices/" + each.id() + "/pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            try (var document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("適格請求書").contains("登録番号: T1180301018771").contains("呉地域医療連携協議会")
                        .contains(hospital.nameKanji()).contains("2042年5月分").contains("10%対象 合計（税抜）")
                        .contains("10%対象 消費税額").contains(each.number()).contains("発行日: " + each.issuedOn());
            }
        }
        try (var document = Loader.loadPDF(web.getBytes("/admin/invoices/" + replacement.id() + "/pdf").body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("42,000 円").contains("4,200 円").contains("46,200 円").contains(original.number())
                    .contains("理事会で減額を決定");
        }
        try (var document = Loader.loadPDF(web.getBytes("/admin/invoices/" + replaced.id() + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("無効").contains(replacement.number());
        }

        web.get("/admin/invoices/" + replacement.id());
        long paying = audit.max();
        web.post("/admin/invoices/" + replacement.id() + "/paid", "paidOn", "2042-06-15");
        assertThat(invoices.find(replacement.id()).orElseThrow().paidOn()).hasValue(LocalDate.of(2042, 6, 15));
        assertThat(audit.reasons(paying, "UPDATE", "Invoice")).containsExactly("paid 2042-06-15");
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.PAID)).extracting(Invoice::id)
                .containsExactly(replacement.id());
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.UNPAID)).extracting(Invoice::id)
                .doesNotContain(replacement.id(), replaced.id());
        assertThat(invoices.list(Optional.of(month), InvoiceStore.Filter.REPLACED)).extracting(Invoice::id)
                .containsExactly(replaced.id());
        String list = web.get("/admin/invoices?month=" + month + "&status=ALL").body();
        assertThat(list).contains("data-number=\"" + original.number() + "\"").contains("data-number=\"" + replacement.number() + "\"")
                .contains("入金済み（2042-06-15）");

        HttpResponse<byte[]> csv = web.getBytes("/admin/invoices.csv?month=" + month + "&status=PAID");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(java.util.Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> rows = List.of(new String(csv.body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith(replacement.number() + "," + replacement.issuedOn() + ",2042-05,"
                + hospital.id() + "," + hospital.nameKanji() + ",BASE-HOSPITAL-200,").endsWith(",50000,10,4200,ISSUED,"
                + original.number() + ",2042-06-15");
        assertThat(rows.get(3)).contains(",MANUAL,協議会決定による減額,-10000,10,0,");
    }

    /** The clinic's invoice of {@code month} under rules of that month (a clinic 5,000 yen), run by {@code admin}. */
    private Invoice invoicedClinic(Administrator admin, YearMonth month, Facility clinic) {
        settings.saveRules(admin, new FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L), List.of(), Set.of(), 0, 100,
                FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL));
        run.run(admin, month, month.plusMonths(1).atDay(1));
        return invoiceOf(month, clinic);
    }

    @Test
    void onlyNetworkAdministratorsGetFeesAndInvoices() {
        YearMonth month = YearMonth.of(2043, 7);
        Administrator admin = Administrator.of(accounts.networkAdmin());
        Facility clinic = facility(FacilityKind.CLINIC, false, true, 0, LocalDate.of(2040, 1, 1));
        Invoice invoice = invoicedClinic(admin, month, clinic);
        List<User> others = List.of(accounts.memberOf(clinic, Profession.MEDICAL_CLERK), accounts.adminOf(clinic),
                accounts.memberOf(clinic, Profession.DOCTOR));
        for (User user : others) {
            WebSession web = accounts.signedIn(port, user);
            web.get("/");
            for (String path : List.of("/admin/fees", "/admin/invoices", "/admin/invoices/" + invoice.id(),
                    "/admin/invoices/" + invoice.id() + "/pdf", "/admin/invoices.csv", "/admin/invoices/999999999")) {
                assertThat(web.get(path).statusCode()).as(user.profession() + " " + path).isEqualTo(403);
            }
            long before = audit.max();
            for (String path : List.of("/admin/invoices/run", "/admin/invoices/" + invoice.id() + "/paid",
                    "/admin/invoices/" + invoice.id() + "/correct", "/admin/fees/rules", "/admin/fees/settings")) {
                assertThat(web.post(path, "month", month.toString(), "paidOn", "2043-08-02", "reason", "x",
                        "item", "x", "amount", "1", "taxRate", "10", "code", "X").statusCode())
                        .as(user.profession() + " " + path).isEqualTo(403);
            }
            assertThat(invoices.find(invoice.id()).orElseThrow()).as("nothing changed").isEqualTo(invoice);
            assertThat(audit.rowsSince(before)).extracting(org.musubi.testing.AuditRows.Row::action).doesNotContain("CREATE", "UPDATE");
        }
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        assertThat(operator.get("/admin/invoices/999999999").statusCode()).isEqualTo(404);
        assertThat(operator.get("/admin/invoices/999999999/pdf").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> run.run(Administrator.of(others.get(1)), month, LocalDate.of(2043, 8, 1)))
                .isInstanceOf(org.musubi.registry.NotPermitted.class);
    }

    @Test
    void aReadOnlyStandbyRefusesEveryChange() {
        YearMonth month = YearMonth.of(2044, 2);
        Administrator admin = Administrator.of(accounts.networkAdmin());
        Facility clinic = facility(FacilityKind.CLINIC, false, true, 0, LocalDate.of(2040, 1, 1));
        Invoice invoice = invoicedClinic(admin, month, clinic);
        MonthlyRun standbyRun = new MonthlyRun(facilities, profiles, feeStore, invoiceStore, auditTrail, () -> true);
        Invoices standbyInvoices = new Invoices(invoiceStore, feeStore, auditTrail, () -> true, java.time.Clock.systemUTC());
        FeeSettings standbySettings = new FeeSettings(feeStore, auditTrail, () -> true);
        int versions = feeStore.versions().size();
        assertThatThrownBy(() -> standbyRun.run(admin, month.plusMonths(1), LocalDate.of(2044, 4, 1)))
                .isInstanceOf(ReadOnlyStandbyException.class).hasMessage(Standby.MESSAGE);
        assertThatThrownBy(() -> standbyInvoices.markPaid(admin, invoice.id(), Optional.of(LocalDate.of(2044, 3, 5))))
                .isInstanceOf(ReadOnlyStandbyException.class);
        assertThatThrownBy(() -> standbyInvoices.correct(admin, invoice.id(), invoice.lines(), "x"))
                .isInstanceOf(ReadOnlyStandbyException.class);
        assertThatThrownBy(() -> standbySettings.saveRules(admin, FeeRules.none(month)))
                .isInstanceOf(ReadOnlyStandbyException.class);
        assertThat(standbyRun.preview(month).kept()).as("reading works").extracting(Invoice::id).contains(invoice.id());
        assertThat(invoiceStore.current(month.plusMonths(1))).isEmpty();
        assertThat(invoices.find(invoice.id()).orElseThrow()).isEqualTo(invoice);
        assertThat(feeStore.versions()).hasSize(versions);
    }

    @Autowired
    org.musubi.audit.Audit auditTrail;

    @Test
    void theDemoNetworkHasInvoicesForItsPastYear() {
        YearMonth thisMonth = YearMonth.now(Invoices.JAPAN);
        assertThat(settings.settings()).as("the demo's issuer").isPresent();
        List<Invoice> lastMonth = invoices.list(Optional.of(thisMonth.minusMonths(1)), InvoiceStore.Filter.ALL);
        assertThat(lastMonth).as("last month's invoices of the demo's facilities").isNotEmpty()
                .allSatisfy(i -> assertThat(i.issuedOn()).isEqualTo(thisMonth.atDay(1)));
        long months = java.util.stream.IntStream.rangeClosed(1, 12)
                .filter(back -> !invoiceStore.current(thisMonth.minusMonths(back)).isEmpty()).count();
        assertThat(months).as("months of the past year with invoices").isGreaterThanOrEqualTo(3);
        assertThat(invoiceStore.current(thisMonth)).as("the month under way is not invoiced yet").isEmpty();
        assertThat(invoiceStore.current(thisMonth.minusMonths(12)).size()).as("facilities joined over the year")
                .isLessThan(lastMonth.size());
    }
}
