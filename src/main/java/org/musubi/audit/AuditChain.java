package org.musubi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;

/**
 * The hash chain: each row's hash is SHA-256 over the previous row's hash and the row's own
 * fields, so editing, removing or reordering a row breaks every hash after it.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];
    private static final byte FIELD = 0x1f;
    private static final byte NULL = 0x00;

    private AuditChain() {
    }

    public static byte[] hash(byte[] previous, AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(previous);
        field(out, r.seq());
        field(out, r.occurredAt().toEpochMilli());
        field(out, r.actor().userId());
        field(out, r.actor().loginId());
        field(out, r.actor().facilityId());
        field(out, r.actor().profession());
        field(out, r.origin().clientIp());
        field(out, r.origin().userAgent());
        field(out, r.origin().requestId());
        field(out, r.action());
        field(out, r.resourceType());
        field(out, String.join("\u001e", r.resourceIds()));
        field(out, r.patientId());
        field(out, r.purpose());
        field(out, r.outcome());
        field(out, r.reason());
        return sha256(out.toByteArray());
    }

    /** Checks rows given in sequence order against each other and against the stored head. */
    public static VerificationReport verify(Iterator<AuditRecord> rows, long headSeq, byte[] headHash) {
        Verifier verifier = new Verifier();
        rows.forEachRemaining(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    /** Streaming form of {@link #verify}: feed rows in sequence order, then finish with the head. */
    public static final class Verifier {
        private final VerificationReport.Builder report = new VerificationReport.Builder();
        private long lastSeq;
        private byte[] lastHash = GENESIS;

        public void accept(AuditRecord row) {
            report.checked();
            if (row.seq() != lastSeq + 1) {
                report.fault(row.seq(), "missing", lastSeq + 1, row.seq() - 1);
            }
            if (!Arrays.equals(row.prevHash(), lastHash)) {
                report.fault(row.seq(), "brokenLink", row.seq());
            }
            if (!Arrays.equals(hash(row.prevHash(), row), row.hash())) {
                report.fault(row.seq(), "altered", row.seq());
            }
            lastSeq = row.seq();
            lastHash = row.hash();
        }

        public VerificationReport finish(long headSeq, byte[] headHash) {
            if (headSeq != lastSeq || !Arrays.equals(headHash, lastHash)) {
                report.fault(lastSeq, "tailMissing", lastSeq, headSeq);
            }
            return report.build(lastSeq, HexFormat.of().formatHex(lastHash));
        }
    }

    private static void field(ByteArrayOutputStream out, Object value) {
        out.write(FIELD);
        if (value == null) {
            out.write(NULL);
        } else {
            out.writeBytes(Objects.toString(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
