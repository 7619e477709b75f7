package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedSettingsTest {

    @Test
    void durableByDefault() {
        assertThat(EmbeddedSettings.of(Map.of())).containsEntry("synchronous_commit", "on").containsEntry("fsync", "on")
                .containsEntry("listen_addresses", "127.0.0.1");
    }

    @Test
    void operatorsOverrideOrAdd() {
        Map<String, String> settings = EmbeddedSettings.of(Map.of("shared_buffers", "1GB", "work_mem", "16MB"));

        assertThat(settings).containsEntry("shared_buffers", "1GB").containsEntry("work_mem", "16MB")
                .containsEntry("synchronous_commit", "on");
    }

    @Test
    void aNameThatIsNoParameterNameIsRefused() {
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("fsync=off -c x", "on")))
                .hasMessageContaining("invalid setting").hasMessageContaining("fsync=off -c x");
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("work_mem", " "))).hasMessageContaining("work_mem");
    }

    @Test
    void itNeverListensBeyondLoopback() {
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("listen_addresses", "*"))).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("port", "5432"))).hasMessageContaining("embedded.port");
    }

    @Test
    void itsAccessRulesCannotBeMovedElsewhere() {
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("hba_file", "/tmp/trust.conf"))).hasMessageContaining("password");
        assertThatThrownBy(() -> EmbeddedSettings.of(Map.of("unix_socket_permissions", "0777"))).hasMessageContaining("hba");
    }
}
