package org.musubi.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.CardStatus;
import org.musubi.identity.cards.CheckCodePepper;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What one card check code costs on this JVM, for docs/security.md: the argon2id hash at the check codes' parameters
 * (4 MiB, one pass, as {@code IdentityConfiguration} sets them), and the whole check of a typed code against a
 * peppered hash ({@link CardCodes#matches}: HMAC-SHA256, then argon2id). One thread, then {@code --threads} side by
 * side (guesses per second of the machine). Prints what trying codes would cost a guesser without the pepper. A
 * {@code main}, never run by the build: {@code bench/checkcodes.sh}.
 */
public final class CheckCodeBenchmark {

    static final Map<String, Long> DEFAULTS = new LinkedHashMap<>(Map.of(
            "warmup", 300L, "checks", 1_000L, "threads", (long) Runtime.getRuntime().availableProcessors()));
    private static final double CODES = Math.pow(31, 8);

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        System.out.println("CheckCodeBenchmark " + options + " on " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 4096, 1);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        CardCodes codes = new CardCodes(argon2::encode, argon2::matches, new CheckCodePepper(key));
        String code = codes.fresh();
        Card card = new Card(1, "0", 1, CardKind.REGIONAL, 1, null, CardStatus.ACTIVE, Instant.now(), codes.hash(code));
        String bare = argon2.encode(code);

        Distribution hash = time(options.integer("warmup"), options.integer("checks"), () -> argon2.matches(code, bare));
        Distribution check = time(options.integer("warmup"), options.integer("checks"), () -> codes.matches(card, code));
        System.out.println("argon2id (4 MiB, 1 pass), one thread: " + hash.micros());
        System.out.println("peppered check (HMAC + argon2id), one thread: " + check.micros());
        int threads = options.integer("threads");
        double perSecond = parallel(threads, options.integer("checks"), () -> argon2.matches(code, bare));
        System.out.printf("argon2id on %d threads: %,.0f hashes/s%n", threads, perSecond);
        double expectedSeconds = CODES / 2 / perSecond;
        System.out.printf("31^8 = %.3g codes (2^%.1f); half of them on this machine: %.0f days (%.1f years);"
                + " per core at the one-thread median: %.1f core-years%n", CODES, Math.log(CODES) / Math.log(2),
                expectedSeconds / 86_400, expectedSeconds / 86_400 / 365.25,
                CODES / 2 * hash.percentile(50) / 1e9 / 86_400 / 365.25);
    }

    private static Distribution time(int warmup, int checks, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] nanos = new long[checks];
        for (int i = 0; i < checks; i++) {
            long started = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - started;
        }
        return new Distribution(nanos);
    }

    private static double parallel(int threads, int checksEach, Runnable work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            long started = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < checksEach; i++) {
                        work.run();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            return (double) threads * checksEach / ((System.nanoTime() - started) / 1e9);
        }
    }
}
