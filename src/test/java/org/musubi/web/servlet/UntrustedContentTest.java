package org.musubi.web.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The type and file name an uploaded file is served under: well formed, or a neutral default. */
class UntrustedContentTest {

    @Test
    void aWellFormedTypeIsKeptInLowerCaseWithAKnownCharsetOnly() {
        assertThat(UntrustedContent.mediaType("Application/PDF")).isEqualTo("application/pdf");
        assertThat(UntrustedContent.mediaType("text/plain; charset=Shift_JIS")).isEqualTo("text/plain;charset=Shift_JIS");
        assertThat(UntrustedContent.mediaType("text/plain; format=flowed")).isEqualTo("text/plain");
    }

    @Test
    void aMissingOrMalformedTypeBecomesOctetStream() {
        assertThat(UntrustedContent.mediaType(null)).isEqualTo("application/octet-stream");
        assertThat(UntrustedContent.mediaType("html")).isEqualTo("application/octet-stream");
        assertThat(UntrustedContent.mediaType("*/*")).isEqualTo("application/octet-stream");
        assertThat(UntrustedContent.mediaType("text/plain; charset=no-such-charset")).isEqualTo("application/octet-stream");
        assertThat(UntrustedContent.mediaType("text/html\r\nSet-Cookie: x=y")).isEqualTo("application/octet-stream");
    }

    @Test
    void aFileNameKeepsOnlySafeCharactersAndGetsAnExtensionOnlyForWellKnownTypes() {
        assertThat(UntrustedContent.filename("Binary-abc.1", "application/pdf")).isEqualTo("Binary-abc.1.pdf");
        assertThat(UntrustedContent.filename("../\"evil\r\n", "text/html")).isEqualTo("evil__.bin");
        assertThat(UntrustedContent.filename(null, "image/svg+xml")).isEqualTo("file.bin");
    }
}
