package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The nginx site that docs/scaling.md shows is, character for character, the file {@code deploy/nginx/musubi.conf}
 * that NginxProxyIT runs in front of two nodes: an operator copying the page copies what was tested. And the file
 * keeps the fixes of issue 66: FHIR's base URL proxied without a redirect, no retry of a request that may not be
 * repeated, no idle connections to the nodes, a short passive health check.
 */
class NginxSiteDocsTest {

    private static final Path SITE = Path.of("deploy/nginx/musubi.conf");
    private static final Path SCALING = Path.of("docs/scaling.md");
    private static final Pattern BLOCK = Pattern.compile("(?s)```nginx\\n(# /etc/nginx/sites-available/musubi.*?)```");

    @Test
    void theDocShowsTheSiteFileVerbatim() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(SCALING));
        assertThat(block.find()).as("docs/scaling.md shows the site in an nginx block").isTrue();
        assertThat(block.group(1)).as("docs/scaling.md's nginx block and " + SITE + " agree: change both")
                .isEqualTo(Files.readString(SITE));
        assertThat(block.find()).as("one copy of the site in docs/scaling.md").isFalse();
    }

    @Test
    void theSiteKeepsTheFixesOfIssue66() throws IOException {
        String site = Files.readString(SITE);
        assertThat(site).as("`location /fhir/` answers POST /fhir with a 301").contains("location /fhir {")
                .doesNotContainPattern("(?m)^\\s*location /fhir/");
        assertThat(site).as("a POST that reached a node is never sent again")
                .doesNotContainPattern("(?m)^\\s*proxy_next_upstream[^;]*non_idempotent")
                .containsPattern("proxy_next_upstream error( http_503)?;");
        assertThat(site).as("idle connections to a stopping node fail requests").doesNotContainPattern("(?m)^\\s*keepalive ");
        assertThat(site).as("the client's address replaces what it claims")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;").contains("X-Forwarded-Proto $scheme;");
        assertThat(site).containsPattern("server 10\\.0\\.1\\.11:8080 max_fails=1 fail_timeout=1s;");
    }
}
