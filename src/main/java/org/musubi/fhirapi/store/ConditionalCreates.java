package org.musubi.fhirapi.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.musubi.database.TransactionLocks;
import org.musubi.record.Located;
import org.musubi.record.ResourceLookup;
import org.springframework.stereotype.Component;

/**
 * FHIR's conditional create ({@code If-None-Exist}, a transaction entry's {@code ifNoneExist}): the condition names the
 * writer's own resource by an identifier; when one matches, the create answers 200 with it and changes nothing. Only
 * {@code identifier=system|value} conditions are taken; any other is refused (400), not ignored.
 */
@Component
public class ConditionalCreates {

    private final ResourceLookup store;
    private final TransactionLocks locks;

    ConditionalCreates(ResourceLookup store, TransactionLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /**
     * Inside the transaction that creates the resource when nothing matches: holds, until it ends, the lock of the
     * condition as the writer's (facility, type, system, value), so that two creates of one resource racing on one
     * node or two run one after the other and the second finds the first; then the writer's live resource of
     * {@code type} the condition matches, if any.
     */
    public Optional<Located> existing(String type, String condition, long facility) {
        String[] token = identifierToken(condition);
        locks.holdAll(List.of(name(facility, type, token)));
        return store.locateByIdentifier(type, facility, token[0], token[1]);
    }

    /** The name of a condition's lock. */
    public static List<String> name(long facility, String type, String[] token) {
        return Arrays.asList("conditional create", Long.toString(facility), type, token[0], token[1]);
    }

    /**
     * {@code identifier=system|value} (also after {@code ?} or {@code Type?}) → [system or null, value]; anything else
     * is refused.
     */
    public static String[] identifierToken(String condition) {
        String query = condition.strip();
        int mark = query.indexOf('?');
        if (mark >= 0) {
            query = query.substring(mark + 1);
        }
        if (!query.startsWith("identifier=") || query.contains("&")) {
            throw new InvalidRequestException("条件は identifier=system|value だけに対応しています: " + condition
                    + " / Only identifier=system|value conditions are supported: " + condition);
        }
        String token = URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
        int bar = token.indexOf('|');
        return bar < 0 ? new String[] {null, token}
                : new String[] {bar == 0 ? null : token.substring(0, bar), token.substring(bar + 1)};
    }
}
