package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.policy.AccessPolicy;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.DemoLogins;
import org.musubi.surveillance.SurveillanceDemo;
import org.musubi.testing.Axe;
import org.musubi.testing.Chromium;
import org.musubi.testing.WebSession;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 67, item 3: a home and a menu per role. Every demo account the login page names (read from the demo's own
 * list, so an account added there is covered here), and the public-health office's officer, signs in over HTTP; its
 * landing page is its role's (a crew's screen, the officer's surveillance dashboard, a researcher's research, else the
 * home), its main menu and its 管理 menu's groups hold exactly its role's links, in order, as a person reads them, and
 * every link of the header answers 200 (none 403 or 404): every link a user is shown, they may use. (Without an image
 * archive the imaging page answers 503 with its "not set up" page, which says how to add one.)
 *
 * <p>Issue 67, item 6: the same pages — every role's landing page and every link of its header, and the public pages an
 * anonymous visitor reaches (the front door, the public site, the logins, the accessibility statement), and the demo
 * resident's notebook (its home and every page of its menu, each of which must answer 200) — are opened in
 * Chromium with the role's session, at 1366 px and at 360 px wide, and axe-core's WCAG 2.0/2.1/2.2 A and AA rules run
 * in each ({@link Axe}); any violation of impact serious or critical fails the test, naming the page, the role, the
 * width, the rule, the elements and what the rule asks. The list also goes to target/axe/violations.md. A page of a
 * menu whose main content (over HTTP, tokens aside) another role was already shown at the same address is not checked
 * again; every role's landing page is, with its header.
 */
@Tag("browser")
class RoleMenuIT extends StartedDemo {

    private static final Pattern HEADER_NAV = Pattern.compile("<header[^>]*class=\"top\"[^>]*>.*?<nav>(.*?)</nav>",
            Pattern.DOTALL);
    private static final Pattern ADMIN_MENU = Pattern.compile("<details class=\"admin-menu\".*?</details>", Pattern.DOTALL);
    private static final Pattern MENU_LINK = Pattern.compile("<a id=\"(nav-[^\"]+)\" href=\"([^\"]*)\">([^<]*)</a>");
    private static final Pattern GROUP = Pattern.compile(
            "<section class=\"admin-group\" id=\"[^\"]+\">\\s*<h2 class=\"admin-group-heading\">([^<]*)</h2>(.*?)</section>",
            Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"([^\"]*)\"");
    /** Kinds of facility that care for patients of their own (a researcher of another kind lands on research). */
    private static final Set<FacilityKind> CARE_PROVIDERS = Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC, FacilityKind.PHARMACY, FacilityKind.HOME_NURSING_STATION,
            FacilityKind.CARE_FACILITY);

    private static final Dimension PHONE = new Dimension(360, 740);
    /** The public pages an anonymous visitor reaches from the front door. */
    private static final List<String> PUBLIC_PAGES = List.of("/", "/public/facilities", "/public/disclosing",
            "/public/cards", "/public/research", "/public/accessibility", "/apply", "/login", "/phr/login");

    private static final Pattern MAIN = Pattern.compile("<main.*</main>", Pattern.DOTALL);
    private static final Pattern TOKENS = Pattern.compile("(name=\"_csrf\" value=|content=)\"[^\"]*\"");
    /** The addresses and main contents already checked by axe. */
    private final Set<String> checkedMains = new java.util.HashSet<>();
    /** Serious and critical axe violations found: role, width, page, violation. */
    private final List<String> violations = new ArrayList<>();
    private int checked;

    @Test
    void everyDemoAccountLandsOnItsPageSeesItsRolesMenuAndMayOpenEveryLinkShown() throws java.io.IOException {
        long started = System.nanoTime();
        try (Chromium browser = Chromium.start(port)) {
            Axe.install(browser);
            for (String page : PUBLIC_PAGES) {
                axe(browser, "anonymous", page);
            }
            everyRole(browser);
            theResident(browser);
        } finally {
            java.nio.file.Path file = java.nio.file.Path.of("target", "axe", "violations.md");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, "# axe-core: serious and critical violations\n\n" + checked
                    + " pages checked (each at 1366 and 360 px) in " + (System.nanoTime() - started) / 1_000_000_000
                    + " s (with the menu checks).\n\n"
                    + String.join("\n", violations.stream().map(v -> "- " + v).toList()) + "\n");
        }
        assertThat(violations).as("serious or critical accessibility violations (axe-core, WCAG 2.2 AA; role | width | "
                + "page | rule (impact): help — elements)").isEmpty();
    }

    /**
     * Opens {@code path} at 1366 px and at 360 px wide and runs axe-core's rules in it; serious and critical violations
     * go to {@link #violations}.
     */
    private void axe(Chromium browser, String role, String path) {
        checked++;
        browser.resize(Chromium.DESKTOP);
        browser.open(path);
        for (Dimension size : List.of(Chromium.DESKTOP, PHONE)) {
            browser.resize(size); // the same page laid out again at the width: no second load
            for (Axe.Violation v : Axe.failing(browser)) {
                violations.add(role + " | " + size.width + " px | " + path + " | " + v);
            }
        }
    }

    /** A page's main content, its tokens left out; null when it has none. */
    private static String main(String page) {
        Matcher main = MAIN.matcher(page);
        return main.find() ? TOKENS.matcher(main.group()).replaceAll("$1\"\"") : null;
    }

    /**
     * Gives the browser the session {@code web} signed in over HTTP (a second sign-in would wait for the next code).
     */
    private static void takeOver(Chromium browser, WebSession web) {
        browser.open("/public/cards");
        browser.driver().manage().deleteAllCookies();
        for (String pair : web.cookieHeader().split("; ")) {
            int eq = pair.indexOf('=');
            browser.driver().manage().addCookie(new Cookie(pair.substring(0, eq), pair.substring(eq + 1), "/"));
        }
    }

    private void everyRole(Chromium browser) {
        Users users = server.getBean(Users.class);
        Set<String> logins = new LinkedHashSet<>();
        server.getBean(DemoLogins.class).list().forEach(l -> logins.add(l.loginId()));
        assertThat(logins).as("the login page's accounts").contains("admin", "doctor1", "clerk1", "paramedic1");
        // the officer docs/surveillance.md names, until the login page's list names it too
        users.findByLoginId(SurveillanceDemo.OFFICER).filter(User::active).ifPresent(u -> logins.add(u.loginId()));
        assertThat(logins).contains(SurveillanceDemo.OFFICER);

        for (String loginId : logins) {
            User user = users.findByLoginId(loginId).orElseThrow();
            if (user.profession() == Profession.RESIDENT) {
                continue;
            }
            Expected expected = expected(user);
            WebSession web = DemoServer.signIn(port, "/login", loginId);

            HttpResponse<String> home = web.get("/");
            if (expected.landing().equals("/")) {
                assertThat(home.statusCode()).as(loginId + "'s home").isEqualTo(200);
            } else {
                assertThat(home.statusCode()).as(loginId + " is sent on from /").isEqualTo(302);
                assertThat(WebSession.location(home)).as(loginId + "'s landing page").endsWith(expected.landing());
            }
            HttpResponse<String> landed = web.open("/");
            assertThat(landed.statusCode()).as(loginId + "'s landing page").isEqualTo(200);
            String page = landed.body();
            assertThat(page).as(loginId + ": not told their facility is no reference facility")
                    .doesNotContain("所属施設は参照施設ではありません");

            String nav = nav(page, loginId);
            assertThat(mainMenu(nav)).as(loginId + "'s menu").containsExactlyElementsOf(expected.menu());
            assertThat(adminMenu(nav)).as(loginId + "'s 管理 menu").containsExactlyEntriesOf(expected.admin());

            Matcher href = HREF.matcher(nav);
            Map<String, String> mains = new LinkedHashMap<>();
            List<String> links = new ArrayList<>();
            while (href.find()) {
                links.add(href.group(1).replace("&amp;", "&"));
            }
            assertThat(links).as(loginId + "'s header links").isNotEmpty();
            for (String link : links) {
                HttpResponse<String> followed = web.open(link);
                if (followed.statusCode() == 503 && followed.body().contains("id=\"imaging-not-set-up\"")) {
                    // a network without an image archive: the imaging page says so and how to add one (503 by design,
                    // NotSetUpController), which is no refusal of the user
                    continue;
                }
                assertThat(followed.statusCode()).as(loginId + " follows " + link).isEqualTo(200);
                mains.put(link, main(followed.body()));
            }

            takeOver(browser, web);
            Set<String> pages = new LinkedHashSet<>();
            pages.add(expected.landing());
            links.stream().filter(l -> !l.contains("lang=")).forEach(pages::add);
            for (String link : pages) {
                // the landing page always (it carries the role's header); a page of the menu unless another role was
                // shown exactly the same main content at the same address (the facility search, an empty inbox …)
                if (link.equals(expected.landing()) || mains.get(link) == null
                        || checkedMains.add(link + "\n" + mains.get(link))) {
                    axe(browser, loginId, link);
                }
            }
        }
    }

    private static final Pattern PHR_MENU_LINK = Pattern.compile("<a id=\"menu-[^\"]+\" href=\"([^\"]*)\"");

    /**
     * The demo's resident in the notebook: signed in on the notebook's login page, the home's menu lists the
     * notebook's pages, each answers 200, and the home and each of them pass axe-core at both widths like the staff's.
     */
    private void theResident(Chromium browser) {
        WebSession web = DemoServer.signIn(port, "/phr/login", DemoResident.LOGIN_ID);
        HttpResponse<String> home = web.open("/phr");
        assertThat(home.statusCode()).as("the resident's notebook").isEqualTo(200);
        Matcher link = PHR_MENU_LINK.matcher(home.body());
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/phr");
        while (link.find()) {
            pages.add(link.group(1).replace("&amp;", "&"));
        }
        assertThat(pages).as("the notebook's menu").contains("/phr/medicines", "/phr/emergency-sheet", "/phr/access-log",
                "/phr/proxies", "/phr/vitals");
        for (String page : pages) {
            assertThat(web.open(page).statusCode()).as(DemoResident.LOGIN_ID + " follows " + page).isEqualTo(200);
        }
        takeOver(browser, web);
        for (String page : pages) {
            axe(browser, DemoResident.LOGIN_ID, page);
        }
    }

    /** What a role sees: where it lands, its main menu, its 管理 menu by group heading. */
    private record Expected(String landing, List<String> menu, Map<String, List<String>> admin) {
    }

    /** The menus of each role, as the issue asks them: by profession and the kind of facility the user acts for. */
    private Expected expected(User user) {
        Optional<Facility> facility = user.actingFacilityId().flatMap(server.getBean(Facilities.class)::find);
        Profession profession = user.profession();
        boolean clinical = AccessPolicy.OWN_RECORDS_PROFESSIONS.contains(profession);
        boolean named = server.getBean(JdbcClient.class).sql("SELECT count(*) FROM research_project_user WHERE user_id = ?")
                .param(user.id()).query(Long.class).single() > 0;
        FacilityKind kind = facility.map(Facility::kind).orElse(null);
        Map<String, List<String>> admin = new LinkedHashMap<>();
        List<String> menu = new ArrayList<>(List.of("ホーム", "参加施設検索"));
        boolean officer = kind == FacilityKind.PUBLIC_HEALTH_CENTER
                && (profession == Profession.PUBLIC_HEALTH_NURSE || profession == Profession.DOCTOR);
        if (kind != null) {
            menu.addAll(List.of("受信箱・送信済み", "Box", "参加中のケアチーム", "地域連携パス一覧"));
            if (clinical) {
                menu.add("症例相談");
            }
            if (officer || clinical && SurveillanceDemo.reports(kind)) {
                menu.add("感染症サーベイランス");
            }
            if (clinical || named) {
                menu.add("研究利用");
            }
        }
        if (user.networkAdmin()) {
            admin.put("参加施設と利用者", List.of("参加施設", "参加申請", "利用者", "API クライアント"));
            admin.put("患者と名寄せ", List.of("名寄せ確認", "患者", "データ取り込み", "画像の照合待ち"));
            admin.put("監査と確認", List.of("緊急時アクセス確認", "監査証跡", "事務局の統計", "地域連携パスの統計", "研究利用の審査"));
            admin.put("請求", List.of("請求書", "参加費の設定"));
            admin.put("連携の設定", List.of("連携パスの様式", "連携アプリ", "お知らせ管理", "職員からの問い合わせ"));
            admin.put("住民向け", List.of("健康手帳の問い合わせ", "ヘルスケアポイント"));
        } else if (user.facilityAdmin()) {
            admin.put("参加施設と利用者", List.of("利用者", "API クライアント", "患者IDの識別子体系"));
            admin.put("患者と名寄せ", List.of("データ取り込み"));
        }
        List<String> contingency = new ArrayList<>();
        if (user.networkAdmin()) {
            contingency.add("災害モード");
        }
        if (kind != null && clinical) {
            contingency.add("非常時バックアップ");
        }
        if (!contingency.isEmpty()) {
            admin.put("非常時", contingency);
        }
        if (profession == Profession.PARAMEDIC && kind == FacilityKind.FIRE_DEPARTMENT) {
            // the crew's screens only: nothing of the staff's above the search form on the phone (a station's
            // administrator keeps the 管理 menu, which the crew's phone screens do not show)
            admin.remove("非常時");
            return new Expected("/emergency", List.of("救急隊の画面"), admin);
        }
        String landing = officer ? "/surveillance/dashboard"
                : named && kind != null && !CARE_PROVIDERS.contains(kind) ? "/research" : "/";
        return new Expected(landing, menu, admin);
    }

    private static String nav(String page, String loginId) {
        Matcher nav = HEADER_NAV.matcher(page);
        assertThat(nav.find()).as(loginId + "'s page has the header's menu").isTrue();
        return nav.group(1);
    }

    /** The main menu's links as read, the 管理 menu, the help desk's link and the account's own links apart. */
    private static List<String> mainMenu(String nav) {
        Matcher link = MENU_LINK.matcher(ADMIN_MENU.matcher(nav).replaceAll(""));
        List<String> texts = new ArrayList<>();
        while (link.find()) {
            if (!link.group(1).equals("nav-help")) {
                texts.add(link.group(3));
            }
        }
        return texts;
    }

    private static Map<String, List<String>> adminMenu(String nav) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Matcher group = GROUP.matcher(nav);
        while (group.find()) {
            Matcher link = MENU_LINK.matcher(group.group(2));
            List<String> texts = new ArrayList<>();
            while (link.find()) {
                texts.add(link.group(3));
            }
            groups.put(group.group(1), texts);
        }
        return groups;
    }
}
