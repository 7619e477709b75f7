package org.musubi.fhirapi.everything;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.musubi.fhirapi.response.StoredJson;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.read.Everything;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * {@code GET /fhir/Patient/<id>/$everything} in JSON without HAPI's object model (by the person's id, or by the id of
 * the caller's own Patient, {@link org.musubi.fhirapi.person.OwnPatientIds}): the stored JSON of
 * each resource goes into the Bundle with only its id and version metadata added, which saves
 * parsing and re-encoding thousands of resources per call. The same read as the HAPI operation
 * (policy and scopes inside the query, one audit row: {@link EverythingPages}); XML requests still go to HAPI.
 * The directory resources the page's resources refer to follow them, with search mode {@code include}.
 */
public class EverythingJson extends OncePerRequestFilter {

    private static final Pattern PATH = Pattern.compile("/fhir/Patient/([A-Za-z0-9\\-.]{1,64})/\\$everything");
    private final transient ObjectProvider<Parts> parts;

    /** What the filter needs, looked up on first use. */
    @Component
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
        List<byte[]> body;
        try {
            body = bundle(request, m.group(1));
        } catch (BaseServerResponseException e) {
            ServletOutcomes.error(response, e.getStatusCode(), e.getMessage());
            return;
        }
        long length = 0;
        for (byte[] part : body) {
            length += part.length;
        }
        response.setStatus(200);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLengthLong(length);
        try (OutputStream out = response.getOutputStream()) {
            for (byte[] part : body) {
                out.write(part);
            }
        }
    }

    /**
     * The page's Bundle as UTF-8 parts to be written one after another: its head, then each entry's head, its resource
     * (the stored text stamped with id and version, encoded by {@link String#getBytes} rather than character by
     * character) and its tail, then the Bundle's end. Everything is made before anything is written, so a failure
     * still answers with an error rather than a cut-off page.
     */
    private List<byte[]> bundle(HttpServletRequest request, String id) {
        Parts p = parts.getObject();
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.EVERYTHING, p.records().audit());
        int size = number(request.getParameter("_count"), 1000, 1, RecordQuery.MAX_PAGE);
        int from = number(request.getParameter("_offset"), 0, 0, Integer.MAX_VALUE);
        var asked = p.records().patients().patient(caller, id);
        if (asked.isEmpty()) {
            p.records().reads().missed(caller.reader(), AuditAction.SEARCH, "everything", id);
            throw Refusals.notFound(new IdType("Patient", id));
        }
        Everything everything = p.pages().page(caller, scoped, asked.get(),
                new IdType("Patient", id), size, from);
        String base = request.getRequestURL().substring(0, request.getRequestURL().indexOf("/Patient/"));
        long total = everything.found().total() + 1;
        List<byte[]> parts = new ArrayList<>(3 * (everything.found().resources().size() + everything.included().size()) + 8);
        parts.add(utf8(head(base, id, size, from, total)));
        String escapedBase = new String(JsonStringEncoder.getInstance().quoteAsCharArray(base));
        boolean first = true;
        if (from == 0) {
            OpenedPerson o = p.opener().opened(caller, everything.view());
            String patient = p.records().resources().parser().encodeResourceToString(p.opener().patient(o));
            parts.add(utf8(entryHead(escapedBase, "Patient", o.id() != null ? o.id() : id)));
            parts.add(utf8(patient));
            parts.add(MATCH);
            first = false;
        }
        for (StoredResource r : everything.found().resources()) {
            parts.add(utf8((first ? "" : ",") + entryHead(escapedBase, r.type(), r.id())));
            parts.add(utf8(StoredJson.stampedText(r)));
            parts.add(MATCH);
            first = false;
        }
        for (StoredResource r : everything.included()) {
            parts.add(utf8((first ? "" : ",") + entryHead(escapedBase, r.type(), r.id())));
            parts.add(utf8(StoredJson.stampedText(r)));
            parts.add(INCLUDE);
            first = false;
        }
        parts.add(utf8("]}"));
        return parts;
    }

    private static final byte[] MATCH = utf8(",\"search\":{\"mode\":\"match\"}}");
    private static final byte[] INCLUDE = utf8(",\"search\":{\"mode\":\"include\"}}");

    /** An entry up to its resource; {@code escapedBase} is JSON-escaped, type and id (FHIR names and ids) need no escaping. */
    private static String entryHead(String escapedBase, String type, String id) {
        return "{\"fullUrl\":\"" + escapedBase + "/" + type + "/" + id + "\",\"resource\":";
    }

    /** The Bundle up to its first entry: type, total and links. */
    private static String head(String base, String id, int size, int from, long total) {
        String self = base + "/Patient/" + id + "/$everything?_count=" + size;
        StringBuilder head = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":")
                .append(total).append(",\"link\":[{\"relation\":\"self\",\"url\":")
                .append(quoted(self + (from > 0 ? "&_offset=" + from : ""))).append('}');
        if (from + size < total) {
            head.append(",{\"relation\":\"next\",\"url\":").append(quoted(self + "&_offset=" + (from + size))).append('}');
        }
        return head.append("],\"entry\":[").toString();
    }

    /** {@code text} as a JSON string, quotes included (the base URL comes from the request). */
    private static StringBuilder quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int number(String text, int fallback, int min, int max) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return fallback;
        }
        return Math.max(min, Math.min(max, Integer.parseInt(text)));
    }
}
