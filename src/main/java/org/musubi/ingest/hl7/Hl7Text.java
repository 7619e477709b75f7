package org.musubi.ingest.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.musubi.text.JisX0208;

/**
 * Decodes an HL7 v2 file as SS-MIX2 writes it: ISO-2022-JP (ASCII plus JIS X 0208 between
 * {@code ESC $ B} and {@code ESC ( B}). Files written as UTF-8 or Shift_JIS (Windows-31J) are read
 * too, with the charset that was used named so the caller can warn; bytes no charset reads are a failure. Shift_JIS
 * text is given in JIS X 0208's reading, as ISO-2022-JP's ({@link JisX0208}).
 */
public final class Hl7Text {

    public static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    /** The text, and the charset used when it was not ISO-2022-JP. */
    public record Decoded(String text, Optional<Charset> tolerated) {
    }

    private Hl7Text() {
    }

    /** Empty when the bytes are none of ISO-2022-JP, UTF-8 or Shift_JIS. */
    public static Optional<Decoded> decode(byte[] bytes) {
        Optional<String> jis = strict(bytes, ISO_2022_JP);
        if (jis.isPresent()) {
            return Optional.of(new Decoded(jis.get(), Optional.empty()));
        }
        for (Charset other : new Charset[] {StandardCharsets.UTF_8, SHIFT_JIS}) {
            Optional<String> text = strict(bytes, other).map(t -> other.equals(SHIFT_JIS) ? JisX0208.toJis(t) : t);
            if (text.isPresent()) {
                return Optional.of(new Decoded(text.get(), Optional.of(other)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        if (charset.equals(ISO_2022_JP) && !sevenBit(bytes)) {
            return Optional.empty();
        }
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** ISO-2022-JP is a 7-bit code: any byte with the high bit set rules it out. */
    private static boolean sevenBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
