package org.musubi.fhirapi.everything;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.medication.notebook.JahisWriter;
import org.musubi.record.RecordQuery;
import org.musubi.record.read.Everything;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<regional person>/$medication-notebook}: the person's medication history as the caller
 * may see it (dispensings, OTC drugs, allergies), written as a JAHIS TC file (version 08) for
 * electronic medication-notebook apps; Shift_JIS by default, UTF-8 with {@code charset=UTF-8}. The data is
 * read through the access policy in one search, audited once; the dispensings' pharmacies, pharmacists,
 * hospitals and doctors (stored once, as directory resources) with them. The token's scopes must allow Patient and
 * MedicationDispense, and leave out the other types they do not allow ({@link ScopeTable#MEDICATION_NOTEBOOK}).
 * A person the caller may not see answers 404, as one that does not exist.
 */
@Component
public class MedicationNotebookProvider {

    private static final List<String> TYPES = List.of("MedicationDispense", "MedicationStatement", "AllergyIntolerance");
    private final RecordProviderParts parts;
    private final PersonOpener opener;
    private final DirectoryReferences directory;

    MedicationNotebookProvider(RecordProviderParts parts, PersonOpener opener, DirectoryReferences directory) {
        this.parts = parts;
        this.opener = opener;
        this.directory = directory;
    }

    @Operation(name = "$medication-notebook", type = Patient.class, idempotent = true, manualResponse = true)
    public void notebook(@IdParam IdType id, @OperationParam(name = "charset") StringType charset,
                         HttpServletResponse response) throws IOException {
        Caller caller = Caller.current();
        Scoped scoped = caller.scoped(ScopeTable.MEDICATION_NOTEBOOK, parts.audit());
        Charset encoding = charset == null || charset.getValue() == null || charset.getValue().equalsIgnoreCase("Shift_JIS")
                ? Charset.forName("windows-31j") : charsetOf(charset.getValue());
        var asked = parts.patients().patient(caller, id.getIdPart());
        if (asked.isEmpty()) {
            parts.reads().missed(caller.reader(), AuditAction.SEARCH, "MedicationDispense", id.getIdPart());
            throw Refusals.notFound(id);
        }
        // one interaction, one audit row: the three types in one query, then grouped in the notebook's order
        // the token's scopes may leave out the OTC drugs, the allergies and the parties (ScopeTable)
        Everything first = parts.outcome(parts.reads().everything(caller.reader(), asked.get(),
                scoped.narrow(new RecordQuery(null, List.of(), null, null, null, true, RecordQuery.MAX_PAGE, 0,
                        Set.copyOf(TYPES))), scoped.narrow(directory.includes())), id);
        List<Resource> history = new ArrayList<>();
        first.found().resources().stream().sorted(Comparator.comparingInt(r -> TYPES.indexOf(r.type())))
                .forEach(r -> history.add((Resource) parts.resources().toResource(r)));
        Map<String, Resource> parties = new HashMap<>();
        first.included().forEach(r -> parties.put(r.type() + "/" + r.id(), (Resource) parts.resources().toResource(r)));
        OpenedPerson person = opener.opened(caller, first.view());
        Patient patient = opener.patient(person);
        byte[] file = new JahisWriter(encoding).write(patient, history, parties);
        response.setStatus(200);
        response.setContentType("text/plain;charset=" + (encoding.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS"));
        response.setHeader("Content-Disposition", "attachment; filename=\"okusuri-techo-" + id.getIdPart() + ".txt\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(file.length);
        response.getOutputStream().write(file);
    }

    private static Charset charsetOf(String name) {
        if (name.equalsIgnoreCase("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        throw new InvalidRequestException("charset は Shift_JIS か UTF-8 です / charset must be Shift_JIS or UTF-8: " + name);
    }
}
