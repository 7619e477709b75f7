/**
 * Signatures (issue 42): the author of a letter signs it with an X.509 key, and its recipient verifies it.
 * {@link org.musubi.signature.Signatures} is the whole API: a PAdES baseline B-B signature on a PDF, a detached CMS
 * (CAdES-B-B) signature over a FHIR document Bundle's exact bytes, and the verification of both into a
 * {@link org.musubi.signature.Verification}. Who signs is a {@link org.musubi.signature.SigningDevice}: Musubi's software
 * key of the user (issued on demand by Musubi's demo/test CA, {@code keys}), an HPKI card on the client, or an HPKI
 * カードレス署名 service. The CMS and PKIX work is Bouncy Castle's ({@code cms}), the PDF's PDFBox's ({@code pdf}); the
 * keys are stored sealed with the operator's key ({@code jdbc}). docs/signatures.md explains the choices.
 */
package org.musubi.signature;
