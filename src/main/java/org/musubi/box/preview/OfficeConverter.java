package org.musubi.box.preview;

import java.io.IOException;
import java.nio.file.Path;

/** Turns an Office document (a Word, Excel, PowerPoint or OpenDocument file, RTF) into a PDF, when it can. */
public interface OfficeConverter {

    /** Whether documents can be converted here at all (LibreOffice installed). */
    boolean available();

    /**
     * Writes {@code document}, whose format its file name's extension tells, as a PDF to {@code pdf}.
     *
     * @throws IOException when it cannot be converted (not a document, too slow, LibreOffice gone)
     */
    void toPdf(Path document, Path pdf) throws IOException;

    /** No LibreOffice: nothing converts, Office files are downloads only. */
    OfficeConverter NONE = new OfficeConverter() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void toPdf(Path document, Path pdf) throws IOException {
            throw new IOException("no LibreOffice to convert Office files with");
        }
    };
}
