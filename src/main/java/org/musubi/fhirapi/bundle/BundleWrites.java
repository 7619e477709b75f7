package org.musubi.fhirapi.bundle;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.IfMatch;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.incoming.IncomingJson;
import org.musubi.fhirapi.registration.SourcePatientRegistration;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.record.Located;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceWrite;
import org.musubi.record.ResourceWrite.VersionConflict;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transaction and batch Bundles. A transaction first registers the Bundle's Patients (the writer's
 * own patients), then gives every created entry its id, rewrites {@code urn:uuid:} and conditional
 * references, and stores all other entries: all of it, registrations (名寄せ) included, in one database
 * transaction ({@link org.musubi.audit.Audit#allOrNothing}), so a refused entry leaves nothing stored and no audit
 * row claiming it was. A batch does each entry on its own, each all or nothing, and reports each outcome.
 */
@Component
class BundleWrites {

    private final RecordResources resources;
    private final SourcePatientRegistration registration;
    private final WriteRecords writes;
    private final BundleReferences references;
    private final Audit audit;

    BundleWrites(RecordResources resources, SourcePatientRegistration registration, WriteRecords writes,
                 BundleReferences references, Audit audit) {
        this.resources = resources;
        this.registration = registration;
        this.writes = writes;
        this.references = references;
        this.audit = audit;
    }

    Bundle transaction(Caller caller, Bundle bundle) {
        return transaction(caller, bundle, List.of(), 0);
    }

    /**
     * As {@link #transaction(Caller, Bundle)}; {@code sent} holds the entries' resources as the
     * request's JSON has them (empty for XML), which are stored from their own text; {@code first}
     * is the index in the request of the Bundle's first entry (a batch writes entry by entry).
     */
    Bundle transaction(Caller caller, Bundle bundle, List<ObjectNode> sent, int first) {
        caller.scoped(ScopeTable.TRANSACTION, audit, ScopeTable.entryTypes(bundle));
        return audit.allOrNothing(() -> {
            requireFullUrls(bundle.getEntry(), first);
            return stored(caller, bundle, sent, first);
        });
    }

    /**
     * Every entry of a transaction names itself by a fullUrl of its own, which is how the other entries refer to it
     * (FHIR lets a POST leave it out; Musubi asks for it, so that no two entries can be taken for one another): a
     * missing or repeated one is refused, naming the entry.
     */
    static void requireFullUrls(List<Bundle.BundleEntryComponent> entries, int first) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            int index = first + i;
            if (!entry.hasFullUrl() || entry.getFullUrl().isBlank()) {
                throw EntryRefusals.named(index, entry, new InvalidRequestException(
                        "Bundle.entry.fullUrl がありません。トランザクションの各エントリには、ほかのエントリが参照に使う fullUrl"
                                + "（urn:uuid:… など）が必要です / Bundle.entry.fullUrl is missing: every entry of a"
                                + " transaction needs a fullUrl (e.g. urn:uuid:…), by which the other entries refer to it"));
            }
            Integer other = seen.putIfAbsent(entry.getFullUrl(), index);
            if (other != null) {
                throw EntryRefusals.named(index, entry, new InvalidRequestException(
                        "Bundle.entry.fullUrl が Bundle.entry[" + other + "] と同じです。各エントリに別の fullUrl を付けてください"
                                + " / Bundle.entry.fullUrl is the same as Bundle.entry[" + other + "]'s: give each entry"
                                + " a fullUrl of its own"));
            }
        }
    }

    /**
     * A conditional create's match among the writer's resources, as {@code Type/id}, audited once as the create it
     * answers (as when sent alone); {@code null} when nothing matches.
     */
    private String matched(Caller caller, Bundle.BundleEntryComponent entry, long facility) {
        Located found = references.existing(entry, facility);
        if (found == null) {
            return null;
        }
        writes.matched(caller.reader(), found);
        return found.type() + "/" + found.id();
    }

    /** As {@link #transaction}, once the token's scopes allowed writing every entry. */
    private Bundle stored(Caller caller, Bundle bundle, List<ObjectNode> sent, int first) {
        long facility = caller.writingFacility();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        entries.forEach(BundleWrites::type);
        references.holdConditions(entries, facility);
        Map<String, String> ids = new HashMap<>();
        Bundle.BundleEntryComponent[] responses = new Bundle.BundleEntryComponent[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Patient patient) {
                Bundle.BundleEntryComponent entry = entries.get(i);
                String existing = named(first + i, entry, () -> matched(caller, entry, facility));
                if (existing != null) { // a matched conditional create changes nothing, a Patient's as any other's
                    ids.put(entry.getFullUrl(), existing);
                    responses[i] = new Bundle.BundleEntryComponent().setResponse(
                            new Bundle.BundleEntryResponseComponent().setStatus("200 OK").setLocation(existing));
                    continue;
                }
                Written w = named(first + i, entries.get(i), () -> registration.register(caller, patient));
                ids.put(entries.get(i).getFullUrl(), "Patient/" + w.id());
                responses[i] = response(w);
            }
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (responses[i] == null) {
                Bundle.BundleEntryComponent entry = entries.get(i);
                int index = i;
                String existing = named(first + i, entry, () -> matched(caller, entry, facility));
                if (existing != null) {
                    ids.put(entry.getFullUrl(), existing);
                    responses[i] = new Bundle.BundleEntryComponent().setResponse(
                            new Bundle.BundleEntryResponseComponent().setStatus("200 OK").setLocation(existing));
                } else {
                    ids.put(entry.getFullUrl(), type(entry) + "/" + named(first + index, entry, () -> references.targetId(entry)));
                    pending.add(i);
                }
            }
        }
        List<ResourceWrite> toWrite = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        Map<String, Optional<Long>> patientKeys = new HashMap<>();
        for (int i : pending) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            if (references.chosenId(entry)) {
                chosen.add(type(entry) + "/" + references.targetId(entry));
                // another facility's id, or one of the server's form, answers alike before the content is judged
                try {
                    writes.requireWritable(caller.reader(), type(entry), references.targetId(entry));
                } catch (NotOwner e) {
                    throw Refusals.notFound(new IdType(e.type(), e.id()));
                }
            }
            var json = sent.isEmpty() ? null : sent.get(i);
            Integer ifMatch = named(first + i, entry, () -> IfMatch.version(entry.getRequest().getIfMatch()));
            toWrite.add(named(first + i, entry, () -> {
                String id = ids.get(entry.getFullUrl()).substring(type(entry).length() + 1);
                if (json == null) {
                    references.rewrite(entry.getResource(), ids, entries, facility);
                    return resources.toWrite(entry.getResource(), id, facility, patientKeys);
                }
                String stored = IncomingJson.forStorage(json, ref -> references.target(ref, ids, entries, facility));
                resources.patientPath(entry.getResource()).ifPresent(
                        path -> references.rewrite(entry.getResource(), path, ids, entries, facility));
                return resources.toWrite(entry.getResource(), id, facility, patientKeys, stored);
            }));
            if (ifMatch != null) {
                toWrite.set(toWrite.size() - 1, toWrite.getLast().expecting(ifMatch));
            }
        }
        List<Written> written;
        try {
            written = writes.writeAll(caller.reader(), toWrite, chosen);
        } catch (VersionConflict e) {
            throw Refusals.versionConflict(e);
        } catch (NotOwner e) {
            throw Refusals.notFound(new IdType(e.type(), e.id()));
        }
        for (int k = 0; k < pending.size(); k++) {
            responses[pending.get(k)] = response(written.get(k));
        }
        Bundle result = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent r : responses) {
            result.addEntry(r);
        }
        return result;
    }

    Bundle batch(Caller caller, Bundle bundle, List<ObjectNode> sent) {
        Bundle result = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            Bundle single = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            single.addEntry(entry);
            List<ObjectNode> own = sent.isEmpty() || sent.get(i) == null
                    ? List.of() : List.of(sent.get(i));
            try {
                caller.scoped(ScopeTable.BATCH, audit, ScopeTable.entryTypes(single));
                int index = i;
                result.addEntry(audit.allOrNothing(() -> stored(caller, single, own, index)).getEntryFirstRep());
            } catch (BaseServerResponseException e) {
                OperationOutcome outcome = e.getOperationOutcome() instanceof OperationOutcome given ? given
                        : new OperationOutcome();
                if (!outcome.hasIssue()) {
                    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                            .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(e.getMessage());
                }
                result.addEntry().setResponse(new Bundle.BundleEntryResponseComponent()
                        .setStatus(e.getStatusCode() + " " + e.getStatusCode()).setOutcome(outcome));
            }
        }
        return result;
    }


    static String type(Bundle.BundleEntryComponent entry) {
        if (entry.getResource() == null) {
            throw new InvalidRequestException("Bundle.entry に resource がありません / Bundle.entry has no resource");
        }
        return entry.getResource().fhirType();
    }

    private static Bundle.BundleEntryComponent response(Written w) {
        String status = w.change() == Written.Change.CREATED ? "201 Created" : "200 OK";
        return new Bundle.BundleEntryComponent().setResponse(new Bundle.BundleEntryResponseComponent().setStatus(status)
                .setLocation(w.type() + "/" + w.id() + "/_history/" + w.version()).setEtag("W/\"" + w.version() + "\""));
    }

    /** Runs one entry's step; an error names the entry (index, type and fullUrl), keeping its HTTP status. */
    static <T> T named(int index, Bundle.BundleEntryComponent entry, Supplier<T> step) {
        return EntryRefusals.named(index, entry, step);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
