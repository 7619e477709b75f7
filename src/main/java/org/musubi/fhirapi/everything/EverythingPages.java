package org.musubi.fhirapi.everything;

import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.record.PatientRef;
import org.musubi.record.RecordQuery;
import org.musubi.record.read.Everything;
import org.springframework.stereotype.Component;

/**
 * One page of {@code Patient/<id>/$everything}, for the HAPI operation and its JSON shortcut ({@link EverythingJson})
 * alike: the person's resources of the types the caller's scopes allow, left out in SQL so that the total and the
 * pages count only what is returned, and the directory resources they refer to that the scopes allow
 * ({@link DirectoryReferences}). One decision, one audit row; a person the caller may not see is the one 404.
 */
@Component
public record EverythingPages(RecordProviderParts parts, DirectoryReferences directory) {

    /** The page {@code _count = size}, {@code _offset = from} of the whole list (the person, then the resources). */
    Everything page(Caller caller, Scoped scoped, long personId, int size, int from) {
        return page(caller, scoped, PatientRef.person(personId), new IdType("Patient", personId), size,
                from);
    }

    /** The page of the patient {@code patient} names ({@code id}: as asked, for the 404). */
    Everything page(Caller caller, Scoped scoped, PatientRef patient, IdType id, int size,
                                int from) {
        return parts.outcome(parts.reads().everything(caller.reader(), patient, scoped.narrow(storePage(size, from)),
                scoped.narrow(directory.includes())), id);
    }

    /**
     * The page of the person's resources behind {@code $everything}'s page: the person is entry 0 of
     * the whole list, so the first page holds it and {@code size - 1} resources, later pages are shifted by one.
     */
    public static RecordQuery storePage(int size, int from) {
        return new RecordQuery(null, List.of(), null, null, null, true, from == 0 ? size - 1 : size, from == 0 ? 0 : from - 1);
    }
}
