package org.musubi.ingest.chunk;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.MappedEncoding;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.fhir.FhirJsonWriter;
import org.musubi.record.fhir.ResourceKind;

/**
 * What a record's resources need before they are stored and that does not depend on who the patient
 * is: checked to be storable, encoded as JSON (placeholders still in) and indexed. Done on the threads
 * that read the files, so the thread that stores them only resolves placeholders and writes.
 */
public final class Preparation {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private final FhirContext context;
    private final ResourceEncoder encoder;
    private final FhirJsonWriter writer;
    /**
     * Directory resources prepared before, by id: their ids are made from their content, so one prepared
     * is right for every record naming it (a pharmacy is named by all of its notebooks). At most
     * {@link #PREPARED_DIRECTORY}, then started afresh.
     */
    private final Map<String, PreparedDirectory> prepared = new ConcurrentHashMap<>();
    private static final int PREPARED_DIRECTORY = 20_000;

    public Preparation(FhirContext context, ResourceEncoder encoder) {
        this.context = context;
        this.encoder = encoder;
        this.writer = new FhirJsonWriter(MappedEncoding.CONTEXT);
    }

    /** A resource ready to store but for its patient: JSON with {@link SourceRefs} placeholders still in. */
    record PreparedResource(String sourceKey, ResourceEncoder.Encoded encoded) {

        String type() {
            return encoded.type();
        }
    }

    /** A directory resource ready to store under its content's id ({@link DirectoryResource}). */
    record PreparedDirectory(String id, ResourceEncoder.Encoded encoded) {

        String type() {
            return encoded.type();
        }

        String json() {
            return encoded.json();
        }
    }

    /**
     * A record's resources, the directory resources they refer to, and (for the source's own patient
     * record) its Patient prepared, or why it cannot be stored.
     */
    public record PreparedRecord(List<PreparedResource> resources, PreparedResource patient, List<PreparedDirectory> directory,
                          Problem unstorable) {
    }

    public PreparedRecord prepare(ParseResult.Parsed parsed) {
        try {
            List<PreparedResource> resources = new ArrayList<>(parsed.resources().size());
            if (parsed.action() == ParseResult.Action.STORE) {
                for (MappedResource m : parsed.resources()) {
                    resources.add(prepare(parsed, m.resource(), m.sourceKey()));
                }
            }
            PreparedResource patient = parsed.action() == ParseResult.Action.STORE && parsed.authoritative()
                    ? patient(parsed) : null;
            List<PreparedDirectory> directory = parsed.action() != ParseResult.Action.STORE || parsed.directory().isEmpty()
                    ? List.of() : new ArrayList<>(parsed.directory().size());
            if (parsed.action() == ParseResult.Action.STORE) {
                for (DirectoryResource d : parsed.directory()) {
                    PreparedDirectory known = prepared.get(d.id());
                    if (known == null) {
                        ResourceKind kind = ResourceKind.of(d.type()).filter(ResourceKind::directory).orElseThrow(() ->
                                new Unstorable(TEXTS.problem(parsed.where(), "ingest.unstorable", d.type())));
                        known = new PreparedDirectory(d.id(), encoder.imported(d.resource(), kind, d.json()));
                        if (prepared.size() >= PREPARED_DIRECTORY) {
                            prepared.clear();
                        }
                        prepared.put(d.id(), known);
                    }
                    directory.add(known);
                }
            }
            return new PreparedRecord(resources, patient, directory, null);
        } catch (Unstorable e) {
            return new PreparedRecord(List.of(), null, List.of(), e.problem);
        }
    }

    /**
     * The record's Patient, prepared: done ahead for the source's own patient record (written every time),
     * on demand for other records (written only when the patient has no Patient resource yet).
     */
    PreparedResource patient(ParseResult.Parsed parsed) {
        try {
            return prepare(parsed, parsed.patientResource(), parsed.patient().localId());
        } catch (Unstorable e) {
            throw new IllegalStateException("a Patient is always storable", e);
        }
    }

    private PreparedResource prepare(ParseResult.Parsed parsed, Resource resource, String sourceKey) throws Unstorable {
        String type = resource.fhirType();
        ResourceKind kind = ResourceKind.of(type).filter(ResourceKind::patientData).orElseThrow(() ->
                new Unstorable(TEXTS.problem(parsed.where(), "ingest.unstorable", type)));
        if (sourceKey.isEmpty() || sourceKey.length() > 1000 || sourceKey.indexOf('"') >= 0 || sourceKey.indexOf('\\') >= 0) {
            throw new Unstorable(TEXTS.problem(parsed.where(), "ingest.sourceKey", type));
        }
        return new PreparedResource(sourceKey, encoder.imported(resource, kind, writer.write(resource)));
    }

    FhirContext context() {
        return context;
    }

    /** A record whose resources Musubi cannot store. */
    private static final class Unstorable extends Exception {
        final transient Problem problem;

        Unstorable(Problem problem) {
            super(problem.english());
            this.problem = problem;
        }
    }
}
