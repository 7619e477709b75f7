package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.resources;

import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.Problem;

/**
 * 出力区分 2 (the patient's app to an institution): the 201 用量 is the dose the patient takes, never an amount handed
 * over, so the same drug reads the same dose whichever way the file went.
 */
class JahisOutputDirectionTest {

    private static List<ParseResult> adalat(String direction, String usage) {
        return read("x.txt", "JAHISTC08," + direction, Notebooks.PATIENT, "5,R020410,1", "11,工業会薬局 駅前店,,,,,,,1",
                "201,1,アダラートCR錠20mg,1,錠,2,610421321,1", usage);
    }

    @Test
    void keepsTheDoseOfAPatientsFileAsADoseAndNoDispensedQuantity() {
        List<ParseResult> results = adalat("2", "301,1,【分１ 朝食後服用】,,,,,,1");

        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();
        assertThat(dispense.hasQuantity()).as("no amount handed over: the file carries none").isFalse();
        Dosage.DosageDoseAndRateComponent dose = dispense.getDosageInstructionFirstRep().getDoseAndRateFirstRep();
        assertThat(dose.getDoseQuantity().getValue()).isEqualByComparingTo("1");
        assertThat(dose.getDoseQuantity().getUnit()).isEqualTo("錠");
        Parsed block = parsed(results).get(1);
        assertThat(block.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("jahis.dose.noQuantity");
            assertThat(w.where()).isEqualTo(new Location("x.txt", 5, "201", "201.用量"));
            assertThat(w.japanese()).contains("出力区分 2").contains("1錠");
            assertThat(w.english()).contains("output direction 2");
        });
    }

    @Test
    void readsTheSameDrugWithTheSameDoseInBothOutputDirections() {
        String usage = "301,1,【分１ 朝食後服用】,28,日分,1,1,,1";
        MedicationDispense fromPharmacy = resources(adalat("1", usage), MedicationDispense.class).getFirst();
        MedicationDispense fromPatient = resources(adalat("2", usage), MedicationDispense.class).getFirst();

        assertThat(fromPharmacy.getQuantity().getValue()).isEqualByComparingTo("28");
        assertThat(fromPatient.hasQuantity()).isFalse();
        for (MedicationDispense dispense : List.of(fromPharmacy, fromPatient)) {
            var rate = dispense.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getRateRatio();
            assertThat(rate.getNumerator().getValue()).isEqualByComparingTo("1");
            assertThat(rate.getNumerator().getUnit()).isEqualTo("錠");
            assertThat(rate.getDenominator().getCode()).isEqualTo("d");
            assertThat(dispense.getDaysSupply().getValue()).isEqualByComparingTo("28");
        }
        assertThat(parsed(adalat("1", usage)).get(1).warnings()).isEmpty();
        assertThat(parsed(adalat("2", usage)).get(1).warnings()).extracting(Problem::code).containsExactly("jahis.dose.noQuantity");
    }

    @Test
    void keepsTheDoseOfADrugWithoutUsageRecordInAPatientsFile() {
        List<ParseResult> results = read("x.txt", "JAHISTC08,2", Notebooks.PATIENT, "5,R020410,1",
                "201,1,ヒルドイドソフト軟膏０．３％,25,g,1,,1");

        MedicationDispense dispense = resources(results, MedicationDispense.class).getFirst();
        assertThat(dispense.hasQuantity()).isFalse();
        assertThat(dispense.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo("25");
    }

    @Test
    void keepsTheOneDoseOfAnAsNeededDrugInAPatientsFile() {
        MedicationDispense dispense = resources(read("x.txt", "JAHISTC08,2", Notebooks.PATIENT, "5,R020410,1",
                "201,1,カロナール錠２００,2,錠,6,110626901,1", "301,1,発熱時,5,回分,3,1,,1"), MedicationDispense.class).getFirst();

        assertThat(dispense.hasQuantity()).isFalse();
        assertThat(dispense.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo("2");
        assertThat(dispense.getDosageInstructionFirstRep().getTiming().getRepeat().getCount()).isEqualTo(5);
    }
}
