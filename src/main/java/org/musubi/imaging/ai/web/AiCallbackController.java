package org.musubi.imaging.ai.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.musubi.imaging.ai.AiCallbacks;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callback an AI service posts its findings to, {@code POST /imaging/ai/callback/<work item>} with {@code
 * Authorization: Bearer <callback token>}: 200 with the report's id when entered, 422 with the reason when the body is
 * not what the contract says, 404 (as for a work item that does not exist) for a wrong token or id. At most {@link
 * #MAX_BODY} bytes are read.
 */
@Controller
class AiCallbackController {

    /** The largest findings body taken (100 findings with their texts fit well within it). */
    static final int MAX_BODY = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AiCallbacks callbacks;

    AiCallbackController(AiCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/imaging/ai/callback/{id}")
    void callback(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String bearer = request.getHeader("Authorization");
        if (!id.matches("[0-9]{1,18}") || bearer == null || !bearer.startsWith("Bearer ")) {
            AiPixelController.notFound(response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        AiCallbacks.Outcome outcome = body.length > MAX_BODY
                ? new AiCallbacks.Refused("the body is larger than " + MAX_BODY + " bytes")
                : callbacks.take(Long.parseLong(id), bearer.substring("Bearer ".length()).strip(), body);
        switch (outcome) {
            case AiCallbacks.Entered entered -> json(response, 200, "reportId", entered.reportId());
            case AiCallbacks.Refused refused -> json(response, 422, "error", refused.reason());
            case AiCallbacks.Missing missing -> AiPixelController.notFound(response);
        }
    }

    private static void json(HttpServletResponse response, int status, String field, String value) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        byte[] json = JSON.createObjectNode().put(field, value).toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
