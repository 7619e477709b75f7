package org.musubi.fhirapi.mhd;

import java.util.Optional;
import org.musubi.box.Box;
import org.musubi.box.DownloadFile;
import org.musubi.fhirapi.access.Caller;
import org.springframework.stereotype.Component;

/**
 * ITI-68 Retrieve Document of a Box file: {@code Binary/box-<uuid>} is the file's content through {@link DownloadFile#download}
 * — streamed, its SHA-256 checked at its end, audited once by Box, a file about a patient decided by the access policy
 * at this download — for its sender and its recipients while it is not expired and its scan allows it. Anything else,
 * and an id of Box's form that names nothing, is empty: the one 404 of an absent Binary.
 */
@Component
public class BoxBinaries {

    private final DownloadFile box;

    BoxBinaries(DownloadFile box) {
        this.box = box;
    }

    /** Whether {@code id} is a Box file's Binary id (of Box's form, well formed or not): then {@link #open} answers. */
    public static boolean serves(String id) {
        return BoxResources.isBox(id);
    }

    /** The file's content, to be closed; empty for what the caller may not have. */
    public Optional<Box.Download> open(Caller caller, String id) {
        return box.download(caller.reader(), BoxResources.file(id));
    }
}
