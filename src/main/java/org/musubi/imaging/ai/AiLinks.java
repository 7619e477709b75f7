package org.musubi.imaging.ai;

import java.time.Instant;
import java.util.function.Supplier;
import org.musubi.security.SecretBox;

/**
 * What a work item gives its service and takes back: the analysis request (the DICOMweb root scoped to the study with
 * its pixel token, the callback URL with its token) under Musubi's address as services reach it; the service's own
 * token, sealed at rest ({@link #TOKEN_PURPOSE}); the check of both tokens ({@link AiTokens}); the send itself
 * ({@link AiSender}).
 */
public final class AiLinks {

    /** The purpose the services' tokens are sealed under ({@code SecretBox}). */
    public static final String TOKEN_PURPOSE = "ai-service-token";
    /** The purpose of the key the work items' tokens are made with ({@code SecretBox.derive}). */
    public static final String WORK_ITEM_PURPOSE = "ai-work-item";
    /** The root of the scoped DICOMweb route; the pixel token follows. */
    public static final String PIXELS = "/imaging/ai/dicomweb/";
    /** The root of the callback route; the work item's id follows. */
    public static final String CALLBACK = "/imaging/ai/callback/";

    private final AiTokens tokens;
    private final SecretBox box;
    private final Supplier<String> publicUrl;
    private final AiSender sender;

    public AiLinks(SecretBox box, Supplier<String> publicUrl, AiSender sender) {
        this.tokens = new AiTokens(box.derive(WORK_ITEM_PURPOSE));
        this.box = box;
        this.publicUrl = publicUrl;
        this.sender = sender;
    }

    /** The work items' tokens. */
    public AiTokens tokens() {
        return tokens;
    }

    /** A service's token sealed for storing. */
    public String seal(String plainToken) {
        return box.seal(TOKEN_PURPOSE, plainToken);
    }

    /** A service's token as sent to it. */
    public String token(AiService service) {
        return box.open(TOKEN_PURPOSE, service.tokenSealed());
    }

    /** The analysis request of {@code item} of a study of {@code modality}, its pixel token valid from {@code now}. */
    public String request(AiWorkItem item, String modality, Instant now) {
        String base = publicUrl.get().strip().replaceAll("/+$", "");
        Instant expires = now.plus(AiTokens.PIXEL_LIFETIME);
        String pixels = tokens.pixelToken(item.id(), item.studyUid(), expires);
        return AiContract.request(item.id(), item.studyUid(), modality, base + PIXELS + pixels, pixels,
                expires.toString(), base + CALLBACK + item.id(), tokens.callbackToken(item.id(), item.serviceId()));
    }

    /** Sends {@code item} (a study of {@code modality}) to {@code service}: what comes of it for the work item. */
    public AiSender.Step send(AiService service, AiWorkItem item, String modality, Instant now) {
        return sender.send(service, token(service), item, request(item, modality, now), now);
    }

    /** Ends the sender's HTTP client with the server (Spring calls it when the context closes). */
    public void close() {
        sender.close();
    }
}
