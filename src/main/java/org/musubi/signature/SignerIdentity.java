package org.musubi.signature;

import java.util.Optional;

/**
 * Who signed, as the signer's certificate names them: the common name (the person's display name), the organisation
 * (the facility), the organisation identifier (Musubi writes the 10-digit medical-institution code there as
 * {@code MIC-<code>}) and the title (Musubi writes the profession's name there). A certificate from another CA (an HPKI
 * card) may carry only some of them: missing ones are empty.
 */
public record SignerIdentity(String name, Optional<String> facility, Optional<String> institutionCode,
                             Optional<String> profession) {
}
