package org.musubi.record.fhir.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person takes now, as every screen, letter and answer reads it: an outpatient supply that reaches today (or
 * ended within the grace period), a stay's drips only while the stay is open, one line per ingredient and strength
 * with its newest source, the history apart.
 */
class CurrentMedicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String AMLODIPINE_5 = "2171022F1020";
    private static final String AMLODIPINE_5_OTHER_BRAND = "2171022F1195";
    private static final String AMLODIPINE_2_5 = "2171022F2027";
    private final List<StoredResource> stored = new ArrayList<>();
    private final List<JsonNode> json = new ArrayList<>();

    @Test
    void anOutpatientSupplyIsCurrentWhileItLastsAndForTheGracePeriod() {
        dispense(1, "アムロジピン錠5mg", AMLODIPINE_5, "2026-11-08", 56); // to 2027-01-02
        dispense(1, "メトホルミン錠250mg", "3962002F1020", "2026-10-25", 28); // to 11-21: within 7 days
        dispense(1, "ファモチジン錠20mg", "2325003F2020", "2026-10-20", 28); // to 11-16: 12 days ago
        request(2, "シタグリプチン錠50mg", "3969010F1026", "2026-11-27", 14, false, "active");
        request(2, "ロキソプロフェン錠60mg", "1149019F1560", "2026-12-01", 5, false, "active"); // starts later
        request(2, "アトルバスタチン錠10mg", "2189015F1021", "2026-11-20", 30, false, "stopped");

        assertThat(names(list().current())).containsExactly("ロキソプロフェン錠60mg", "シタグリプチン錠50mg",
                "アムロジピン錠5mg", "メトホルミン錠250mg");
        assertThat(names(list().history())).containsExactly("アトルバスタチン錠10mg", "ファモチジン錠20mg");
    }

    @Test
    void aStaysDripsAreCurrentOnlyWhileTheStayIsOpen() {
        request(3, "維持液（3号）500mL", "3319550A1000", "2026-11-25", 0, true, "active");
        request(3, "セファゾリンナトリウム注射用1g", "6132401D1135", "2026-07-08", 0, true, "active");
        request(4, "ファモチジン注射液20mg", "2325401A1020", "2026-11-27", 0, true, "active");
        encounter(3, "2026-11-24T10:00:00+09:00", null, "in-progress"); // open at facility 3 since 11-24
        encounter(4, "2026-11-20T10:00:00+09:00", "2026-11-27T15:00:00+09:00", "finished"); // ended yesterday

        assertThat(names(list().current())).as("the open stay's drip, given in it").containsExactly("維持液（3号）500mL");
        assertThat(names(list().history())).as("a drip of an ended stay, and one before the open stay began")
                .containsExactlyInAnyOrder("ファモチジン注射液20mg", "セファゾリンナトリウム注射用1g");
    }

    @Test
    void oneLinePerIngredientAndStrengthNamedByItsNewestSource() {
        request(1, "アムロジピン錠5mg", AMLODIPINE_5, "2026-11-05", 56, false, "active");
        dispense(2, "アムロジピン錠5mg「サワイ」", AMLODIPINE_5_OTHER_BRAND, "2026-11-25", 28);
        dispense(2, "アムロジピン錠5mg", AMLODIPINE_5, "2026-10-01", 28);
        dispense(2, "アムロジピン錠2.5mg", AMLODIPINE_2_5, "2026-11-10", 28);
        request(5, "酸化マグネシウム錠330mg", null, "2026-11-20", 14, false, "active");
        dispense(6, "酸化マグネシウム錠 330mg", null, "2026-11-21", 14);

        CurrentMedication.MedicationList list = list();

        assertThat(list.current()).extracting(m -> m.newest().name() + " " + m.courses().size()).containsExactly(
                "アムロジピン錠5mg「サワイ」 3", "酸化マグネシウム錠 330mg 2", "アムロジピン錠2.5mg 1");
        assertThat(list.current().getFirst().newest().facilityId()).isEqualTo(2);
        assertThat(list.history()).isEmpty();
    }

    @Test
    void aFacilitysHandPublishedNoteHoldsUntilWithdrawnAndSelfReportsAreNotCourses() {
        publishedRequest(7, "メトホルミン 500mg 1日2回", "2025-01-10", "active");
        publishedRequest(7, "ワーファリン錠1mg", "2025-01-10", "entered-in-error");
        statement(8, "アセトアミノフェン錠（市販薬）", false);
        statement(7, "ビソプロロール錠2.5mg", true);

        CurrentMedication.MedicationList list = list();

        assertThat(names(list.current())).containsExactlyInAnyOrder("メトホルミン 500mg 1日2回", "ビソプロロール錠2.5mg");
        assertThat(list.current()).allSatisfy(m -> {
            assertThat(m.newest().kind()).isEqualTo(MedicationCourse.Kind.PUBLISHED);
            assertThat(m.newest().end()).isNull();
        });
        assertThat(list.history()).isEmpty();
    }

    @Test
    void aPrescriptionsLengthIsReadFromItsSupplyItsDurationOrItsPeriod() {
        JsonNode weeks = node("""
                {"resourceType":"MedicationRequest","status":"active","authoredOn":"2026-11-01",
                 "medicationCodeableConcept":{"text":"A"},"dispenseRequest":{"expectedSupplyDuration":
                 {"value":2,"unit":"週","system":"http://unitsofmeasure.org","code":"wk"}}}""");
        JsonNode duration = node("""
                {"resourceType":"MedicationRequest","status":"active","authoredOn":"2026-11-01",
                 "medicationCodeableConcept":{"text":"B"},"dosageInstruction":[{"timing":{"repeat":
                 {"boundsDuration":{"value":10,"code":"d"}}}}]}""");
        JsonNode period = node("""
                {"resourceType":"MedicationRequest","status":"active","medicationCodeableConcept":{"text":"C"},
                 "dosageInstruction":[{"timing":{"repeat":{"boundsPeriod":{"start":"2026-11-02T10:00:00+09:00",
                 "end":"2026-11-05T12:00:00+09:00"}}}}]}""");
        JsonNode nothing = node("""
                {"resourceType":"MedicationRequest","status":"active","authoredOn":"2026-11-03T23:30:00Z",
                 "medicationCodeableConcept":{"text":"D"}}""");

        assertThat(course("MedicationRequest", weeks).end()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(course("MedicationRequest", duration).end()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(course("MedicationRequest", period).start()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(course("MedicationRequest", period).end()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(course("MedicationRequest", nothing).start()).as("Japan's day").isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(course("MedicationRequest", nothing).end()).as("one day when nothing says more")
                .isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    void theKeyIsTheYjCodesIngredientAndStrengthElseThePlainName() {
        assertThat(course("MedicationDispense", node(dispenseJson("x", AMLODIPINE_5, "2026-11-01", 1))).key())
                .isEqualTo("yj:2171022F1");
        assertThat(course("MedicationDispense", node(dispenseJson("ｱﾑﾛｼﾞﾋﾟﾝ錠 ５ｍｇ", null, "2026-11-01", 1))).key())
                .isEqualTo("name:アムロジピン錠5mg");
    }

    private CurrentMedication.MedicationList list() {
        List<MedicationCourse> courses = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            MedicationCourse.of(stored.get(i), json.get(i)).ifPresent(courses::add);
        }
        Map<Long, LocalDate> stays = OpenStays.of(stored, json, TODAY);
        return CurrentMedication.of(courses, stays, TODAY);
    }

    private static List<String> names(List<CurrentMedication.Medicine> lines) {
        return lines.stream().map(m -> m.newest().name()).toList();
    }

    private void dispense(long facility, String name, String yj, String day, int days) {
        add("MedicationDispense", facility, dispenseJson(name, yj, day, days));
    }

    private static String dispenseJson(String name, String yj, String day, int days) {
        return "{\"resourceType\":\"MedicationDispense\",\"status\":\"completed\",\"medicationCodeableConcept\":"
                + concept(name, yj) + ",\"whenHandedOver\":\"" + day + "\",\"daysSupply\":{\"value\":" + days + "}}";
    }

    private void request(long facility, String name, String yj, String day, int days, boolean inpatient, String status) {
        add("MedicationRequest", facility, "{\"resourceType\":\"MedicationRequest\",\"status\":\"" + status
                + "\",\"intent\":\"order\",\"medicationCodeableConcept\":" + concept(name, yj)
                + ",\"authoredOn\":\"" + day + "\""
                + (inpatient ? ",\"category\":[{\"coding\":[{\"system\":\"" + FhirSystems.ORDER_TYPE + "\",\"code\":\"I\"}]}]"
                + ",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"boundsPeriod\":{\"start\":\"" + day
                + "T10:00:00+09:00\",\"end\":\"" + day + "T12:00:00+09:00\"}}}}]" : "")
                + (days > 0 ? ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":" + days + ",\"code\":\"d\"}}" : "")
                + "}");
    }

    private void publishedRequest(long facility, String name, String day, String status) {
        add("MedicationRequest", facility, "{\"resourceType\":\"MedicationRequest\",\"meta\":{\"tag\":[{\"system\":\""
                + FhirSystems.PUBLISHED_BY_HAND + "\",\"code\":\"manual\"}]},\"status\":\"" + status
                + "\",\"intent\":\"order\",\"medicationCodeableConcept\":{\"text\":\"" + name + "\"},\"authoredOn\":\""
                + day + "\"}");
    }

    private void statement(long facility, String name, boolean published) {
        add("MedicationStatement", facility, "{\"resourceType\":\"MedicationStatement\","
                + (published ? "\"meta\":{\"tag\":[{\"system\":\"" + FhirSystems.PUBLISHED_BY_HAND + "\",\"code\":\"manual\"}]},"
                : "\"category\":{\"coding\":[{\"system\":\"" + FhirSystems.MEDICATION_STATEMENT_CATEGORY
                + "\",\"code\":\"patientspecified\"}]},")
                + "\"status\":\"active\",\"medicationCodeableConcept\":{\"text\":\"" + name
                + "\"},\"dateAsserted\":\"2025-06-01\"}");
    }

    private void encounter(long facility, String start, String end, String status) {
        add("Encounter", facility, "{\"resourceType\":\"Encounter\",\"status\":\"" + status + "\",\"class\":{\"system\":\""
                + FhirSystems.ACT_CODE + "\",\"code\":\"IMP\"},\"period\":{\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}}");
    }

    private static String concept(String name, String yj) {
        return "{\"coding\":[" + (yj == null ? "" : "{\"system\":\"" + FhirSystems.YJ + "\",\"code\":\"" + yj + "\"}")
                + "],\"text\":\"" + name + "\"}";
    }

    private void add(String type, long facility, String text) {
        stored.add(new StoredResource(1, "r" + stored.size(), type, 1, facility, DataCategory.MEDICATIONS, Instant.EPOCH,
                false, text));
        json.add(node(text));
    }

    private static JsonNode node(String text) {
        return JSON.readTree(text);
    }

    private static MedicationCourse course(String type, JsonNode r) {
        return MedicationCourse.of(new StoredResource(1, "x", type, 1, 1, DataCategory.MEDICATIONS, Instant.EPOCH, false,
                r.toString()), r).orElseThrow();
    }
}
