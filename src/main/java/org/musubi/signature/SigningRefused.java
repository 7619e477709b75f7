package org.musubi.signature;

/**
 * A signature that cannot be made, with the key of its Japanese-first text in the message bundles
 * ({@code signature.refused.*}); the exception's message is that text in Japanese then English. On a read-only standby
 * its cause is the database module's standby refusal, so that the web layer's standby handling answers it as any
 * refused write.
 */
public final class SigningRefused extends RuntimeException {

    /** Why, each with its message key. */
    public enum Reason {
        /** Musubi runs on a read-only standby: no key can be issued, no letter sent. Verification still works. */
        STANDBY("signature.refused.standby", "署名は主系でのみできます。この結びは読み取り専用の待機系で動いています（署名の検証はできます）。"
                + " / Signing works on the primary only: this Musubi runs on a read-only standby (verifying signatures works)."),
        /** The user cannot hold a signing key: unknown, disabled, a resident, or of no facility. */
        NO_SIGNER("signature.refused.noSigner", "この利用者は署名できません（施設に所属する有効な職員のみが署名できます）。"
                + " / This user cannot sign: only active staff of a facility can."),
        /** No CA issues software keys on this installation (the demo CA is off): sign with an HPKI card or service. */
        NO_ISSUER("signature.refused.noIssuer", "この結びはソフトウェア鍵を発行しません。HPKIカードまたはカードレス署名で署名してください。"
                + " / This Musubi issues no software keys: sign with an HPKI card or a cardless signing service."),
        /** The signing device or service failed or answered a signature that does not verify. */
        DEVICE_FAILED("signature.refused.deviceFailed", "署名用の機器またはサービスが署名を返しませんでした。もう一度お試しください。"
                + " / The signing device or service returned no valid signature. Please try again."),
        /** What was to be signed is not a PDF (or a PDF that cannot be signed). */
        NOT_A_PDF("signature.refused.notPdf", "PDFとして読めないため署名できません。 / This is not a PDF that can be signed.");

        private final String messageKey;
        private final String text;

        Reason(String messageKey, String text) {
            this.messageKey = messageKey;
            this.text = text;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public SigningRefused(Reason reason) {
        super(reason.text);
        this.reason = reason;
    }

    public SigningRefused(Reason reason, Throwable cause) {
        super(reason.text, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey;
    }
}
