package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.User;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat's month in headless Chromium: the operator makes a month's invoices, opens a clinic's, issues a
 * corrected invoice with a reduction and a reason, and finds both in the month's list — the original marked corrected
 * and naming its replacement, the correction naming the original. No script error on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class FeesBrowserIT extends NetworkFixtures {

    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;
    @Autowired
    FeeSettings settings;
    @Autowired
    InvoiceStore invoiceStore;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOperatorMakesAMonthsInvoicesAndCorrectsOne() {
        YearMonth month = YearMonth.of(2045, 6);
        User operator = accounts.networkAdmin();
        settings.saveRules(Administrator.of(operator), new FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L), List.of(),
                Set.of(), 1_000, 100, FeeRules.PartMonth.FULL, FeeRules.PartMonth.FULL));
        Facility clinic = facilities.insert(new FacilityDraft("請求試験クリニック" + System.nanoTime(), "セイキュウシケン",
                FacilityKind.CLINIC, TestAccounts.unusedInstitutionCode(facilities, 1), 34, "呉市本通1-1", null, true, true,
                FacilityStatus.ACTIVE));
        profiles.save(new FacilityProfile(clinic.id(), Optional.of("呉市"), Optional.of(0), Set.of(AcceptedCard.REGIONAL),
                true, LocalDate.of(2040, 4, 1), Optional.empty()));

        browser = browserAs(operator);
        browser.open("/admin/invoices");
        browser.script("document.querySelector('#run-month').value = arguments[0]", month.toString());
        browser.find("#run").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ran")));
        Invoice original = invoiceStore.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow();
        assertThat(original.totals().total()).as("5,000 + 1,000 + 10 %").isEqualTo(6_600);
        browser.find("tr[data-invoice='" + original.id() + "'] a.invoice-link").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("invoice-title"), "請求書 " + original.number()));
        assertThat(browser.find("#registration-number").getText()).matches("T\\d{13}");
        assertThat(browser.find("#addressee").getText()).isEqualTo(clinic.nameKanji());

        List<WebElement> items = browser.findAll("#correct-form input[name='item']");
        List<WebElement> amounts = browser.findAll("#correct-form input[name='amount']");
        assertThat(items).as("the two lines and an empty one").hasSize(3);
        items.get(2).sendKeys("開始時期による減額");
        amounts.get(2).sendKeys("-500");
        browser.find("#reason").sendKeys("参加開始が遅れたため");
        browser.find("#correct-submit").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("replaces")));
        Invoice correction = invoiceStore.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow();
        assertThat(correction.id()).isNotEqualTo(original.id());
        assertThat(browser.find("#invoice-title").getText()).isEqualTo("請求書 " + correction.number());
        assertThat(browser.find("#replaces").getText()).contains(original.number()).contains("参加開始が遅れたため");
        assertThat(browser.find("#total").getText()).as("5,500 + 550").isEqualTo("6,050 円");

        browser.open("/admin/invoices?month=" + month);
        WebElement replaced = browser.find("tr[data-invoice='" + original.id() + "']");
        WebElement replacing = browser.find("tr[data-invoice='" + correction.id() + "']");
        assertThat(replaced.getAttribute("data-status")).isEqualTo("REPLACED");
        assertThat(replaced.findElement(By.cssSelector(".state")).getText()).contains(correction.number());
        assertThat(replacing.getAttribute("data-status")).isEqualTo("ISSUED");
        assertThat(replacing.findElement(By.cssSelector(".state")).getText()).contains(original.number()).contains("未入金");
        replaced.findElement(By.cssSelector("a.invoice-link")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("replaced-by")));
        assertThat(browser.find("#replaced-by").getText()).isEqualTo(correction.number());
        assertThat(browser.findAll("#correct-form")).as("a replaced invoice is never corrected again").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
