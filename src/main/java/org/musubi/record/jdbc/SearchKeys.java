package org.musubi.record.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.musubi.record.RecordQuery;
import org.musubi.record.SearchIndex;

/**
 * A resource's search tokens as the store keeps them: 64-bit keys in {@code resource.search_keys}, one GIN
 * index over them all, instead of a row per token with three indexes (which cost PostgreSQL about five
 * times as much to write: bench/README.md). A key is the first 8 bytes of the SHA-256 of
 * {@code scope ␟ type ␟ param ␟ system ␟ code} (␟ = U+001F), where
 * <ul>
 * <li>scope is {@code p<patient key>} for the patient's own tokens (a search is always within a person's
 *     source patients), or {@code f<source facility>} for identifiers, which are also looked up across
 *     patients by the facility that sent them ({@link #identifier});</li>
 * <li>system is {@code *} for "any system", and {@code =<system>} for that system: a token with a system
 *     has both keys, one without a system only the first.</li>
 * </ul>
 * Migration V18 makes the same keys in SQL from the rows of the old token table. Two different tokens of one
 * scope share a key with a probability of about 2<sup>-64</sup> per pair. Public for the benchmark's bulk loader,
 * which writes the store's rows itself.
 */
public final class SearchKeys {

    static final String IDENTIFIER = "identifier";
    private static final long[] NONE = {};
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private SearchKeys() {
    }

    /** The keys of a resource's tokens, sorted and distinct. */
    public static long[] of(long patientKey, long sourceFacility, String type, List<SearchIndex.Token> tokens) {
        if (tokens.isEmpty()) {
            return NONE;
        }
        long[] keys = new long[tokens.size() * 2];
        int n = 0;
        for (SearchIndex.Token token : tokens) {
            String scope = scope(token.param(), patientKey, sourceFacility);
            keys[n++] = key(scope, type, token.param(), null, token.code());
            if (token.system() != null) {
                keys[n++] = key(scope, type, token.param(), token.system(), token.code());
            }
        }
        return Arrays.stream(keys, 0, n).sorted().distinct().toArray();
    }

    /**
     * The keys any of which a resource of the person's {@code patientKeys} must have to meet {@code condition};
     * identifiers are keyed by the facility that sent them, so they are asked of every facility in {@code facilities}.
     */
    static Long[] query(Collection<Long> patientKeys, Collection<Long> facilities, String type,
                        RecordQuery.TokenCondition condition) {
        boolean identifier = IDENTIFIER.equals(condition.param());
        return (identifier ? facilities : patientKeys).stream()
                .map(scope -> identifier ? scope(IDENTIFIER, 0, scope) : scope(condition.param(), scope, 0))
                .flatMap(scope -> condition.anyOf().stream().map(value -> key(scope, type, condition.param(), value.system(),
                        value.code())))
                .distinct().toArray(Long[]::new);
    }

    /** The key of an identifier a facility sent ({@code system} {@code null}: any system). */
    static long identifier(long facility, String type, String system, String value) {
        return key(scope(IDENTIFIER, 0, facility), type, IDENTIFIER, system, value);
    }

    private static String scope(String param, long patientKey, long facility) {
        return IDENTIFIER.equals(param) ? "f" + facility : "p" + patientKey;
    }

    static long key(String scope, String type, String param, String system, String code) {
        String text = scope + '\u001f' + type + '\u001f' + param + '\u001f' + (system == null ? "*" : "=" + system)
                + '\u001f' + code;
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = key << 8 | (digest[i] & 0xFF);
        }
        return key;
    }
}
