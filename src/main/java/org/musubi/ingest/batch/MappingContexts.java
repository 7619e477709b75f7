package org.musubi.ingest.batch;

import org.musubi.ingest.ImportSource;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.record.IdKeys;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/** The {@link MappingContext} of a source's batch: its facility's code and name, and the ids its imports make. */
public final class MappingContexts {

    private final Facilities facilities;
    private final IdKeys keys;

    public MappingContexts(Facilities facilities, IdKeys keys) {
        this.facilities = facilities;
        this.keys = keys;
    }

    /** The context of {@code source}'s facility; a facility without a medical-institution code cannot import. */
    public MappingContext of(ImportSource source) {
        Facility facility = facilities.find(source.facilityId()).orElseThrow();
        String code = facility.medicalInstitutionCode().map(c -> c.value()).orElseThrow(() -> new IllegalStateException(
                "facility " + facility.id() + " has no medical-institution code / 医療機関コードのない施設です"));
        return new MappingContext(code, facility.nameKanji(), ImportIds.of(keys.current(), facility.id()));
    }
}
