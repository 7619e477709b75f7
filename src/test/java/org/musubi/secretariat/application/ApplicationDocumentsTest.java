package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApplicationDocumentsTest {

    @Test
    void theTypeIsToldByTheFirstBytesNotByTheName() {
        assertThat(ApplicationDocuments.contentType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(ApplicationDocuments.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo("image/jpeg");
        assertThat(ApplicationDocuments.contentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .isEqualTo("image/png");
        assertThat(ApplicationDocuments.contentType("<html><script>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ApplicationDocuments.contentType(new byte[0])).isNull();
    }

    @Test
    void aFileNameLosesItsDirectoriesControlCharactersAndQuotes() {
        assertThat(ApplicationDocuments.fileName("C:\\Users\\a\\申込書.pdf")).isEqualTo("申込書.pdf");
        assertThat(ApplicationDocuments.fileName("../../etc/\"passwd\"\r\n")).isEqualTo("passwd");
        assertThat(ApplicationDocuments.fileName(null)).isEqualTo("document");
        assertThat(ApplicationDocuments.fileName("x".repeat(300))).hasSize(200);
    }
}
