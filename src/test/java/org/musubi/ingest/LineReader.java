package org.musubi.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/**
 * A test-only adapter with a trivial line format, so that the pipeline is tested apart from the real
 * formats: {@code localId,family,given,familyKana,givenKana,birth,recordKey,version,action,code=value;code=value}. A line
 * starting with {@code !} is rejected; a record key starting with {@code patient} is authoritative.
 */
final class LineReader implements SourceReader {

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            Location where = Location.file(file.name()).at(i + 1, "line");
            if (lines[i].startsWith("!")) {
                results.accept(new ParseResult.Rejected(new Problem(where.field("all"), "test.bad", "不正な行", "bad line"),
                        lines[i]));
                continue;
            }
            results.accept(parsed(where, lines[i].split(",", -1), context));
        }
    }

    private static ParseResult.Parsed parsed(Location where, String[] f, MappingContext context) {
        PatientIdentity patient = new PatientIdentity(f[0], f[1], f[2], f[3], f[4], Sex.FEMALE, LocalDate.parse(f[5]),
                null, null, null);
        Patient resource = new Patient();
        resource.addIdentifier().setSystem(context.patientIdSystem()).setValue(f[0]);
        resource.addName().setFamily(f[1]).addGiven(f[2]);
        String recordKey = f[6];
        List<MappedResource> resources = new ArrayList<>();
        for (String item : f[9].isEmpty() ? new String[0] : f[9].split(";")) {
            String[] codeValue = item.split("=");
            Observation obs = new Observation().setStatus(Observation.ObservationStatus.FINAL);
            obs.getCode().addCoding().setSystem(FhirSystems.JLAC10).setCode(codeValue[0]);
            obs.setSubject(SourceRefs.patient()).setValue(new Quantity(Double.parseDouble(codeValue[1])));
            obs.addDerivedFrom(SourceRefs.to("Observation", recordKey + "/" + codeValue[0] + "x"));
            resources.add(new MappedResource(recordKey + "/" + codeValue[0], obs));
        }
        return new ParseResult.Parsed(where, recordKey, f[7].isEmpty() ? null : f[7], ParseResult.Action.valueOf(f[8]),
                patient, resource, recordKey.startsWith("patient"), resources, List.of());
    }
}
