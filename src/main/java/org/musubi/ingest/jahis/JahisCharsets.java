package org.musubi.ingest.jahis;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.musubi.medication.notebook.JahisFormat;
import org.musubi.text.JisX0208;

/**
 * Bytes to text. The JAHIS format says ASCII or Shift_JIS; apps also write UTF-8, with or without a
 * byte-order mark. UTF-8 is tried first (strictly: a Shift_JIS file is practically never valid UTF-8),
 * then {@code windows-31j} ({@link JahisFormat#SHIFT_JIS}), the Windows flavour of Shift_JIS that pharmacy systems write (it has ①, ㎎,
 * Ⅲ …). Text with control characters other than tab, CR, LF and a final EOF mark (0x1A) is not a
 * JAHIS file in any encoding.
 *
 * <p>Shift_JIS text is stored in JIS X 0208's reading ({@link JisX0208}: 0x8160 〜 is WAVE DASH U+301C), as every
 * format's; a UTF-8 file's characters are kept as sent. Written back as Shift_JIS (by the writer,
 * {@code medication.notebook.JahisWriter}), both readings become the same bytes again.
 */
final class JahisCharsets {

    private static final char EOF_MARK = 0x1A;

    private JahisCharsets() {
    }

    /** The text, or empty when the bytes are neither UTF-8 nor Shift_JIS text. */
    static Optional<String> decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Optional<String> text = strictly(StandardCharsets.UTF_8, bytes, start);
        if (text.isEmpty() && start == 0) {
            text = strictly(JahisFormat.SHIFT_JIS, bytes, 0).map(JisX0208::toJis);
        }
        return text.map(JahisCharsets::withoutEofMark).filter(JahisCharsets::isPlainText);
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Optional<String> strictly(Charset charset, byte[] bytes, int start) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String withoutEofMark(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == EOF_MARK) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
