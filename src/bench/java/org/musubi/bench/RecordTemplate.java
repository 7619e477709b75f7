package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.SearchIndex;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.synth.fhir.ClinicalEntry;
import org.musubi.synth.fhir.ClinicalRecordGenerator;

/**
 * One facility patient's synthetic record as it would be stored after a transaction: references
 * rewritten to {@code Type/id}, JSON without id and meta, the search index and category from
 * {@link FhirIndexer} (exactly what the FHIR API stores). Ids and the local patient id are
 * placeholders, so that one template can be copied under many source patients cheaply.
 */
record RecordTemplate(List<Row> rows) {

    /** The first 24 characters of every id in a template; each copy replaces them with its own. */
    static final String ID_PREFIX = "00000000-0000-4000-8000-";
    static final String LOCAL_ID = "LOCAL-ID-TEMPLATE";
    static final String PATIENT_ID = ID_PREFIX + "000000000000";

    /** A stored resource: id suffix (after the prefix), type, category, JSON, index and clinical date. */
    record Row(String idSuffix, String type, String category, String json, SearchIndex index, Timestamp clinicalDate) {
    }

    static RecordTemplate generate(long seed, int count, LocalDate from, LocalDate to, FhirContext fhir,
                                   FhirIndexer indexer) {
        String patientUrl = "urn:uuid:template-patient";
        List<ClinicalEntry> entries = new ClinicalRecordGenerator().record(seed, patientUrl, LOCAL_ID, count, from, to);
        Map<String, String> ids = new HashMap<>();
        ids.put(patientUrl, "Patient/" + PATIENT_ID);
        for (int i = 0; i < entries.size(); i++) {
            ids.put(entries.get(i).fullUrl(), entries.get(i).resource().fhirType() + "/" + ID_PREFIX + suffix(i + 1));
        }
        IParser parser = fhir.newJsonParser();
        return new RecordTemplate(entries.stream().map(e -> {
            Resource resource = e.resource().copy();
            fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)
                    .forEach(r -> r.setReference(ids.get(r.getReference())));
            String id = ids.get(e.fullUrl());
            return row(id.substring(id.indexOf('/') + 1 + ID_PREFIX.length()), resource, parser, indexer);
        }).toList());
    }

    static Row row(String idSuffix, Resource resource, IParser parser, FhirIndexer indexer) {
        ResourceKind kind = ResourceKind.of(resource.fhirType()).orElseThrow();
        SearchIndex index = indexer.index(resource, kind);
        Instant date = index.dates().stream().filter(d -> d.param().equals("date"))
                .map(d -> d.low() != null ? d.low() : d.high()).filter(Objects::nonNull).findFirst().orElse(null);
        return new Row(idSuffix, resource.fhirType(), indexer.category(resource, kind).name(),
                parser.encodeResourceToString(resource), index, date == null ? null : Timestamp.from(date));
    }

    static String suffix(int n) {
        return "%012x".formatted(n);
    }
}
