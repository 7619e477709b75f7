package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.rejected;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;

/** Bytes to text: UTF-8 with or without BOM, Shift_JIS, CRLF, LF or CR, and what is not text at all. */
class JahisEncodingTest {

    private final String[] lines = Notebooks.notebook(Notebooks.amlodipineBlock(), Notebooks.ointmentBlock());

    @Test
    void readsShiftJisWithCrlfExactlyAsTheSameTextInUtf8() {
        List<ParseResult> utf8 = read("notebook.txt", JahisFiles.utf8(lines));
        List<ParseResult> shiftJis = read("notebook.txt", JahisFiles.shiftJisCrlf(lines));

        assertThat(parsed(utf8)).hasSize(4);
        SameResults.assertSame(shiftJis, utf8);
    }

    @Test
    void readsUtf8WithAByteOrderMarkAndLoneCarriageReturns() {
        byte[] text = String.join("\r", lines).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        SameResults.assertSame(read("notebook.txt", withBom), read("notebook.txt", lines));
    }

    @Test
    void readsHalfWidthKanaOfShiftJisAsTheSamePatient() {
        String[] halfWidth = Notebooks.replaced(lines, 1, "1,山田 花子,2,S330303,105-0004,東京都港区新橋1-2-3,03-1234-5678,,,,ﾔﾏﾀﾞ ﾊﾅｺ");

        Parsed wide = parsed(read("a.txt", lines)).getFirst();
        Parsed narrow = parsed(read("b.txt", JahisFiles.shiftJisCrlf(halfWidth))).getFirst();

        assertThat(narrow.patient().localId()).isEqualTo(wide.patient().localId());
        assertThat(narrow.patient().familyKana()).isEqualTo("ﾔﾏﾀﾞ");
    }

    @Test
    void ignoresAnEofMarkAndBlankLines() {
        byte[] text = (String.join("\r\n\r\n", lines) + "\r\n\u001A").getBytes(JahisFiles.SHIFT_JIS);

        assertThat(parsed(read("notebook.txt", text))).hasSize(4);
    }

    @Test
    void rejectsBytesThatAreNotTextInEitherEncoding() {
        List<ParseResult> results = read("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, 'J', 'F'});

        assertThat(rejected(results)).singleElement().satisfies(r -> {
            assertThat(r.problem().code()).isEqualTo("jahis.encoding");
            assertThat(r.problem().where().file()).isEqualTo("photo.jpg");
            assertThat(r.problem().where().line()).isZero();
            assertThat(r.raw()).isNull();
        });
    }

    @Test
    void readsTheWaveDashAndTheOtherDivergingCharactersOfShiftJisAsJisX0208MapsThem() {
        // 0x8160 〜, 0x817C −, 0x8161 ‖, 0x815C ―: Windows' table reads U+FF5E, U+FF0D, U+2225, U+2015
        byte[] file = JahisFiles.shiftJisCrlf(Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1",
                "201,1,カロナール錠２００,1,錠,6,110626901,1", "301,1,１回１\uFF5E２錠　\uFF0D\u2225\u2015,5,回分,3,1,,1");

        MedicationDispense dispense = JahisFiles.resources(read("x.txt", file), MedicationDispense.class).getFirst();

        assertThat(dispense.getDosageInstructionFirstRep().getText()).isEqualTo("１回１\u301C２錠　\u2212\u2016\u2014");
    }

    @Test
    void givesTheSameKeysWhetherAWaveDashCameAsShiftJisOrAsEitherUnicodeCharacter() {
        String[] lines = {Notebooks.HEADER, "1,山田 花子\uFF5E,2,S330303,,,,,,,", "3,葛根湯\uFF5E顆粒,20260301,,2,1,"};
        List<ParseResult> shiftJis = read("a.txt", JahisFiles.shiftJisCrlf(lines));
        List<ParseResult> tilde = read("b.txt", JahisFiles.utf8(lines));
        List<ParseResult> waveDash = read("c.txt", JahisFiles.utf8(Arrays.stream(lines)
                .map(l -> l.replace('\uFF5E', '\u301C')).toArray(String[]::new)));

        assertThat(parsed(shiftJis)).extracting(Parsed::recordKey).containsExactlyElementsOf(
                parsed(tilde).stream().map(Parsed::recordKey).toList());
        assertThat(parsed(waveDash)).extracting(Parsed::recordKey).containsExactlyElementsOf(
                parsed(tilde).stream().map(Parsed::recordKey).toList());
        assertThat(parsed(shiftJis).getFirst().patient().localId()).isEqualTo(parsed(tilde).getFirst().patient().localId());
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(rejected(read("empty.txt", new byte[0]))).singleElement()
                .satisfies(r -> assertThat(r.problem().code()).isEqualTo("jahis.empty"));
    }
}
