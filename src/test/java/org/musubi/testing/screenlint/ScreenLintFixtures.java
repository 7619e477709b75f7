package org.musubi.testing.screenlint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.musubi.testing.screenlint.ScreenLint.Defect;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The screen lint's fixture site, on the test classpath under {@code static/screen-lint/}: a page per {@link Defect}
 * showing it as a page of Musubi showed it, pages of look-alikes that are right, and a PDF with a defect, all linked
 * from {@link #INDEX} by relative links. {@link #serveOn} makes a running server answer them at {@link #STAFF} and
 * {@link #RESIDENT} (test-only routes, registered in that test's server only, behind the same security as the staff's
 * and the residents' pages).
 */
public final class ScreenLintFixtures {

    /** Where a staff member reads the fixtures. */
    public static final String STAFF = "/screen-lint/";
    /** Where a resident reads them (a resident may read the notebook's pages only). */
    public static final String RESIDENT = "/phr/screen-lint/";
    /** The page linking every fixture, where a fixture crawl starts. */
    public static final String INDEX = "index.html";
    /** The page of each defect: on it that defect and no other is found. */
    public static final Map<Defect, String> DEFECT_PAGES = pages();
    /** Pages of what is right and only looks like a defect: nothing may be found on them. */
    public static final List<String> LOOK_ALIKES = List.of("look-alikes.html", "look-alikes-en.html");
    /** A PDF whose text has UCUM's annotation braces, as a letter's lab results printed them. */
    public static final String PDF = "ucum.pdf";
    /** The defect of {@link #PDF}. */
    public static final Defect PDF_DEFECT = Defect.UCUM;

    private ScreenLintFixtures() {
    }

    private static Map<Defect, String> pages() {
        Map<Defect, String> pages = new EnumMap<>(Defect.class);
        for (Defect defect : Defect.values()) {
            pages.put(defect, defect.name().toLowerCase().replace('_', '-') + ".html");
        }
        return Map.copyOf(pages);
    }

    /**
     * Makes the server answer {@code GET /screen-lint/{file}} with the fixture, as it answers its own pages (once;
     * a server that already does is left as it is).
     */
    public static void serveOn(ApplicationContext server) {
        RequestMappingHandlerMapping mapping = server.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        RequestMappingInfo route = RequestMappingInfo.paths(STAFF + "{file}", RESIDENT + "{file}")
                .methods(RequestMethod.GET).options(mapping.getBuilderConfiguration()).build();
        if (mapping.getHandlerMethods().containsKey(route)) {
            return;
        }
        try {
            mapping.registerMapping(route, new Site(), Site.class.getMethod("file", String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handler of the test-only route. */
    public static final class Site {

        public ResponseEntity<byte[]> file(@PathVariable("file") String file) {
            if (!file.matches("[a-z0-9-]+\\.(?:html|pdf)")
                    || ScreenLintFixtures.class.getResource("/static/screen-lint/" + file) == null) {
                return ResponseEntity.notFound().build();
            }
            MediaType type = file.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                    : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            return ResponseEntity.ok().contentType(type).body(bytes(file));
        }
    }

    /** A fixture's bytes from the test classpath, by its file name. */
    public static byte[] bytes(String file) {
        try (InputStream in = ScreenLintFixtures.class.getResourceAsStream("/static/screen-lint/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no fixture static/screen-lint/" + file + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
