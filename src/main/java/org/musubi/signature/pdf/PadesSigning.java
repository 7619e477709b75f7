package org.musubi.signature.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.musubi.signature.SigningRefused;

/**
 * Adds a PAdES baseline B-B signature to a PDF with PDFBox's external signing: an invisible signature field, a
 * signature dictionary of filter Adobe.PPKLite and sub-filter ETSI.CAdES.detached with the signing time as {@code /M},
 * saved as an incremental update; the CMS over the byte range is made by the caller's function.
 */
public final class PadesSigning {

    /** Room reserved for the CMS in the file (bytes): a signer's chain of a few certificates fits. */
    private static final int RESERVED = 16_384;

    private PadesSigning() {
    }

    /** The PDF with one more signature; {@code cms} gets the signed byte range's bytes and returns the DER CMS. */
    public static byte[] sign(byte[] pdf, String signerName, Instant signingTime, Function<byte[], byte[]> cms) {
        try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            if (!signerName.isBlank()) {
                signature.setName(signerName);
            }
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
            time.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(RESERVED);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * RESERVED + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] signedRange;
            try (InputStream content = external.getContent()) {
                signedRange = content.readAllBytes();
            }
            external.setSignature(cms.apply(signedRange));
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningRefused(SigningRefused.Reason.NOT_A_PDF, e);
        }
    }

    private static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new SigningRefused(SigningRefused.Reason.NOT_A_PDF, e);
        }
    }
}
