package org.musubi.fhirapi.everything;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.musubi.fhirapi.response.StoredJson;
import org.musubi.record.ReadRecords;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /fhir/Patient/<id>/$everything} in JSON without HAPI's object model: the stored JSON of
 * each resource goes into the Bundle with only its id and version metadata added, which saves
 * parsing and re-encoding thousands of resources per call. The same read as the HAPI operation
 * (policy and scopes inside the query, one audit row: {@link EverythingPages}); XML requests still go to HAPI.
 * The directory resources the page's resources refer to follow them, with search mode {@code include}.
 */
public class EverythingJson extends OncePerRequestFilter {

    private static final Pattern PATH = Pattern.compile("/fhir/Patient/(\\d{1,18})/\\$everything");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final transient ObjectProvider<Parts> parts;

    /** What the filter needs, looked up on first use. */
    @org.springframework.stereotype.Component
    public record Parts(RecordProviderParts records, PersonOpener opener,
                        EverythingPages pages) {
    }

    public EverythingJson(ObjectProvider<Parts> parts) {
        this.parts = parts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String format = request.getParameter("_format");
        String accept = request.getHeader("Accept");
        return !"GET".equals(request.getMethod()) || !PATH.matcher(request.getRequestURI()).matches()
                || (format != null && !format.contains("json"))
                || (format == null && accept != null && accept.contains("xml") && !accept.contains("json"))
                || request.getParameter("_pretty") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PATH.matcher(request.getRequestURI());
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            byte[] body = bundle(request, Long.parseLong(m.group(1)));
            response.setStatus(200);
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.setContentLength(body.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        } catch (BaseServerResponseException e) {
            ServletOutcomes.error(response, e.getStatusCode(), e.getMessage());
        }
    }

    private byte[] bundle(HttpServletRequest request, long personId) {
        Parts p = parts.getObject();
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.EVERYTHING, p.records().audit());
        int size = number(request.getParameter("_count"), 1000, 1, RecordQuery.MAX_PAGE);
        int from = number(request.getParameter("_offset"), 0, 0, Integer.MAX_VALUE);
        ReadRecords.Everything everything = p.pages().page(caller, scoped, personId, size, from);
        String base = request.getRequestURL().substring(0, request.getRequestURL().indexOf("/Patient/"));
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", everything.found().total() + 1);
        links(bundle, base, personId, size, from, everything.found().total() + 1);
        ArrayNode entries = bundle.putArray("entry");
        if (from == 0) {
            OpenedPerson o = p.opener().opened(caller, everything.view());
            String patient = p.records().resources().parser().encodeResourceToString(p.opener().patient(o));
            entry(entries, base + "/Patient/" + personId, JSON.readTree(patient));
        }
        for (StoredResource r : everything.found().resources()) {
            entries.addObject().put("fullUrl", base + "/" + r.type() + "/" + r.id()).putRawValue("resource", StoredJson.stamped(r))
                    .putObject("search").put("mode", "match");
        }
        for (StoredResource r : everything.included()) {
            entries.addObject().put("fullUrl", base + "/" + r.type() + "/" + r.id()).putRawValue("resource", StoredJson.stamped(r))
                    .putObject("search").put("mode", "include");
        }
        return JSON.writeValueAsString(bundle).getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ArrayNode entries, String fullUrl, JsonNode resource) {
        ObjectNode entry = entries.addObject().put("fullUrl", fullUrl);
        entry.set("resource", resource);
        entry.putObject("search").put("mode", "match");
    }

    private static void links(ObjectNode bundle, String base, long personId, int size, int from, long total) {
        ArrayNode links = bundle.putArray("link");
        String self = base + "/Patient/" + personId + "/$everything?_count=" + size;
        links.addObject().put("relation", "self").put("url", self + (from > 0 ? "&_offset=" + from : ""));
        if (from + size < total) {
            links.addObject().put("relation", "next").put("url", self + "&_offset=" + (from + size));
        }
    }

    private static int number(String text, int fallback, int min, int max) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return fallback;
        }
        return Math.max(min, Math.min(max, Integer.parseInt(text)));
    }
}
