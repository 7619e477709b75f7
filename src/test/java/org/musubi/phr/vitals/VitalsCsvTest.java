package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FieldFault;

class VitalsCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void writesUtf8WithAByteOrderMarkAHeaderAndOneRowPerValue() {
        String csv = VitalsCsv.write(List.of(
                new VitalReading(Vital.WEIGHT, Instant.parse("2026-11-23T23:30:00Z"), new BigDecimal("65.2"), 1, "a"),
                new VitalReading(Vital.SYSTOLIC, Instant.parse("2026-11-23T23:30:00Z"), new BigDecimal("128"), 1, "b"),
                new VitalReading(Vital.DIASTOLIC, Instant.parse("2026-11-23T23:30:00Z"), new BigDecimal("82"), 1, "b"),
                new VitalReading(Vital.STEPS, Instant.parse("2026-11-22T15:00:00Z"), new BigDecimal("8000"), 1, "c")));

        assertThat(csv).isEqualTo("\uFEFF日時(datetime),項目(measure),値(value),単位(unit)\r\n"
                + "2026-11-24 08:30,weight,65.2,kg\r\n2026-11-24 08:30,systolic,128,mm[Hg]\r\n"
                + "2026-11-24 08:30,diastolic,82,mm[Hg]\r\n2026-11-23,steps,8000,/d\r\n");
    }

    @Test
    void readsWhatItWritesIntoOneEntryPerMoment() {
        VitalsCsv.Parsed parsed = VitalsCsv.read("\uFEFF" + VitalsCsv.HEADER + "\r\n2026-11-24 08:30,weight,65.2,kg\r\n"
                + "2026-11-24 08:30,systolic,128,mm[Hg]\r\n2026-11-24 08:30,diastolic,82,mm[Hg]\r\n"
                + "2026-11-24 08:30,bmi,25.5,kg/m2\r\n2026-11-23,steps,8000,/d\r\n\r\n", NOW);

        assertThat(parsed.faults()).isEmpty();
        assertThat(parsed.goodRows()).isEqualTo(4);
        assertThat(parsed.skippedRows()).as("BMI is computed again").isEqualTo(1);
        assertThat(parsed.entries()).extracting(VitalsEntry::at).containsExactlyInAnyOrder(
                LocalDateTime.of(2026, 11, 24, 8, 30), LocalDateTime.of(2026, 11, 23, 0, 0));
        assertThat(parsed.entries()).filteredOn(e -> e.at().getDayOfMonth() == 24).singleElement()
                .extracting(VitalsEntry::values).isEqualTo(Map.of(Vital.WEIGHT, new BigDecimal("65.2"),
                        Vital.SYSTOLIC, new BigDecimal("128"), Vital.DIASTOLIC, new BigDecimal("82")));
    }

    @Test
    void namesEachBadRowByLineAndFieldAndKeepsTheGoodOnes() {
        VitalsCsv.Parsed parsed = VitalsCsv.read(String.join("\n", VitalsCsv.HEADER,
                "2026-11-20 07:00,weight,650,kg",
                "2026-11-20 07:00,temperature,36.5,Cel",
                "2026-11-20 07:00,shoe-size,26,cm",
                "2026-11-20 07:05,systolic,120,mm[Hg]",
                "2026-11-20,steps,9000",
                "2026-11-20 21:00,steps,9100,/d",
                "2099-01-01 07:00,pulse,70,/min",
                "2026-11-20 07:00,pulse,70,kg",
                "only two,cells"), NOW);

        assertThat(parsed.faults()).containsExactly(
                new VitalsCsv.RowFault(2, FieldFault.of("weight", "phr.vitals.fault.range", "1", "400")),
                new VitalsCsv.RowFault(4, FieldFault.of("measure", "phr.vitals.csv.measure", "shoe-size")),
                new VitalsCsv.RowFault(5, FieldFault.of("bloodPressure", "phr.vitals.fault.pair")),
                new VitalsCsv.RowFault(7, FieldFault.of("steps", "phr.vitals.csv.duplicate")),
                new VitalsCsv.RowFault(8, FieldFault.of("when", "phr.vitals.fault.future")),
                new VitalsCsv.RowFault(9, FieldFault.of("pulse", "phr.vitals.csv.unit", "/min")),
                new VitalsCsv.RowFault(10, FieldFault.of("row", "phr.vitals.csv.columns")));
        assertThat(parsed.goodRows()).isEqualTo(2);
        assertThat(parsed.entries()).flatExtracting(e -> e.values().keySet()).containsExactlyInAnyOrder(
                Vital.TEMPERATURE, Vital.STEPS);
    }

    @Test
    void quotedCellsMayHoldCommas() {
        assertThat(VitalsCsv.cells("\"2026-11-20 07:00\",\"weight\",\"65.2\",\"k\"\"g\"")).containsExactly(
                "2026-11-20 07:00", "weight", "65.2", "k\"g");
        assertThat(VitalsCsv.cells("a,\"b,c\",d")).containsExactly("a", "b,c", "d");
    }

    @Test
    void refusesAFileOfMoreRowsThanItTakes() {
        StringBuilder csv = new StringBuilder(VitalsCsv.HEADER).append('\n');
        for (int i = 0; i <= VitalsCsv.MOST_ROWS; i++) {
            csv.append("2026-01-01 00:00,pulse,70\n");
        }
        VitalsCsv.Parsed parsed = VitalsCsv.read(csv.toString(), NOW);

        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.faults()).extracting(f -> f.fault().messageKey()).containsExactly("phr.vitals.csv.tooMany");
    }
}
