package org.musubi.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident on a phone finds the disclosing hospitals of their municipality, with the cards each accepts, from the
 * network's front door {@code /}.
 */
@MusubiIntegrationTest
@Tag("browser")
class PublicSiteBrowserIT extends NetworkFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);
    private static final List<String> CARD_LABELS = List.of("地域連携カード", "病院の開示カード", "マイナンバーカード");

    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;

    @Test
    void aResidentOnAPhoneFindsTheDisclosingHospitalsOfTheirMunicipality() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        // the demo's first hospital shown to the public, and its municipality's, found here without the public site
        FacilityProfile first = profiles.all().stream()
                .filter(p -> p.listed() && p.partOn(today) && p.municipality().isPresent())
                .filter(p -> facilities.find(p.facilityId()).filter(f -> f.kind() == FacilityKind.HOSPITAL
                        && f.active() && f.disclosing()).isPresent())
                .findFirst().orElseThrow();
        String municipality = first.municipality().orElseThrow();
        Facility hospital = facilities.find(first.facilityId()).orElseThrow();

        try (Chromium resident = Chromium.start(port)) {
            resident.resize(PHONE);
            // the front door (issue 67): the network's address itself, not the staff's login
            resident.open("/");
            assertThat(resident.path()).isEqualTo("/");
            assertThat(resident.find("h1").getText()).contains("結び");
            assertThat(resident.find("#nav-public-notebook").getAttribute("href")).endsWith("/phr/login");
            resident.fitsThePhone("public-home");
            WebElement toList = resident.find("#home-disclosing");
            toList.click();
            resident.awaitGone(toList);
            assertThat(resident.find("h1").getText()).isEqualTo("開示病院一覧");
            resident.fitsThePhone("public-disclosing");

            new Select(resident.find("#municipality")).selectByValue(municipality);
            WebElement filter = resident.find("#disclosing-filter-button");
            filter.click();
            resident.awaitGone(filter);
            resident.fitsThePhone("public-disclosing-filtered");

            List<WebElement> groups = resident.findAll("section.municipality-group");
            assertThat(groups).extracting(g -> g.getAttribute("data-municipality")).containsExactly(municipality);
            List<WebElement> cards = resident.findAll("li.disclosing-facility");
            assertThat(cards).extracting(c -> c.findElement(By.cssSelector(".facility-name")).getText())
                    .contains(hospital.nameKanji());
            assertThat(cards.getFirst().getAttribute("data-kind")).as("hospitals first").isEqualTo("HOSPITAL");
            WebElement card = cards.stream().filter(c -> c.getText().contains(hospital.nameKanji())).findFirst()
                    .orElseThrow();
            List<String> shown = card.findElements(By.cssSelector(".card-tag")).stream().map(WebElement::getText).toList();
            List<String> expected = first.acceptedCards().stream().sorted().map(AcceptedCard::ordinal)
                    .map(CARD_LABELS::get).toList();
            assertThat(shown).containsExactlyElementsOf(expected).contains("病院の開示カード");
            resident.scrollTo(card);
            resident.screenshot("public-disclosing-hospital-phone");

            WebElement howTo = resident.find("#nav-public-cards");
            howTo.click();
            resident.awaitGone(howTo);
            assertThat(resident.find("h1").getText()).isEqualTo("カードの作り方");
            resident.fitsThePhone("public-cards");
            assertThat(resident.consoleErrors()).isEmpty();
        }
    }
}
