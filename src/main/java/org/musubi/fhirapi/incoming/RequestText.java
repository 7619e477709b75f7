package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;

/**
 * A request body as text, for the readers that parse it before HAPI: decoded strictly in the request's charset (UTF-8,
 * FHIR's, when none is declared). {@link RequestBodyDoor} refused a body that is no text already; a body that reaches
 * here otherwise is refused the same way (400), never read with U+FFFD in place of its bytes.
 */
final class RequestText {

    private RequestText() {
    }

    static String of(RequestDetails request, byte[] content) {
        Charset charset = request.getCharset() != null ? request.getCharset() : StandardCharsets.UTF_8;
        try {
            return StrictText.decode(content, charset);
        } catch (Undecodable e) {
            throw new InvalidRequestException("本文の " + e.line() + " 行目 " + e.column() + " 文字目（先頭から " + e.offset()
                    + " バイトの位置）のバイト " + e.bytes() + " は " + e.charset() + " の文字として読めません / The body: the bytes "
                    + e.bytes() + " at line " + e.line() + ", column " + e.column() + " (byte offset " + e.offset()
                    + ") are not valid " + e.charset());
        }
    }
}
