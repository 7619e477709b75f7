package org.musubi.ingest.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.musubi.record.IdKey;

/**
 * The ids one facility's imports give what they store, made from what identifies it at the source under the
 * installation's id key ({@link IdKey}): the same record sent again gets the same ids, a resource can be referred to
 * before it is stored (a lab result's report, an order's results), and no one without the key can tell an id, so no
 * one can take it first. Every id is scoped by the facility.
 *
 * <ul>
 * <li>{@link #resource}: a record's resource, from the facility, the patient's local id, the type and the source key;
 * <li>{@link #directory}: a directory resource (a pharmacy, a doctor), from the facility and its content;
 * <li>{@link #patientHash}: a local patient id made from who the patient is (JAHIS carries no patient ID, a 特定健診
 * document only the examinee's insurance).
 * </ul>
 *
 * On a {@linkplain IdKey#legacy() legacy} installation each is made as before migration V22, from public inputs
 * only (and directory resources without the facility), so that records sent again keep their ids.
 */
public final class ImportIds {

    private final IdKey key;
    private final long facilityId;

    private ImportIds(IdKey key, long facilityId) {
        this.key = Objects.requireNonNull(key, "key");
        this.facilityId = facilityId;
    }

    public static ImportIds of(IdKey key, long facilityId) {
        return new ImportIds(key, facilityId);
    }

    /** Ids made as before V22, under a throw-away key: for reading files outside an import (tools, tests). */
    public static ImportIds legacy(long facilityId) {
        return new ImportIds(IdKey.random(IdKey.Scheme.LEGACY), facilityId);
    }

    public long facilityId() {
        return facilityId;
    }

    /** The id of the resource of {@code type} with {@code sourceKey} of the facility's patient {@code localPatientId}. */
    public String resource(String localPatientId, String type, String sourceKey) {
        return key.uuid("musubi-import\u001f" + facilityId + "\u001f" + localPatientId + "\u001f" + type + "\u001f" + sourceKey);
    }

    /**
     * The id of a directory resource whose stored JSON is {@code json}: keyed, the HMAC of the facility and the JSON;
     * legacy, the SHA-256 of the JSON (the same for every facility), both as a version 8 UUID ({@link IdKey#uuidOf}).
     */
    public String directory(String json) {
        return key.legacy() ? IdKey.uuidOf(sha256(json)) : key.keyedUuid("musubi-directory\u001f" + facilityId + "\u001f" + json);
    }

    /**
     * The facility's own id for a directory resource whose {@link #directory} id another facility's resource has
     * (a party named by two facilities on a legacy installation, or a row put there by other means): always keyed,
     * never the same as {@link #directory}.
     */
    public String ownDirectory(String json) {
        return key.keyedUuid("musubi-directory-own\u001f" + facilityId + "\u001f" + json);
    }

    /**
     * {@code hexDigits} hex digits identifying {@code content} (already normalised): keyed, of the HMAC of the facility
     * and the content; legacy, of the content's SHA-256.
     */
    public String patientHash(String content, int hexDigits) {
        byte[] hash = key.legacy() ? sha256(content) : key.mac("musubi-local-patient\u001f" + facilityId + "\u001f" + content);
        return HexFormat.of().formatHex(hash).substring(0, hexDigits);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
