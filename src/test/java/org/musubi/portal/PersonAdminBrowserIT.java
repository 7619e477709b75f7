package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 67 in headless Chromium, for an act whose form has a field: the operator unlinks a wrongly linked facility
 * patient with a reason. Enter in the reason field asks rather than acts; the question opens from the keyboard; its
 * button sends the reason typed with the confirmation.
 */
@MusubiIntegrationTest
@Tag("browser")
class PersonAdminBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    LinkSourcePatient linking;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void unlinkingAsksOnceInsideItsFormAndKeepsTheReason() {
        LocalDate birth = FhirRecords.uniqueBirthDate();
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "試験", "患者", "レンケツ", "ブラウザ",
                Sex.FEMALE, birth, null, null, null));
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        SourcePatient source = identities.receive(new SourcePatient(0, hospital.id(),
                "WRONG-" + ThreadLocalRandom.current().nextLong(1_000_000_000L), "試験", "患者", "レンケツ", "ブラウザ",
                Sex.FEMALE, birth, null, null, null));
        linking.link(0, source.id(), person.id(), LinkMethod.OPERATOR, "test");
        String row = "#source-list tr[data-source='" + source.id() + "'] ";
        browser = browserAs(accounts.networkAdmin());
        browser.open("/admin/persons/" + person.id());
        long before = audit.max();

        assertThat(browser.find(row + "button.confirm-default").isDisplayed()).as("the form's default button is unseen")
                .isFalse();
        browser.find(row + "input[name='reason']").sendKeys("別人と判明", Keys.ENTER);
        browser.await().until(d -> browser.path().contains("confirm=unlink-" + source.id()));
        assertThat(identities.personOf(source.id())).as("Enter asks: still linked").contains(person.id());
        assertThat(browser.find("#unlink-" + source.id()).getDomProperty("open")).as("the question open").isEqualTo("true");
        assertThat(browser.find("#unlink-" + source.id() + "-question").getText()).isEqualTo(hospital.nameKanji()
                + "の患者（施設の患者ID " + source.localId() + "）の連結を解除します。解除すると、その施設の記録はすぐにこの方の記録から"
                + "外れ、この方の記録として表示されなくなります（正しい方にあらためて連結します）。");
        browser.scrollTo(browser.find("#unlink-" + source.id()));
        browser.screenshot("admin-person-unlink-question");

        browser.open("/admin/persons/" + person.id());
        browser.find(row + "input[name='reason']").sendKeys("別人と判明", Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.find("#unlink-" + source.id()).getDomProperty("open")).as("opened from the keyboard")
                .isEqualTo("true");
        browser.clickAndLeave("#unlink-" + source.id() + "-confirm");

        assertThat(identities.personOf(source.id())).isEmpty();
        assertThat(browser.find("body").getText()).contains("連結を解除しました");
        assertThat(audit.forPatient(before, person.person().regionalId())).filteredOn(r -> !r.startsWith("READ "))
                .containsExactly("IDENTITY_UNLINK PERMIT 別人と判明");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
