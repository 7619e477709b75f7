package org.musubi.deid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A de-identified extraction as a stream (issue 48, deid). Two passes over the persons, one person at a time: the
 * first keeps only each person's quasi-identifier tuple and lets {@link KAnonymity} choose levels and suppressed
 * persons; the second de-identifies each kept person's resources with the {@link DeidEngine}, writes the generalised
 * quasi-identifiers into the Patient (birthDate removed when age is one, gender and address cut to the chosen level,
 * and an extension {@value #QI_EXTENSION} with the values) and appends one NDJSON line per resource to the stream of
 * its resource type. Memory: one person's resources plus 4 strings per person.
 */
public final class DeidPipeline {

    /** The extension on each output Patient carrying its generalised quasi-identifiers. */
    public static final String QI_EXTENSION = "urn:musubi:deid:quasi-identifiers";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> EVENT_DATES = List.of("effectiveDateTime", "onsetDateTime", "recordedDate",
            "authoredOn", "occurrenceDateTime", "performedDateTime", "issued", "date");

    /** The persons, read once per pass, in the same order both times. */
    @FunctionalInterface
    public interface PersonSource {
        void each(Consumer<PersonRecords> person) throws IOException;
    }

    /** Where a resource type's NDJSON goes; each stream is opened once and closed at the end. */
    @FunctionalInterface
    public interface NdjsonSink {
        OutputStream open(String resourceType) throws IOException;
    }

    /** The elements a resource keeps whatever fields a project chose: its type, its id, its subject. */
    public static final Set<String> ALWAYS_KEPT = Set.of("resourceType", "id", "meta", "subject", "patient");

    private final DeidEngine engine;
    private final List<QuasiIdentifier> qis;
    private final LocalDate referenceDate;
    private final Map<String, Set<String>> fieldsByCategory;

    /**
     * @param qis the quasi-identifiers (empty: no k-anonymity pass)
     * @param referenceDate the day ages are counted at
     */
    public DeidPipeline(DeidEngine engine, List<QuasiIdentifier> qis, LocalDate referenceDate) {
        this(engine, qis, referenceDate, Map.of());
    }

    private DeidPipeline(DeidEngine engine, List<QuasiIdentifier> qis, LocalDate referenceDate,
                         Map<String, Set<String>> fieldsByCategory) {
        this.engine = engine;
        this.qis = List.copyOf(qis);
        this.referenceDate = referenceDate;
        this.fieldsByCategory = Map.copyOf(fieldsByCategory);
    }

    /**
     * The same pipeline, keeping of each resource of a listed category only the listed top-level elements (a
     * project's approved fields, e.g. {@code DIAGNOSES → code, onsetDateTime}) and {@link #ALWAYS_KEPT}; every other
     * element is removed before the rules run and counted in the report ({@code "not approved: Condition.note"}).
     * A category without a list (or with an empty one) keeps its elements, for the rules to decide.
     */
    public DeidPipeline keepingOnly(Map<String, ? extends java.util.Collection<String>> fields) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        fields.forEach((category, names) -> {
            if (names != null && !names.isEmpty()) {
                copy.put(category, Set.copyOf(names));
            }
        });
        return new DeidPipeline(engine, qis, referenceDate, copy);
    }

    /** Runs both passes; the report counts what was done and removed. */
    public DeidReport run(PersonSource source, NdjsonSink sink) throws IOException {
        DeidReport report = new DeidReport();
        KAnonymity.Result result = null;
        if (!qis.isEmpty()) {
            List<String[]> tuples = new ArrayList<>();
            source.each(person -> tuples.add(rawTuple(person)));
            result = KAnonymity.anonymize(qis, tuples, engine.config().k(), engine.config().maxSuppressedFraction());
            report.kAnonymity(result);
        }
        Map<String, OutputStream> outputs = new LinkedHashMap<>();
        KAnonymity.Result chosen = result;
        int[] index = {0};
        try {
            source.each(person -> {
                int p = index[0]++;
                report.person();
                if (chosen != null && chosen.suppressed().get(p)) {
                    person.resources().forEach(r -> report.resourceIn());
                    report.suppressed(person.resources().size());
                    return;
                }
                List<String> qiValues = chosen == null ? null : chosen.generalize(rawTuple(person));
                int shift = engine.shiftDays(person.personKey());
                for (int i = 0; i < person.resources().size(); i++) {
                    report.resourceIn();
                    ObjectNode resource = (ObjectNode) MAPPER.readTree(person.resources().get(i));
                    String type = resource.path("resourceType").asString("Resource");
                    trim(resource, type, person.category(i), report);
                    engine.apply(resource, shift, report);
                    if (qiValues != null && type.equals("Patient")) {
                        markPatient(resource, qiValues);
                    }
                    write(outputs, sink, type, resource);
                    report.resourceOut(type);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (OutputStream out : outputs.values()) {
                out.close();
            }
        }
        return report;
    }

    /** Removes the top-level elements the project's fields for the resource's category do not list. */
    private void trim(ObjectNode resource, String type, String category, DeidReport report) {
        Set<String> kept = category == null ? null : fieldsByCategory.get(category);
        if (kept == null) {
            return;
        }
        List<String> names = new ArrayList<>(resource.propertyNames());
        for (String name : names) {
            // a primitive's extension (_onsetDateTime) goes with its element
            String element = name.startsWith("_") ? name.substring(1) : name;
            if (!ALWAYS_KEPT.contains(element) && !kept.contains(element)) {
                resource.remove(name);
                report.removed("not approved: " + type + "." + element);
            }
        }
    }

    private static void write(Map<String, OutputStream> outputs, NdjsonSink sink, String type, JsonNode resource) {
        try {
            OutputStream out = outputs.get(type);
            if (out == null) {
                out = sink.open(type);
                outputs.put(type, out);
            }
            out.write(MAPPER.writeValueAsBytes(resource));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void markPatient(ObjectNode patient, List<String> values) {
        ArrayNode extension = patient.withArray("extension");
        ObjectNode qi = extension.addObject();
        qi.put("url", QI_EXTENSION);
        ArrayNode parts = qi.putArray("extension");
        for (int i = 0; i < qis.size(); i++) {
            QuasiIdentifier q = qis.get(i);
            String v = values.get(i);
            parts.addObject().put("url", q.name().toLowerCase(java.util.Locale.ROOT)).put("valueString", v);
            switch (q) {
                case AGE -> {
                    patient.remove("birthDate");
                    patient.remove("_birthDate");
                }
                case SEX -> {
                    if (v.equals("*")) {
                        patient.remove("gender");
                    } else {
                        patient.put("gender", v);
                    }
                }
                case MUNICIPALITY -> {
                    patient.remove("address");
                    if (!v.equals("*")) {
                        ObjectNode address = patient.putArray("address").addObject();
                        int slash = v.indexOf('/');
                        address.put("state", slash < 0 ? v : v.substring(0, slash));
                        if (slash >= 0) {
                            address.put("city", v.substring(slash + 1));
                        }
                    }
                }
                case EVENT_MONTH -> {
                }
            }
        }
    }

    /** The person's raw quasi-identifiers: age at the reference date, sex, prefecture/municipality, first event month (shifted). */
    String[] rawTuple(PersonRecords person) {
        String age = null;
        String sex = null;
        String municipality = null;
        String firstEvent = null;
        for (String json : person.resources()) {
            JsonNode r = MAPPER.readTree(json);
            if ("Patient".equals(r.path("resourceType").asString(""))) {
                String birth = r.path("birthDate").asString("");
                if (birth.length() >= 4) {
                    LocalDate born = birth.length() >= 10 ? LocalDate.parse(birth.substring(0, 10))
                            : LocalDate.of(Integer.parseInt(birth.substring(0, 4)), 7, 1);
                    age = Integer.toString(java.time.Period.between(born, referenceDate).getYears());
                }
                sex = r.path("gender").asString(null);
                JsonNode address = r.path("address").path(0);
                if (address.path("state").isString()) {
                    municipality = address.path("state").asString()
                            + (address.path("city").isString() ? "/" + address.path("city").asString() : "");
                }
                continue;
            }
            String event = eventDate(r);
            if (event != null && event.length() >= 10 && (firstEvent == null || event.compareTo(firstEvent) < 0)) {
                firstEvent = event;
            }
        }
        String month = null;
        if (firstEvent != null) {
            String shifted = FhirDates.shift(firstEvent.substring(0, 10), engine.shiftDays(person.personKey()));
            month = shifted == null ? null : shifted.substring(0, 7);
        }
        String[] tuple = new String[qis.size()];
        for (int i = 0; i < qis.size(); i++) {
            tuple[i] = switch (qis.get(i)) {
                case AGE -> age;
                case SEX -> sex;
                case MUNICIPALITY -> municipality;
                case EVENT_MONTH -> month;
            };
        }
        return tuple;
    }

    private static String eventDate(JsonNode r) {
        JsonNode start = r.path("period").path("start");
        if (start.isString()) {
            return start.asString();
        }
        for (String name : EVENT_DATES) {
            if (r.path(name).isString()) {
                return r.path(name).asString();
            }
        }
        return null;
    }
}
