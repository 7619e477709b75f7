package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a FHIR request body (JSON or XML) into the resource HAPI will serve, collecting what the
 * parser would drop into {@link ParseFaults}. Whatever the body, the outcome is the resource or an
 * {@link InvalidRequestException} (400) saying what was unreadable without naming Java code; an XML
 * body declaring a DOCTYPE is refused before it is parsed ({@link XmlProlog}).
 */
final class RequestBodies {

    private static final Logger log = LoggerFactory.getLogger(RequestBodies.class);

    private RequestBodies() {
    }

    /**
     * A number written with an exponent of four digits or more ({@code 1e999999999}): HAPI's decimal writes it out in
     * full, a billion digits, and reads that again, which takes a core for hours (found by fuzzing). No value of a
     * health record needs such an exponent. A token joined to others by {@code - . + / =} (a UUID's {@code
     * 577e-3816}, a version, base64) is not a number.
     */
    private static final Pattern HUGE_EXPONENT = Pattern.compile(
            "(?<![A-Za-z0-9_.+/=-])-?[0-9]+(?:\\.[0-9]*)?[eE][+-]?0*[1-9][0-9]{3,}(?![A-Za-z0-9_.+/=-])");

    static <T extends IBaseResource> T parse(FhirContext context, EncodingEnum encoding, Class<T> type, String body,
                                             String serverBase, ParseFaults faults) {
        refuseDoctype(encoding, body);
        Matcher huge = HUGE_EXPONENT.matcher(body);
        if (huge.find()) {
            String number = huge.group();
            throw unreadable(encoding, type, "指数の大きすぎる数値は受け付けません（指数は 999 まで） / a number whose exponent"
                    + " exceeds 999 is refused: " + (number.length() > 40 ? number.substring(0, 20) + "…"
                    + number.substring(number.length() - 12) : number) + " at character " + huge.start());
        }
        IParser parser = encoding.newParser(context).setParserErrorHandler(faults);
        parser.setServerBaseUrl(serverBase);
        try {
            return parser.parseResource(type, body);
        } catch (DataFormatException e) {
            throw unreadable(encoding, type, ParserMessages.readable(e.getMessage()));
        } catch (RuntimeException e) {
            // HAPI 8.8.1's parsers fail on some malformed bodies with other exceptions (found by fuzzing: an
            // empty JSON property name, a Bundle entry's unknown request method); still the sender's mistake.
            log.warn("HAPI's {} parser failed on a request body: {}", encoding, e.toString());
            throw unreadable(encoding, type, "the body could not be read");
        }
    }

    private static InvalidRequestException unreadable(EncodingEnum encoding, Class<?> type, String why) {
        return new InvalidRequestException("リクエスト本文を " + type.getSimpleName() + " として読めません / The request "
                + "body is not a readable " + encoding.name() + " " + type.getSimpleName() + ": " + why);
    }

    /** Refuses an XML body with a DOCTYPE (400); FHIR XML never has one. */
    static void refuseDoctype(EncodingEnum encoding, String body) {
        if (encoding == EncodingEnum.XML && XmlProlog.declaresDoctype(body)) {
            throw new InvalidRequestException("XML の DOCTYPE（DTD）は受け付けません / FHIR XML may not declare a DOCTYPE (DTD)");
        }
    }
}
