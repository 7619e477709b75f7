package org.musubi.fhirapi.response;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.StoredResource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Search pages in JSON written from the stored JSON as it is. HAPI still parses the request, runs
 * the provider (the policy, the audit row) and builds the page's Bundle with its total and links,
 * but its entries hold placeholders that carry the stored resource; this interceptor then writes the
 * Bundle with each stored JSON in place of its placeholder, so no resource is parsed into HAPI's
 * model or encoded again. The shortcut is taken only for a plain JSON response ({@link #applies});
 * XML, {@code _summary}, {@code _elements}, {@code _pretty} and the browser's HTML view go through
 * HAPI as before.
 */
public final class StoredJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STORED = "musubi.stored";
    /** Instants as HAPI writes them (milliseconds, numeric offset), so both paths give the same text. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final String FLAG = "musubi.storedJson";

    /** Whether this request's answer may be written from the stored JSON. */
    public static boolean applies(RequestDetails request) {
        if (request == null || request.getRequestType() != RequestTypeEnum.GET) {
            return false;
        }
        for (String p : new String[] {"_summary", "_elements", "_pretty", "_narrative"}) {
            if (request.getParameters().containsKey(p)) {
                return false;
            }
        }
        String accept = request.getHeader("Accept");
        if (!request.getParameters().containsKey("_format") && accept != null && accept.contains("text/html")) {
            return false;
        }
        var encoding = RestfulServerUtils.determineResponseEncodingNoDefault(request, EncodingEnum.JSON);
        return encoding == null || encoding.getEncoding() == EncodingEnum.JSON;
    }

    /**
     * A placeholder of the stored resource's type with its id and version, for HAPI's Bundle; marks
     * the request so that the page is written by {@link #write}.
     */
    public static IBaseResource placeholder(FhirContext context, StoredResource stored, RequestDetails request) {
        Resource resource = (Resource) context.getResourceDefinition(stored.type()).newInstance();
        resource.setId(stored.type() + "/" + stored.id() + "/_history/" + stored.version());
        resource.getMeta().setVersionId(String.valueOf(stored.version())).setLastUpdated(Date.from(stored.lastUpdated()));
        resource.setUserData(STORED, stored);
        request.getUserData().put(FLAG, Boolean.TRUE);
        return resource;
    }

    /** Writes a page whose entries are placeholders; any other answer goes on to HAPI. */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean write(RequestDetails request, ResponseDetails details, HttpServletResponse response) throws IOException {
        if (!Boolean.TRUE.equals(request.getUserData().get(FLAG)) || !(details.getResponseResource() instanceof Bundle bundle)) {
            return true;
        }
        ObjectNode out = JSON.createObjectNode().put("resourceType", "Bundle");
        if (bundle.hasIdElement() && bundle.getIdElement().hasIdPart()) {
            out.put("id", bundle.getIdElement().getIdPart());
        }
        if (bundle.getMeta().hasLastUpdated()) {
            out.putObject("meta").put("lastUpdated", INSTANT.format(bundle.getMeta().getLastUpdated().toInstant()));
        }
        out.put("type", bundle.getType().toCode());
        if (bundle.hasTotal()) {
            out.put("total", bundle.getTotal());
        }
        if (bundle.hasLink()) {
            ArrayNode links = out.putArray("link");
            bundle.getLink().forEach(l -> links.addObject().put("relation", l.getRelation()).put("url", l.getUrl()));
        }
        if (bundle.hasEntry()) {
            ArrayNode entries = out.putArray("entry");
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                ObjectNode entry = entries.addObject();
                if (e.hasFullUrl()) {
                    entry.put("fullUrl", e.getFullUrl());
                }
                Object stored = e.getResource() == null ? null : e.getResource().getUserData(STORED);
                if (stored instanceof StoredResource s) {
                    entry.putRawValue("resource", stamped(s));
                } else if (e.getResource() != null) {
                    entry.set("resource", JSON.readTree(request.getFhirContext().newJsonParser()
                            .encodeResourceToString(e.getResource())));
                }
                if (e.hasSearch() && e.getSearch().hasMode()) {
                    entry.putObject("search").put("mode", e.getSearch().getMode().toCode());
                }
            }
        }
        byte[] body = JSON.writeValueAsBytes(out);
        response.setStatus(details.getResponseCode());
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(body.length);
        try (OutputStream stream = response.getOutputStream()) {
            stream.write(body);
        }
        return false;
    }

    /** The stored JSON with its id and version metadata, as a read would return it. */
    public static RawValue stamped(StoredResource r) {
        return new RawValue(stampedText(r));
    }

    /** {@link #stamped} as text. */
    public static String stampedText(StoredResource r) {
        return JsonMembers.stamped(r.json(), r.type(), r.id(), String.valueOf(r.version()), INSTANT.format(r.lastUpdated()));
    }
}
