package org.musubi.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.hl7.Hl7Text;

class JisX0208Test {

    private static final Charset WINDOWS = Charset.forName("windows-31j");
    /** 〜 − ‖ — ¢ £ ¬ as Shift_JIS bytes: 0x8160 0x817C 0x8161 0x815C 0x8191 0x8192 0x81CA. */
    private static final byte[] SEVEN = {(byte) 0x81, 0x60, (byte) 0x81, 0x7C, (byte) 0x81, 0x61, (byte) 0x81, 0x5C,
            (byte) 0x81, (byte) 0x91, (byte) 0x81, (byte) 0x92, (byte) 0x81, (byte) 0xCA};
    private static final String JIS = "\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC";

    @Test
    void readsTheSevenDivergingCharactersAsJisX0208AndIso2022JpDo() throws IOException {
        assertThat(new String(SEVEN, WINDOWS)).isNotEqualTo(JIS);
        assertThat(JisX0208.toJis(new String(SEVEN, WINDOWS))).isEqualTo(JIS);
        assertThat(new String(SEVEN, Charset.forName("Shift_JIS"))).as("Java's own Shift_JIS agrees").isEqualTo(JIS);
        try (Reader reader = JisX0208.toJis(new InputStreamReader(new ByteArrayInputStream(SEVEN), WINDOWS))) {
            char[] buffer = new char[16];
            int first = reader.read();
            int rest = reader.read(buffer, 0, buffer.length);
            assertThat((char) first + new String(buffer, 0, rest)).isEqualTo(JIS);
        }
    }

    @Test
    void writesBothReadingsBackAsTheSameShiftJisBytes() {
        assertThat(JisX0208.toWindows(JIS).getBytes(WINDOWS)).isEqualTo(SEVEN);
        assertThat(JisX0208.toWindows(new String(SEVEN, WINDOWS)).getBytes(WINDOWS)).isEqualTo(SEVEN);
        assertThat(JisX0208.toJis("①㎎Ⅲ髙 ～ plain")).as("Windows' extensions and text without them kept")
                .isEqualTo("①㎎Ⅲ髙 〜 plain");
    }

    @Test
    void anHl7FileInShiftJisReadsAsTheSameFileInIso2022Jp() {
        byte[] shiftJis = ("MSH|^~\\&|\rNTE|1||" + new String(SEVEN, WINDOWS) + "\r").getBytes(WINDOWS);
        byte[] jis = ("MSH|^~\\&|\rNTE|1||" + JIS.substring(0, 4) + "\r").getBytes(Hl7Text.ISO_2022_JP);

        Optional<Hl7Text.Decoded> fromShiftJis = Hl7Text.decode(shiftJis);

        assertThat(fromShiftJis).hasValueSatisfying(d -> assertThat(d.text()).contains(JIS));
        assertThat(Hl7Text.decode(jis)).hasValueSatisfying(d -> assertThat(d.text()).contains(JIS.substring(0, 4)));
    }
}
