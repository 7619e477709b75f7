package org.musubi.fhirapi.bundle;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.database.TransactionLocks;
import org.musubi.fhirapi.store.ConditionalCreates;
import org.musubi.record.Located;
import org.musubi.record.ResourceLookup;
import org.springframework.stereotype.Component;

/**
 * References inside a transaction: ids for created entries, {@code ifNoneExist} lookups, and the
 * rewriting of {@code urn:uuid:} and conditional ({@code Type?identifier=system|value}) references.
 * Conditional references resolve within the Bundle first, then among the writer's own resources;
 * {@code Patient?identifier=} is left for the writer's patient lookup.
 */
@Component
class BundleReferences {

    private final FhirContext context;
    private final ResourceLookup store;
    private final TransactionLocks locks;

    BundleReferences(FhirContext context, ResourceLookup store, TransactionLocks locks) {
        this.context = context;
        this.store = store;
        this.locks = locks;
    }

    /**
     * Before any of the Bundle's conditional creates is looked for ({@link #existing}), in the transaction that stores
     * them: holds, until it ends, a lock of each condition ({@code ifNoneExist}) as the writer's: facility, type,
     * system and value. Two transactions that create the same resource conditionally at the same time, on one node or
     * on two (a retry sent to another node while the first is still being stored), so run one after the other, and the
     * second finds what the first stored instead of storing it again. A condition of another form is left for
     * {@link #existing} to refuse.
     */
    void holdConditions(List<Bundle.BundleEntryComponent> entries, long facility) {
        List<List<String>> names = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : entries) {
            String condition = entry.getRequest().getIfNoneExist();
            if (condition == null || condition.isBlank() || entry.getResource() == null) {
                continue;
            }
            try {
                String[] token = identifierToken(condition.startsWith("?") ? condition.substring(1) : condition);
                names.add(ConditionalCreates.name(facility, entry.getResource().fhirType(), token));
            } catch (InvalidRequestException refusedLater) {
                // existing() refuses it, naming the entry
            }
        }
        locks.holdAll(names);
    }

    /** For a conditional create whose condition matches an existing resource of the writer: that resource. */
    Located existing(Bundle.BundleEntryComponent entry, long facility) {
        String condition = entry.getRequest().getIfNoneExist();
        if (condition == null || condition.isBlank()) {
            return null;
        }
        String[] token = identifierToken(condition.startsWith("?") ? condition.substring(1) : condition);
        String type = BundleWrites.type(entry);
        return store.locateByIdentifier(type, facility, token[0], token[1]).orElse(null);
    }

    /** The id a created or updated entry gets: the id in a PUT's url, else a new one. */
    String targetId(Bundle.BundleEntryComponent entry) {
        String url = entry.getRequest().getUrl();
        if (chosenId(entry)) {
            return url.substring(url.indexOf('/') + 1);
        }
        if (entry.getRequest().getMethod() != null && entry.getRequest().getMethod() != Bundle.HTTPVerb.POST
                && entry.getRequest().getMethod() != Bundle.HTTPVerb.PUT) {
            throw new InvalidRequestException("対応していない request.method です: " + entry.getRequest().getMethod()
                    + " / Unsupported request.method " + entry.getRequest().getMethod());
        }
        return BundleWrites.newId();
    }

    /** Whether the entry's id is the client's choice: a PUT to {@code Type/id}. */
    boolean chosenId(Bundle.BundleEntryComponent entry) {
        String url = entry.getRequest().getUrl();
        return entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT && url != null && url.matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    }

    void rewrite(IBaseResource resource, Map<String, String> ids, List<Bundle.BundleEntryComponent> entries, long facility) {
        for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            reference.setResource(null);
            if (reference.getReference() != null) {
                reference.setReference(target(reference.getReference(), ids, entries, facility));
            }
        }
    }

    /** Rewrites only the references at {@code path} (the patient the resource is about). */
    void rewrite(IBaseResource resource, String path, Map<String, String> ids, List<Bundle.BundleEntryComponent> entries,
                 long facility) {
        for (Reference reference : context.newTerser().getValues(resource, path, Reference.class)) {
            if (reference.getReference() != null) {
                reference.setReference(target(reference.getReference(), ids, entries, facility));
            }
        }
    }

    /**
     * Where a reference of the Bundle points once its entries are stored: an entry's fullUrl becomes
     * its {@code Type/id}, a conditional reference the resource it finds; others stay as they are.
     */
    String target(String ref, Map<String, String> ids, List<Bundle.BundleEntryComponent> entries, long facility) {
        if (ids.containsKey(ref)) {
            return ids.get(ref);
        }
        if (ref.startsWith("urn:uuid:")) {
            throw new UnprocessableEntityException("参照先 " + ref + " が Bundle にありません / " + ref
                    + " is not a fullUrl in this Bundle");
        }
        if (ref.contains("?") && !ref.startsWith("Patient?")) {
            String found = conditional(ref, ids, entries, facility);
            ids.put(ref, found);
            return found;
        }
        return ref;
    }

    private String conditional(String ref, Map<String, String> ids, List<Bundle.BundleEntryComponent> entries,
                               long facility) {
        String type = ref.substring(0, ref.indexOf('?'));
        String[] token = identifierToken(ref.substring(ref.indexOf('?') + 1));
        for (Bundle.BundleEntryComponent entry : entries) {
            if (entry.getResource() != null && ((Resource) entry.getResource()).fhirType().equals(type)
                    && hasIdentifier(entry.getResource(), token) && ids.containsKey(entry.getFullUrl())) {
                return ids.get(entry.getFullUrl());
            }
        }
        Optional<Located> stored = store.locateByIdentifier(type, facility, token[0], token[1]);
        return stored.map(r -> type + "/" + r.id()).orElseThrow(() -> new UnprocessableEntityException(
                "条件付き参照 " + ref + " に一致する資源がありません / No resource matches the conditional reference " + ref));
    }

    private boolean hasIdentifier(IBaseResource resource, String[] token) {
        return context.newTerser().getValues(resource, "identifier", Identifier.class).stream()
                .anyMatch(i -> token[1].equals(i.getValue()) && (token[0] == null || token[0].equals(i.getSystem())));
    }

    /** {@code identifier=system|value} → [system or null, value]; anything else is refused. */
    static String[] identifierToken(String query) {
        return ConditionalCreates.identifierToken(query);
    }
}
