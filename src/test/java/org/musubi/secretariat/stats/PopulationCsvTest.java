package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PopulationCsvTest {

    private static PopulationCsv.Parsed parse(String text) {
        return PopulationCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAHeaderABomQuotesAndBlankLines() {
        PopulationCsv.Parsed parsed = parse("\uFEFF市区町村,人口\r\n呉市,210000\r\n\r\n\"広島市中区\",\"137000\"\n");
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.rows()).containsExactly(new StatisticsStore.Population("呉市", 210_000),
                new StatisticsStore.Population("広島市中区", 137_000));
    }

    @Test
    void eachFaultNamesItsLineAndFieldAndNothingIsLoaded() {
        PopulationCsv.Parsed parsed = parse("市区町村,人口\n呉市,210000\n,5\n呉市,3\n尾道市,多い\n三原市,0\n福山市\n");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.faults()).containsExactly(
                new PopulationCsv.Fault(3, "municipality", "stats.population.fault.name", ""),
                new PopulationCsv.Fault(4, "municipality", "stats.population.fault.duplicate", "呉市"),
                new PopulationCsv.Fault(5, "population", "stats.population.fault.number", "多い"),
                new PopulationCsv.Fault(6, "population", "stats.population.fault.number", "0"),
                new PopulationCsv.Fault(7, "file", "stats.population.fault.fields", "1"));
    }

    @Test
    void anEmptyOrNonUtf8FileIsRefusedAsAWhole() {
        assertThat(parse("市区町村,人口\n").faults()).extracting(PopulationCsv.Fault::messageKey)
                .containsExactly("stats.population.fault.empty");
        assertThat(PopulationCsv.parse(new byte[] {(byte) 0x8C, (byte) 0xC4, ',', '1'}).faults())
                .extracting(PopulationCsv.Fault::messageKey).containsExactly("stats.population.fault.encoding");
    }
}
