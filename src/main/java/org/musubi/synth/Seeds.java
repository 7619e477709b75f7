package org.musubi.synth;

/**
 * Derives independent, reproducible seeds from one seed (the SplitMix64 finaliser), so every
 * part of a network, and every person, has its own random stream. Public for the generator's
 * sub-packages; their salts start at 100 so as not to meet the ones below.
 */
public final class Seeds {

    public static final long FACILITIES = 1;
    public static final long USERS = 2;
    public static final long PERSONS = 3;
    public static final long REGIONAL_IDS = 4;
    public static final long CODES = 5;

    private Seeds() {
    }

    /** A seed for the given purpose; distinct salts give distinct seeds for the same seed. */
    public static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
