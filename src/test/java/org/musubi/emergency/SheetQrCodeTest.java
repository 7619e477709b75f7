package org.musubi.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.identity.FindPerson;
import org.musubi.phr.sheet.web.SheetPrinting;

/** The crews' page reads the QR code the printed emergency sheet carries (two modules, one payload). */
class SheetQrCodeTest {

    @Test
    void theCrewsLookUpReadsWhatThePrintedSheetWrites() {
        assertThat(FindPerson.SHEET_QR_PREFIX).isEqualTo(SheetPrinting.QR_PREFIX);
        assertThat(FindPerson.sheetCode(SheetPrinting.QR_PREFIX + "1234567890123452")).isTrue();
        assertThat(FindPerson.sheetCode("ＭＵＳＵＢＩ－ＰＥＲＳＯＮ：１：1234567890123452")).as("full-width as some scanners type it")
                .isTrue();
        assertThat(FindPerson.sheetCode("MUSUBI-CARD:2:1234567890123452:1:ABCDEFGH")).isFalse();
        assertThat(FindPerson.sheetCode(null)).isFalse();
    }
}
