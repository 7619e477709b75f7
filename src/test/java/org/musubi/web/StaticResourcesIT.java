package org.musubi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The static files under their own paths (StaticResources): the style sheet, the scripts, the favicon and the
 * WebJars by version-less and by versioned path, as pages link them; nothing else of the class path is served.
 */
@MusubiIntegrationTest
class StaticResourcesIT {

    @LocalServerPort
    int port;

    @Test
    void theStyleSheetScriptsFaviconAndWebJarsAreServedAndNothingElse() {
        WebSession web = new WebSession(port);

        assertThat(web.get("/css/musubi.css").statusCode()).isEqualTo(200);
        assertThat(web.get("/js/lab-trend.js").statusCode()).isEqualTo(200);
        assertThat(web.get("/favicon.ico").statusCode()).isEqualTo(200);
        assertThat(web.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(web.get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
        for (String hidden : new String[] {"/static/css/musubi.css", "/messages.properties", "/application.yml",
                "/templates/portal/denied.html", "/css/../application.yml", "/webjars/../../application.yml"}) {
            assertThat(web.get(hidden).statusCode()).as(hidden).isIn(302, 400, 401, 403, 404);
            assertThat(web.get(hidden).body()).as(hidden).doesNotContain("spring:").doesNotContain("datasource");
        }
    }

    @Test
    void theLoginPageLinksItsStyleSheetAndEachLinkItWritesLeadsSomewhere() {
        WebSession web = new WebSession(port);
        HttpResponse<String> login = web.get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        Matcher links = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(login.body());
        int found = 0;
        while (links.find()) {
            found++;
            assertThat(web.get(links.group(1)).statusCode()).as(links.group(1)).isEqualTo(200);
        }
        assertThat(found).isPositive();
    }
}
