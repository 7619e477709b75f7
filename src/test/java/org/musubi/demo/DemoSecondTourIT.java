package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * README's second tour on a fresh data directory in demo mode, step by step with the names and labels the README
 * quotes: the demo resident opens her notebook (命の宝箱, medicines, vitals), a paramedic on a phone finds her by the
 * card the console printed and hands her over to the ER hospital, the ER doctor opens the hand-over from the home
 * page, the resident sees who looked, and the operator reviews the emergency accesses. Screenshots go to
 * target/screenshots/tour2-*.png.
 */
@Tag("browser")
class DemoSecondTourIT extends StartedDemo {

    private static final Dimension PHONE = new Dimension(360, 800);

    @Test
    void theReadmesSecondTour() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tour = readme.substring(readme.indexOf("### Second tour"), readme.indexOf("## Commands"));
        String resident = quoted(tour, "\\*\\*(\\S+ \\S+) さんの健康手帳\\*\\*");
        String hospital = quoted(tour, "type \\*\\*(.+?)\\*\\*, tap");
        assertThat(tour).contains("**resident1**", "**musubi-demo**", "**デモの住民**", "**命の宝箱（救急情報）**",
                "**ペニシリン系抗菌薬**", "**わたしのお薬**", "**アセトアミノフェン錠（市販薬）**",
                "**からだの記録（体重・血圧など）**", "**paramedic1**", "**救急隊：患者さんを探す**", "**患者さんを探す**",
                "**意識がない**", "**緊急時アクセスを開始する**", "**搬送先へ引き継ぐ**", "**" + hospital + " へ引き継ぐ**",
                "**doctor1**", "**救急隊からの引き継ぎ**", "**あなたの記録を見た人**", "**救急時の閲覧**", "**admin**",
                "**緊急時アクセス確認**", "**救急隊**", "**→ " + hospital + " へ引き継ぎ**", "**搬送先（引き継ぎ）**",
                "**適切**", "**確認済みにする**", "**ログアウト**");
        DemoResident.Seeded card = server.getBean(DemoProgress.class).resident().orElseThrow();
        assertThat(DemoInstructions.resident(card, "musubi-demo")).as("the console's lines the README points to")
                .contains("デモの住民", "resident1", card.cardNumber(), card.printedCheckCode());

        try (Chromium browser = Chromium.start(port)) {
            // 1. The resident's notebook: her sheet, her medicines (dispensed and her own), her vitals.
            DemoServer.logIn(browser, "/phr/login", "resident1");
            assertThat(browser.find("#phr-home").getText()).isEqualTo(resident + " さんの健康手帳");
            browser.driver().findElement(By.linkText("命の宝箱（救急情報）")).click();
            String sheet = browser.find("main").getText();
            browser.screenshot("tour2-1-sheet");
            assertThat(sheet).contains("ペニシリン系抗菌薬", "高血圧", "長男");
            browser.open("/phr");
            browser.driver().findElement(By.linkText("わたしのお薬")).click();
            String medicines = browser.find("main").getText();
            browser.screenshot("tour2-1-medicines");
            assertThat(medicines).contains("アセトアミノフェン錠（市販薬）");
            assertThat(browser.findAll("section.med-drug")).as("the pharmacy's dispensings").isNotEmpty();
            browser.open("/phr");
            browser.driver().findElement(By.linkText("からだの記録（体重・血圧など）")).click();
            browser.screenshot("tour2-1-vitals");
            assertThat(browser.find("main").getText()).as("a week of blood pressure").contains("138");
            logOut(browser);

            // 2. The paramedic on a phone: find by card, open, hand over to the ER hospital.
            browser.resize(PHONE);
            DemoServer.logIn(browser, "/login", "paramedic1");
            browser.await().until(ExpectedConditions.urlMatches(".*/emergency$"));
            assertThat(browser.find("h1").getText()).isEqualTo("救急隊：患者さんを探す");
            browser.fitsThePhone("tour2-2-find");
            browser.find("#card").sendKeys(card.cardNumber());
            browser.find("#checkCode").sendKeys(card.printedCheckCode());
            click(browser, "患者さんを探す");
            assertThat(browser.path()).isEqualTo("/emergency/open");
            assertThat(browser.find("#code-UNCONSCIOUS").isSelected()).as("意識がない, the reason kept").isTrue();
            browser.find("#password").sendKeys("musubi-demo");
            click(browser, "緊急時アクセスを開始する");
            browser.find("#emergency-banner");
            Matcher age = Pattern.compile("(\\d+)歳").matcher(browser.find("main").getText());
            assertThat(age.find()).as("her age is shown").isTrue();
            assertThat(Integer.parseInt(age.group(1))).as("old enough for her sheet's illnesses and her son")
                    .isBetween(65, 89);
            assertThat(browser.find("#dataset-allergies").getText()).contains("ペニシリン系抗菌薬");
            assertThat(browser.find("#dataset-medicines").getText()).contains("アセトアミノフェン錠（市販薬）");
            browser.screenshot("tour2-2-dataset");
            browser.fitsThePhone("tour2-2-dataset");
            assertThat(browser.find("#dataset-handover h2").getText()).isEqualTo("搬送先へ引き継ぐ");
            browser.find("#q").sendKeys(hospital);
            click(browser, "検索");
            click(browser, hospital + " へ引き継ぐ");
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("handed-over")));
            assertThat(browser.find("#handed-over").getText()).contains(hospital);
            browser.screenshot("tour2-2-handed-over");
            logOut(browser);

            // 3. The ER doctor opens the hand-over from the home page.
            browser.resize(Chromium.DESKTOP);
            DemoServer.logIn(browser, "/login", "doctor1");
            assertThat(browser.find("#er-inbox h2").getText()).isEqualTo("救急隊からの引き継ぎ");
            browser.find("#er-inbox a").click();
            browser.await().until(ExpectedConditions.urlContains("/emergency/persons/"));
            assertThat(browser.find("#dataset-allergies").getText()).contains("ペニシリン系抗菌薬");
            browser.screenshot("tour2-3-er");
            logOut(browser);

            // 4. The resident sees who looked.
            DemoServer.logIn(browser, "/phr/login", "resident1");
            browser.driver().findElement(By.linkText("あなたの記録を見た人")).click();
            List<WebElement> emergencies = browser.findAll("#access-log li.emergency:not(.handover)");
            browser.screenshot("tour2-4-access-log");
            assertThat(emergencies).as("the crew's and the hospital's views").hasSizeGreaterThanOrEqualTo(2);
            List<WebElement> handOvers = browser.findAll("#access-log li.emergency.handover");
            assertThat(handOvers).as("the crew's one hand-over, its own line").hasSize(1);
            assertThat(handOvers.getFirst().getText()).contains("救急時の引き継ぎ", "救急隊", "→ " + hospital)
                    .doesNotContain("救急時の閲覧");
            assertThat(emergencies).allSatisfy(e -> assertThat(e.getText()).contains("救急時の閲覧"));
            assertThat(browser.find("#access-log").getText()).contains(hospital);
            logOut(browser);

            // 5. The operator reviews the emergency accesses.
            DemoServer.logIn(browser, "/login", "admin");
            browser.find("#admin-menu summary").click(); // the header's one 管理 menu
            browser.driver().findElement(By.partialLinkText("緊急時アクセス確認")).click();
            browser.screenshot("tour2-5-review");
            WebElement crew = row(browser, "CREW", resident);
            assertThat(crew.getText()).contains("救急隊", "→ " + hospital + " へ引き継ぎ");
            assertThat(row(browser, "HANDOVER", resident).getText()).contains("搬送先（引き継ぎ）");
            String access = crew.getAttribute("data-access");
            new Select(crew.findElement(By.name("outcome"))).selectByVisibleText("適切");
            crew.findElement(By.name("note")).sendKeys("救急搬送、適切");
            crew.findElement(By.xpath(".//button[normalize-space()='確認済みにする']")).click();
            browser.awaitGone(crew);
            assertThat(browser.findAll("#emergency-list tr[data-access='" + access + "']")).as("reviewed").isEmpty();
        }
    }

    private static String quoted(String tour, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(tour);
        assertThat(matcher.find()).as("README quotes " + regex).isTrue();
        return matcher.group(1);
    }

    private static WebElement row(Chromium browser, String kind, String person) {
        return browser.findAll("#emergency-list tbody tr[data-kind='" + kind + "']").stream()
                .filter(r -> r.getText().contains(person)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " access of " + person + " to review"));
    }

    /** Clicks the button whose text is {@code text} and waits for the next page. */
    private static void click(Chromium browser, String text) {
        WebElement button = browser.driver().findElement(By.xpath("//button[normalize-space()='" + text + "']"));
        button.click();
        browser.awaitGone(button);
    }

    private static void logOut(Chromium browser) {
        click(browser, "ログアウト");
    }
}
