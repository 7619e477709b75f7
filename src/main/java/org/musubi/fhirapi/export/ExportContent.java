package org.musubi.fhirapi.export;

import ca.uhn.fhir.parser.IParser;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.consent.Consents;
import org.musubi.consent.PatientLink;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.read.Everything;
import org.musubi.record.read.Includes;
import org.springframework.stereotype.Component;

/**
 * The content of one {@code $export} (issue 48): the facility's patients — the persons it has an open link to (read
 * by the person's id, as {@code Observation?patient=<person id>} reads them), then each of its own source patients
 * whose person was not opened that way (read through its own patient, as {@code Observation?patient=<its Patient's
 * id>} reads them: with standing the person's record, without it the facility's own data of them) — each read through
 * {@link ReadRecords#everything}, the door and the decision of {@code $everything} and the searches, narrowed to the
 * types the token's scopes allow and the request asks and to {@code _since}. A person the caller may not see
 * contributes nothing; every page read leaves the door's one audit row (refusals included).
 */
@Component
public class ExportContent {

    private final RecordProviderParts parts;
    private final IdentityStore identities;
    private final Consents consents;

    ExportContent(RecordProviderParts parts, IdentityStore identities, Consents consents) {
        this.parts = parts;
        this.identities = identities;
        this.consents = consents;
    }

    /** Told how far an export got; answers false to stop it (the job was cancelled). */
    @FunctionalInterface
    interface Progress {
        boolean at(int read, int total);
    }

    /** How many patients were read and how many of them the policy refused. */
    record Outcome(int read, int refused, boolean stopped) {
    }

    /** Writes the export of {@code facilityId}'s patients as {@code reader} may see them into {@code out}. */
    Outcome export(Reader reader, Scoped scoped, long facilityId, Set<String> types, Instant since, NdjsonFiles out,
                   Progress progress) {
        List<Long> linked = consents.openLinks(facilityId).stream().map(PatientLink::personId).distinct().toList();
        Map<Long, Long> own = identities.patientsAt(facilityId);
        int total = linked.size() + own.size();
        Set<Long> opened = new HashSet<>();
        int read = 0;
        int refused = 0;
        IParser parser = parts.resources().context().newJsonParser().setPrettyPrint(false);
        for (long person : linked) {
            if (!progress.at(read, total)) {
                return new Outcome(read, refused, true);
            }
            read++;
            if (read(reader, scoped, PatientRef.person(person), types, since, out, parser)) {
                opened.add(person);
            } else {
                refused++;
            }
        }
        for (var patient : own.entrySet()) {
            if (!progress.at(read, total)) {
                return new Outcome(read, refused, true);
            }
            read++;
            if (patient.getValue() != 0 && opened.contains(patient.getValue())) {
                continue; // its person's whole record was read already
            }
            if (!read(reader, scoped, PatientRef.ownPatient(patient.getKey()), types, since, out, parser)) {
                refused++;
            }
        }
        return new Outcome(read, refused, false);
    }

    /** One patient's record, page by page; false when the policy refused it. */
    private boolean read(Reader reader, Scoped scoped, PatientRef patient, Set<String> types, Instant since,
                         NdjsonFiles out, IParser parser) {
        int offset = 0;
        while (true) {
            RecordQuery query = scoped.narrow(new RecordQuery(null, List.of(), null, null, since, false,
                    RecordQuery.MAX_PAGE, offset, types));
            Interaction<Everything> page = parts.reads().everything(reader, patient, query,
                    Includes.NONE);
            if (!page.permitted()) {
                return offset > 0;
            }
            var found = page.value().found().resources();
            for (var stored : found) {
                var resource = parts.resources().toResource(stored);
                out.add(resource.fhirType(), parser.encodeResourceToString(resource));
            }
            offset += found.size();
            if (found.isEmpty() || offset >= page.value().found().total()) {
                return true;
            }
        }
    }
}
