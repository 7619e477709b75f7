package org.musubi.signature.pdf;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.Verification;
import org.musubi.signature.cms.CmsVerifier;
import org.musubi.signature.cms.Verdicts;

/**
 * Verifies every signature of a PDF: its byte range must start at 0 and leave out exactly its own {@code /Contents}
 * (else MALFORMED), its CMS must verify over that range ({@link CmsVerifier}); the last signature must cover the whole
 * file, since bytes added after it are not signed by anyone (TAMPERED, {@code signature.status.CHANGED_AFTER_SIGNING}).
 * Sub-filters ETSI.CAdES.detached (PAdES) and adbe.pkcs7.detached are read; any other is MALFORMED. The verdict is the
 * worst signature's, else the last one's.
 */
public final class PadesVerifier {

    private static final COSName ADBE_DETACHED = COSName.getPDFName("adbe.pkcs7.detached");

    private final CmsVerifier cms;

    public PadesVerifier(CmsVerifier cms) {
        this.cms = cms;
    }

    public Verification verify(byte[] pdf) {
        List<PDSignature> signatures;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signatures = document.getSignatureDictionaries();
        } catch (IOException | RuntimeException e) {
            return Verdicts.of(SignatureStatus.MALFORMED);
        }
        if (signatures.isEmpty()) {
            return Verdicts.of(SignatureStatus.NOT_SIGNED);
        }
        Verification verdict = null;
        for (int i = 0; i < signatures.size(); i++) {
            Verification one = verifyOne(pdf, signatures.get(i), i == signatures.size() - 1);
            if (verdict == null || !verdict.status().worseThan(one.status())) {
                verdict = one;
            }
        }
        return verdict.ofSignatures(signatures.size());
    }

    private Verification verifyOne(byte[] pdf, PDSignature signature, boolean last) {
        COSName subFilter = COSName.getPDFName(String.valueOf(signature.getSubFilter()));
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.equals(subFilter) && !ADBE_DETACHED.equals(subFilter)) {
            return Verdicts.of(SignatureStatus.MALFORMED);
        }
        int[] range = signature.getByteRange();
        if (!wellFormed(range, pdf)) {
            return Verdicts.of(SignatureStatus.MALFORMED);
        }
        byte[] contents;
        byte[] signed;
        try {
            contents = signature.getContents(pdf);
            signed = signature.getSignedContent(pdf);
        } catch (IOException | RuntimeException e) {
            return Verdicts.of(SignatureStatus.MALFORMED);
        }
        Optional<Instant> time = Optional.ofNullable(signature.getSignDate()).map(c -> c.toInstant());
        Verification verdict = cms.verify(signed, contents, time);
        boolean wholeFile = (long) range[2] + range[3] == pdf.length;
        if (last && !wholeFile && verdict.signer().isPresent() && verdict.status() != SignatureStatus.TAMPERED) {
            return new Verification(SignatureStatus.TAMPERED, verdict.signer(), verdict.signingTime(), verdict.notBefore(),
                    verdict.notAfter(), 1, Verdicts.PREFIX + "CHANGED_AFTER_SIGNING", verdict.arguments());
        }
        return verdict;
    }

    /** [0, a, b, c]: from the start, a gap holding exactly {@code <hex>}, then to at most the end of the file. */
    private static boolean wellFormed(int[] range, byte[] pdf) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return false;
        }
        return pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
    }
}
