package org.musubi.fhirapi.response;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An OperationOutcome written straight to the servlet response, for what {@code /fhir} answers beside HAPI: Binary
 * content, {@code $everything} in JSON and request bodies refused for their size.
 */
public final class ServletOutcomes {

    private ServletOutcomes() {
    }

    /** Answers {@code status} with one error issue whose diagnostics are {@code text}. */
    public static void error(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"processing\",\"diagnostics\":\"" + escaped + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
