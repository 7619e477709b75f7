package org.musubi.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.scan.ScanProperties;
import org.musubi.scan.Scanner;
import org.musubi.scan.TooLargePolicy;
import org.musubi.scan.Verdict;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings {@code musubi.box.scan.*} and the scanner they choose. */
class ScanConfigurationTest {

    @Test
    void withoutAHostNothingIsScannedAndTheDefaultsAreClamds() {
        ScanProperties properties = bind(Map.of());

        assertThat(properties.maxBytes().toBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(properties.clamdPort()).isEqualTo(3310);
        assertThat(properties.tooLarge()).isEqualTo(TooLargePolicy.REFUSE);
        Scanner scanner = new ScanConfiguration().boxScanner(properties);
        assertThat(scanner).isInstanceOf(NoScanner.class);
        assertThat(scanner.configured()).isFalse();
        assertThat(scanner.scan(InputStream.nullInputStream(), 0)).isInstanceOf(Verdict.Failed.class);
    }

    @Test
    void aHostMakesAClamdScannerWithItsLimit() {
        ScanProperties properties = bind(Map.of("musubi.box.scan.clamd-host", " clamav.local ",
                "musubi.box.scan.clamd-port", "3311", "musubi.box.scan.max-bytes", "1GB", "musubi.box.scan.too-large", "hold"));

        Scanner scanner = new ScanConfiguration().boxScanner(properties);

        assertThat(scanner).isInstanceOf(ClamdScanner.class).hasToString("ClamdScanner[clamav.local:3311, maxBytes=1073741824]");
        assertThat(scanner.configured()).isTrue();
        assertThat(scanner.maxBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(properties.tooLarge()).isEqualTo(TooLargePolicy.HOLD);
    }

    @Test
    void refusesALimitOfClamdsCapOrMore() {
        assertThatThrownBy(() -> bind(Map.of("musubi.box.scan.max-bytes", "4GB")))
                .hasRootCauseMessage("musubi.box.scan.max-bytes must be positive and below 4GB (clamd's cap): 4294967296B");
    }

    private static ScanProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("musubi.box.scan", ScanProperties.class);
    }
}
