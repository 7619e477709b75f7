package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.musubi.policy.Disclosure;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.read.Everything;
import org.musubi.record.read.Includes;
import org.musubi.record.store.ResourceStore;

/**
 * The insured-person number is stored as the facility sent it and shown per reader (issue 46, docs/no-ehr.md): the
 * record's read door hands the facility that sent a resource what it sent, and everyone else — another facility, a
 * resident (no facility), a glance at the linked-patient list — the resource without the number, wherever it is in
 * the JSON (a Patient, a reference, a Bundle's entries, contained resources), on every path that returns resources.
 */
class InsuredNumbersOnReadTest {

    private static final String MEMBER = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    private static final String NUMBER = "3294837";
    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[
              {"system":"urn:oid:1.2.392.100495.20.3.51.11312345670","value":"989"},
              {"system":"%s","value":"00012345:あいう:%s:05"}],
             "gender":"male"}""".formatted(MEMBER, NUMBER);
    private static final String CONDITION = """
            {"resourceType":"Condition","subject":{"reference":"Patient/p1","identifier":{"system":"%s",\
            "value":"00012345:あいう:%s:05"}},"code":{"text":"高血圧症"}}""".formatted(MEMBER, NUMBER);
    private static final String BUNDLE = """
            {"resourceType":"Bundle","type":"document","entry":[{"resource":%s},{"resource":%s},
             {"resource":{"resourceType":"Observation","contained":[%s],"valueQuantity":{"value":6.80}}}]}"""
            .formatted(PATIENT, CONDITION, PATIENT);

    private static final long SENDER = 7;
    private static final long OTHER = 8;
    private static final Reader SENDERS_DOCTOR = new Reader(10, SENDER);
    private static final Reader OTHER_DOCTOR = new Reader(11, OTHER);
    private static final Reader RESIDENT = new Reader(12, null);
    private static final SourcePatient SOURCE = new SourcePatient(1, SENDER, "989", "山田", "太郎", null, null, null,
            null, null, null, null);

    private static StoredResource stored(String type, String id, int version, String json) {
        return new StoredResource(1, id, type, version, SENDER,
                type.equals("Bundle") ? DataCategory.REFERRALS : DataCategory.DEMOGRAPHICS, Instant.EPOCH, false, json);
    }

    private static final Map<String, StoredResource> STORED = Map.of(
            "Patient/p1", stored("Patient", "p1", 2, PATIENT),
            "Bundle/b1", stored("Bundle", "b1", 1, BUNDLE),
            "Condition/c1", stored("Condition", "c1", 1, CONDITION));

    /** Two disclosures' ids, and the disclosures the policy reads by them: a letter and a consultation to OTHER. */
    private static final long LETTER = 1;
    private static final long CONSULTATION = 2;
    private static final Map<Long, Disclosure> DISCLOSED = Map.of(
            LETTER, Disclosure.letter(100, 1, OTHER).from(SENDER),
            CONSULTATION, Disclosure.consultation(100, 1, OTHER).from(SENDER));

    private final ReadRecords reads = new ReadRecords(store(), access(), identities(), fake(Audit.class, Map.of()));

    @Test
    void theSenderReadsBackWhatItSentAnotherFacilityAndAResidentReadItWithoutTheNumber() {
        assertThat(reads.read(SENDERS_DOCTOR, "Patient", "p1", null).value().json()).isEqualTo(PATIENT);

        for (Reader reader : List.of(OTHER_DOCTOR, RESIDENT)) {
            String json = reads.read(reader, "Patient", "p1", null).value().json();
            assertThat(json).as("read by %s", reader).doesNotContain(NUMBER).doesNotContain(MEMBER)
                    .contains("\"value\":\"989\"").contains("\"gender\":\"male\"");
            assertThat(reads.readOfPerson(reader, "Patient", "p1").value().resource().json()).doesNotContain(NUMBER);
        }
        assertThat(reads.readOfPerson(SENDERS_DOCTOR, "Patient", "p1").value().resource().json()).contains(NUMBER);
    }

    @Test
    void aBundlesEntriesItsContainedResourcesAndReferencesLoseTheNumberTooAndKeepEverythingElse() {
        String json = reads.read(OTHER_DOCTOR, "Bundle", "b1", null).value().json();

        assertThat(json).doesNotContain(NUMBER).doesNotContain(MEMBER).contains("\"reference\":\"Patient/p1\"")
                .contains("\"value\":\"989\"").contains("高血圧症").contains("\"contained\"")
                .as("decimals keep their digits").contains("6.80");
        assertThat(reads.read(SENDERS_DOCTOR, "Bundle", "b1", null).value().json()).isEqualTo(BUNDLE);
    }

    @Test
    void everyPathThatReturnsResourcesTakesTheNumberOffForOthersOnly() {
        RecordQuery query = new RecordQuery(null, List.of(), null, null, null, true, 10, 0);
        Includes condition = found -> List.of("Condition/c1");

        assertThat(reads.history(OTHER_DOCTOR, "Patient", "p1").value()).hasSize(2)
                .allSatisfy(v -> assertThat(v.json()).doesNotContain(NUMBER));
        assertThat(reads.history(SENDERS_DOCTOR, "Patient", "p1").value()).hasSize(2)
                .allSatisfy(v -> assertThat(v.json()).contains(NUMBER));

        Everything everything = reads.everything(OTHER_DOCTOR, PatientRef.person(100), query, condition).value();
        assertThat(everything.found().resources()).isNotEmpty().allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));
        assertThat(everything.included()).hasSize(1).allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));
        assertThat(reads.everything(SENDERS_DOCTOR, PatientRef.person(100), query, condition).value().included()
                .getFirst().json()).contains(NUMBER);
        assertThat(reads.search(OTHER_DOCTOR, PatientRef.person(100), query).value().resources())
                .allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));

        List<String> seen = reads.readPerson(OTHER_DOCTOR, PatientRef.person(100), AuditAction.READ, "test", record -> {
            List<String> json = new java.util.ArrayList<>(record.contents(List.of("p1", "b1")).stream()
                    .map(StoredResource::json).toList());
            record.search(query).resources().forEach(r -> json.add(r.json()));
            return json;
        }).value();
        assertThat(seen).hasSize(5).allSatisfy(j -> assertThat(j).doesNotContain(NUMBER));
        assertThat(reads.readPerson(SENDERS_DOCTOR, PatientRef.person(100), AuditAction.READ, "test",
                record -> record.contents(List.of("p1")).getFirst().json()).value()).contains(NUMBER);

        assertThat(reads.readDisclosed(OTHER_DOCTOR, LETTER, List.of("b1"), AuditAction.READ,
                "Letter")
                .value()).hasSize(1).allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));
        assertThat(reads.readDisclosed(OTHER_DOCTOR, CONSULTATION, List.of("c1"),
                AuditAction.READ, "Consultation")
                .value()).hasSize(1).allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));

        assertThat(reads.glance(view(), query).resources()).as("a glance has no reader: never the number")
                .isNotEmpty().allSatisfy(r -> assertThat(r.json()).doesNotContain(NUMBER));
    }

    @Test
    void theJsonWalkRemovesWhatTheNumberLeavesEmptyAndLeavesOtherJsonUnparsed() {
        String only = """
                {"resourceType":"Patient","identifier":[{"system":"%s","value":"00012345::1:"}]}""".formatted(MEMBER);
        String byNumberOnly = """
                {"resourceType":"Condition","subject":{"identifier":{"system":"%s","value":"00012345::1:"}}}"""
                .formatted(MEMBER);
        String none = "{\"resourceType\":\"Patient\", \"gender\" : \"male\"}";

        assertThat(FhirJson.withoutInsuredNumbers(only)).isEqualTo("{\"resourceType\":\"Patient\"}");
        assertThat(FhirJson.withoutInsuredNumbers(byNumberOnly)).isEqualTo("{\"resourceType\":\"Condition\"}");
        assertThat(FhirJson.withoutInsuredNumbers(none)).as("not parsed: returned as it is").isSameAs(none);
        assertThat(FhirJson.withoutInsuredNumbers(null)).isNull();
    }

    private static PersonView view() {
        Permit permit = new Permit(Permit.OWN_FACILITY_DATA);
        return new PersonView(permit, item -> permit, null, List.of(SOURCE));
    }

    private static ResourceStore store() {
        List<StoredResource> all = List.copyOf(STORED.values());
        return fake(ResourceStore.class, Map.of(
                "find", a -> Optional.ofNullable(STORED.get(a[0] + "/" + a[1])),
                "history", a -> List.of(STORED.get(a[0] + "/" + a[1]), stored("Patient", "p1", 1, PATIENT)),
                "search", a -> new Found(all, all.size()),
                "findAll", a -> ((List<?>) a[0]).stream().map(STORED::get).toList(),
                "contents", a -> all.stream().filter(r -> ((Collection<?>) a[2]).contains(r.id())).toList()));
    }

    private static PersonAccess access() {
        Function<Object[], Object> body = a -> {
            @SuppressWarnings("unchecked")
            Function<PersonView, Object> run = (Function<PersonView, Object>) a[a.length - 1];
            return run.apply(view());
        };
        Function<Object[], Object> disclosed = a -> {
            @SuppressWarnings("unchecked")
            BiFunction<Disclosure, PersonView, Object> run = (BiFunction<Disclosure, PersonView, Object>) a[a.length - 1];
            return run.apply(DISCLOSED.get((Long) a[1]), view());
        };
        return fake(PersonAccess.class, Map.of("interact", body, "interactDisclosed",
                disclosed));
    }

    private static IdentityStore identities() {
        return fake(IdentityStore.class, Map.of("personOf", a -> Optional.of(100L)));
    }

    /** An implementation of {@code type} answering only the methods named (any other: unsupported; audit: nothing). */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (type == Audit.class) {
                return null;
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
