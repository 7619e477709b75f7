package org.musubi.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @Test
    void textInItsCharsetIsReadAsWritten() throws Undecodable {
        assertThat(StrictText.decode("山田 太郎\r\n𠮷野家 ①\uFFFD".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("山田 太郎\r\n𠮷野家 ①\uFFFD");
        assertThat(StrictText.decode("ヤマダ ①㎎".getBytes(WINDOWS_31J), WINDOWS_31J)).isEqualTo("ヤマダ ①㎎");
    }

    @Test
    void anInvalidByteIsNamedByItsOffsetLineAndColumn() {
        byte[] bytes = bytes("{\"name\":\n  \"山".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "田\"}".getBytes(StandardCharsets.UTF_8));

        Undecodable e = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(bytes, StandardCharsets.UTF_8));

        assertThat(e.offset()).isEqualTo(15); // {"name":\n (9) + two spaces + a quote (3) + 山 (3 bytes)
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.bytes()).isEqualTo("0xFF");
        assertThat(e.charset()).isEqualTo("UTF-8");
        assertThat(e.getMessage()).isEqualTo("bytes 0xFF at byte offset 15 (line 2, column 5) are not UTF-8");
    }

    @Test
    void shiftJisSentAsUtf8IsRefusedAtItsFirstByte() {
        byte[] bytes = bytes("{\"family\":\"".getBytes(StandardCharsets.US_ASCII), "山田".getBytes(WINDOWS_31J));

        Undecodable e = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(bytes, StandardCharsets.UTF_8));

        assertThat(e.offset()).isEqualTo(11);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.bytes()).isEqualTo("0x8E");
    }

    @Test
    void crLfAndLoneCrEndOneLineEachAndASurrogatePairIsOneColumn() {
        byte[] bytes = bytes("a\r\nb\rc\n𠮷x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3});

        Undecodable e = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(bytes, StandardCharsets.UTF_8));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.offset()).isEqualTo(bytes.length - 1);
        assertThat(e.bytes()).as("a character cut off at the end").isEqualTo("0xC3");
    }

    @Test
    void windows31jIsReadStrictlyTooBothMalformedAndUnassignedBytes() {
        byte[] malformed = bytes("ヤマダ".getBytes(WINDOWS_31J), new byte[] {(byte) 0x82, 0x20});
        byte[] unassigned = bytes("ヤ".getBytes(WINDOWS_31J), new byte[] {(byte) 0x85, 0x40});

        Undecodable first = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(malformed, WINDOWS_31J));
        Undecodable second = catchThrowableOfType(Undecodable.class, () -> StrictText.check(unassigned, 0,
                unassigned.length, WINDOWS_31J));

        assertThat(first.offset()).isEqualTo(6);
        assertThat(first.column()).isEqualTo(4);
        assertThat(first.bytes()).isEqualTo("0x82");
        assertThat(second.offset()).isEqualTo(2);
        assertThat(second.bytes()).as("the lead byte: Java reads the pair as malformed from it").isEqualTo("0x85");
        assertThat(second.charset()).isEqualTo("windows-31j");
    }

    @Test
    void aSliceCountsFromItsOwnStartAndCanBeShiftedIntoItsFile() {
        byte[] file = bytes("first line\n".getBytes(StandardCharsets.UTF_8), "ab".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x80});

        Undecodable e = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(file, 11, 3, StandardCharsets.UTF_8));

        assertThat(e.offset()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        Undecodable inFile = e.shifted(11, 1, 0);
        assertThat(inFile.offset()).isEqualTo(13);
        assertThat(inFile.line()).isEqualTo(2);
        assertThat(inFile.column()).isEqualTo(3);
    }

    @Test
    void aLongTextIsReadAcrossTheDecodersChunks() throws Undecodable {
        String text = "あいうえお\n".repeat(5_000);
        byte[] bytes = bytes(text.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE3, 0x28});

        assertThat(StrictText.decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
        Undecodable e = catchThrowableOfType(Undecodable.class, () -> StrictText.decode(bytes, StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(5_001);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.offset()).isEqualTo(5_000L * 16);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
