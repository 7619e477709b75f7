package org.musubi.ingest.hl7.orders.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.hl7.orders.Messages.message;
import static org.musubi.ingest.hl7.orders.Messages.of;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.orders.Messages;
import org.musubi.record.fhir.FhirSystems;

/** Issue 38: no lab value is lost or changed without a word (limit values, carets, grades, units, sub-IDs, comments, orderer). */
class ResultFidelityTest {

    private static final String ORIGINAL_TEXT = "http://hl7.org/fhir/StructureDefinition/originalText";
    private static final String SUB_ID = "http://hl7.org/fhir/StructureDefinition/observation-v2-subid";
    private static final String DEPARTMENT = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_Department";
    private static final String SPM = "SPM|1|S001||023^血清^JC10|||||||||||||202403311500";
    private static final String OBR = "OBR|1|000000011000354|L0001|E001^生化学^99O03|||20240331";
    private static final String ORC = "ORC|SC|000000011000354|L0001||CM||||20240401103059|||607^医師一郎^^^^^^^^L^^^^^I"
            + "|01^^^^^C||||01^内科^99XY1";

    @Test
    void storesALimitValueSentAsTextAsAQuantityWithItsComparatorUnitAndText() throws Exception {
        var input = input("OBX|1|ST|5C070000002306101^CRP^JC10||< 0.5|mg/dL^mg/dL^ISO+|0.3以下||||F",
                "OBX|2|ST|5E071000002305101^PSA^JC10||：＜０．５|ng/mL^ng/mL^ISO+|4.0以下||||F");

        List<Observation> results = observations(input);

        Quantity crp = results.get(0).getValueQuantity();
        assertThat(crp.getValue()).isEqualByComparingTo("0.5");
        assertThat(crp.getComparator()).isEqualTo(QuantityComparator.LESS_THAN);
        assertThat(crp.getUnit()).isEqualTo("mg/dL");
        assertThat(crp.getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(crp.getExtensionByUrl(ORIGINAL_TEXT)).extracting(e -> e.getValue().primitiveValue()).isEqualTo("< 0.5");
        assertThat(results.get(1).getValueQuantity().getComparator()).isEqualTo(QuantityComparator.LESS_THAN);
        assertThat(input.warnings()).extracting(Problem::code).containsOnly("lab.value.limit");
        assertThat(input.warnings().getFirst().where().field()).isEqualTo("OBX-5");
    }

    @Test
    void rejoinsAValueCutAtAnUnescapedCaretAndKeepsItsUnit() throws Exception {
        var input = input("OBX|1|NM|2A020000001930101^赤血球数^JC10||500×10^4|/μL^/μL^99XYZ|435-555||||F");

        Quantity red = observations(input).getFirst().getValueQuantity();

        assertThat(red.getValue()).isEqualByComparingTo("5000000");
        assertThat(red.getUnit()).isEqualTo("/μL");
        assertThat(red.hasSystem()).isFalse();
        assertThat(red.getExtensionByUrl(ORIGINAL_TEXT)).extracting(e -> e.getValue().primitiveValue()).isEqualTo("500×10^4");
        assertThat(input.warnings()).extracting(Problem::code).containsExactlyInAnyOrder("lab.caret", "lab.value.power",
                "lab.unit.notUcum");
    }

    @Test
    void keepsGradesAsTextNeverAsNumbers() throws Exception {
        var input = input("OBX|1|NM|1A020000000191111^尿糖定性^JC10||+1|||||||F",
                "OBX|2|NM|1A990000000192053^尿潜血^JC10||+16|||||||F",
                "OBX|3|ST|1A010000000191111^尿蛋白定性^JC10||1-||||||F");

        List<Observation> results = observations(input);

        assertThat(results).extracting(o -> o.getValue().primitiveValue()).containsExactly("+1", "+16", "1-");
        assertThat(results).allSatisfy(o -> assertThat(o.getValue()).isInstanceOf(StringType.class));
        assertThat(input.warnings()).extracting(Problem::code).containsOnly("lab.value.grade").hasSize(2);
    }

    @Test
    void codesAUnitAsUcumOnlyWhenItIsValidAndPlausibleForALabValue() throws Exception {
        var input = input("OBX|1|NM|1B015000000195101^尿沈渣赤血球^JC10||3|/F^/F^99XYZ|0-4||||F",
                "OBX|2|NM|1B010000000195101^尿沈渣白血球^JC10||5|個/HFP^個/HFP^99XYZ|0-4||||F",
                "OBX|3|NM|1B010000000195101^尿沈渣白血球^JC10||5|/[HPF]^/[HPF]^ISO+|0-4||||F");

        List<Observation> results = observations(input);

        assertThat(results.get(0).getValueQuantity().getUnit()).isEqualTo("/F");
        assertThat(results.get(0).getValueQuantity().hasSystem()).isFalse();
        assertThat(results.get(0).getValueQuantity().hasCode()).isFalse();
        assertThat(results.get(1).getValueQuantity().hasSystem()).isFalse();
        assertThat(results.get(2).getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(input.warnings()).extracting(p -> p.code() + " " + p.where().field()).containsExactly(
                "lab.unit.implausible OBX-6", "lab.unit.notUcum OBX-6");
    }

    @Test
    void groupsAnOrganismWithItsQuantityAndSusceptibilityBySubId() throws Exception {
        var input = input("OBX|1|CWE|6B615000007160211^培養同定^JC10|1|1301^Staphylococcus aureus^JANIS||||||F",
                "OBX|2|ST|6B620000007160211^菌量^JC10|1|2+||||||F",
                "OBX|3|NM|6C217000007160211^MIC VCM^JC10|1|<=0.5|ug/mL^ug/mL^ISO+||S|||F",
                "OBX|4|CWE|6B615000007160211^培養同定^JC10|2|2001^Escherichia coli^JANIS||||||F",
                "OBX|5|ST|6B620000007160211^菌量^JC10|2|1+||||||F");

        List<Observation> results = observations(input);

        Observation aureus = results.get(0);
        assertThat(aureus.getHasMember()).extracting(r -> r.getReference()).containsExactly(
                "urn:source:Observation/ssmix2:OML-11:1/obs/1/6B620000007160211/1",
                "urn:source:Observation/ssmix2:OML-11:1/obs/1/6C217000007160211/1");
        assertThat(results.get(3).getHasMember()).extracting(r -> r.getReference()).containsExactly(
                "urn:source:Observation/ssmix2:OML-11:1/obs/1/6B620000007160211/2");
        assertThat(results.get(1).getExtensionByUrl(SUB_ID)).as("OBX-4 kept").isNotNull()
                .extracting(e -> e.getExtensionString("original-sub-identifier")).isEqualTo("1");
        assertThat(results.get(1).hasHasMember()).isFalse();
    }

    @Test
    void keepsTheOrdersCommentsOrdererAndDepartment() throws Exception {
        var input = Messages.input("OML-11", message("OUL^R22^OUL_R22", SPM, OBR, ORC, "NTE|1||乳び検体~再採血を推奨",
                "OBX|1|NM|3F015000002327101^中性脂肪^JC10||1520|mg/dL^mg/dL^ISO+|30-149|H|||F", "NTE|1||希釈後測定"));

        var mapped = Messages.map(input, "OML-11");

        DiagnosticReport report = of(mapped, DiagnosticReport.class).getFirst();
        assertThat(report.getContained()).as("the order, contained").hasSize(1);
        ServiceRequest order = (ServiceRequest) report.getContained().getFirst();
        assertThat(report.getBasedOnFirstRep().getReference()).isEqualTo("#" + order.getIdElement().getIdPart());
        assertThat(report.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("000000011000354");
        assertThat(order.getNoteFirstRep().getText()).isEqualTo("乳び検体\n再採血を推奨");
        assertThat(order.getRequester().getDisplay()).isEqualTo("医師一郎");
        assertThat(order.getRequester().getIdentifier().getValue()).isEqualTo("607");
        Observation fat = of(mapped, Observation.class).getFirst();
        assertThat(fat.getNoteFirstRep().getText()).isEqualTo("希釈後測定");
        assertThat(fat.getExtensionByUrl(DEPARTMENT)).as("the ordering department").isNotNull();
        CodeableConcept department = (CodeableConcept) fat.getExtensionByUrl(DEPARTMENT).getValue();
        assertThat(department.getText()).isEqualTo("内科");
        assertThat(department.getCodingFirstRep().getCode()).isEqualTo("01");
    }

    @Test
    void takesTheOrdererFromObr16WhenTheOrcNamesNone() throws Exception {
        var input = Messages.input("OML-11", message("OUL^R22^OUL_R22", SPM,
                OBR + "|||||||||D02^検査^花子^^^^^^^L^^^^^I", "ORC|SC|000000011000354|L0001",
                "OBX|1|NM|3D010000001926101^グルコース^JC10||98|mg/dL^mg/dL^ISO+|70-109||||F"));

        DiagnosticReport report = of(Messages.map(input, "OML-11"), DiagnosticReport.class).getFirst();

        assertThat(report.getContained()).as("the order, contained").singleElement()
                .satisfies(r -> assertThat(((ServiceRequest) r).getRequester().getDisplay()).isEqualTo("検査 花子"));
    }

    private static MessageInput input(String... obx) {
        String[] segments = new String[obx.length + 3];
        segments[0] = SPM;
        segments[1] = OBR;
        segments[2] = "ORC|SC|000000011000354|L0001";
        System.arraycopy(obx, 0, segments, 3, obx.length);
        return Messages.input("OML-11", message("OUL^R22^OUL_R22", segments));
    }

    private static List<Observation> observations(MessageInput input) throws Exception {
        return of(Messages.map(input, "OML-11"), Observation.class);
    }
}
