package org.musubi.deid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity over quasi-identifiers (issue 48, deid), written from the published idea of full-domain generalisation
 * lattices (Incognito, LeFevre et al. 2005; Flash and ARX, Kohlmayer et al.): every combination of one level per
 * quasi-identifier is a node; a node is acceptable when at most a set fraction of persons sit in equivalence classes
 * smaller than k (those are then suppressed); of the acceptable nodes the one losing least is taken — loss is the sum
 * of each quasi-identifier's level over its height, then the number suppressed. Generalisation is monotone (a coarser
 * node is acceptable when a finer one is), so nodes above an acceptable node are never evaluated. Only each person's
 * tuple is held, as small integers.
 */
public final class KAnonymity {

    /**
     * The outcome.
     *
     * @param levels the chosen level per quasi-identifier
     * @param k the smallest equivalence class among the persons kept (0 when none are kept)
     * @param suppressed the persons (by index) suppressed
     * @param nodesEvaluated how many lattice nodes were counted
     */
    public record Result(List<QuasiIdentifier> qis, int[] levels, int threshold, int k, BitSet suppressed,
            int persons, int nodesEvaluated) {

        /** A person's tuple at the chosen levels. */
        public List<String> generalize(String[] raw) {
            List<String> out = new ArrayList<>(qis.size());
            for (int i = 0; i < qis.size(); i++) {
                out.add(qis.get(i).generalize(raw[i], levels[i]));
            }
            return out;
        }

        /** What was generalised: "age band: 10 years, sex: as recorded, …". */
        public String generalisation() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < qis.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(qis.get(i).label()).append(": ")
                        .append(qis.get(i).levelName(levels[i]));
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return "k-anonymity: threshold " + threshold + ", achieved " + k + ", " + suppressed.cardinality() + " of "
                    + persons + " persons suppressed, " + generalisation() + " (" + nodesEvaluated + " nodes)";
        }
    }

    private KAnonymity() {
    }

    /** k of a set of tuples: the size of the smallest equivalence class (0 when empty). */
    public static int k(Iterable<List<String>> tuples) {
        Map<List<String>, Integer> classes = new HashMap<>();
        for (List<String> t : tuples) {
            classes.merge(t, 1, Integer::sum);
        }
        return classes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** Chooses levels and suppressed persons so that the persons kept are k-anonymous. */
    public static Result anonymize(List<QuasiIdentifier> qis, List<String[]> tuples, int threshold,
            double maxSuppressedFraction) {
        int n = tuples.size();
        int q = qis.size();
        if (q > 4) {
            throw new IllegalArgumentException("at most 4 quasi-identifiers");
        }
        // codes[qi][level][person]: the generalised value as a small integer
        int[][][] codes = new int[q][][];
        for (int i = 0; i < q; i++) {
            QuasiIdentifier qi = qis.get(i);
            codes[i] = new int[qi.maxLevel() + 1][n];
            for (int level = 0; level <= qi.maxLevel(); level++) {
                Map<String, Integer> ids = new HashMap<>();
                for (int p = 0; p < n; p++) {
                    String v = qi.generalize(tuples.get(p)[i], level);
                    Integer id = ids.get(v);
                    if (id == null) {
                        id = ids.size();
                        ids.put(v, id);
                    }
                    codes[i][level][p] = id;
                }
            }
        }
        long allowed = (long) Math.floor(maxSuppressedFraction * n);
        List<int[]> acceptable = new ArrayList<>();
        int[] best = null;
        double bestLoss = Double.MAX_VALUE;
        long bestSuppressed = Long.MAX_VALUE;
        int evaluated = 0;
        for (int[] node : nodes(qis)) {
            if (dominatesAcceptable(node, acceptable)) {
                continue;
            }
            evaluated++;
            long suppressed = suppressedCount(classes(codes, node, n), threshold);
            if (suppressed > allowed) {
                continue;
            }
            acceptable.add(node);
            double loss = 0;
            for (int i = 0; i < q; i++) {
                loss += (double) node[i] / qis.get(i).maxLevel();
            }
            if (loss < bestLoss - 1e-9 || Math.abs(loss - bestLoss) < 1e-9 && suppressed < bestSuppressed) {
                best = node;
                bestLoss = loss;
                bestSuppressed = suppressed;
            }
        }
        if (best == null) { // fewer persons than k: even the top node fails; suppress everyone
            best = new int[q];
            for (int i = 0; i < q; i++) {
                best[i] = qis.get(i).maxLevel();
            }
        }
        Map<Long, Integer> classes = classes(codes, best, n);
        BitSet suppressed = new BitSet(n);
        int k = Integer.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            int size = classes.get(key(codes, best, p));
            if (size < threshold) {
                suppressed.set(p);
            } else {
                k = Math.min(k, size);
            }
        }
        return new Result(List.copyOf(qis), best, threshold, k == Integer.MAX_VALUE ? 0 : k, suppressed, n, evaluated);
    }

    /** All nodes of the lattice, by increasing height. */
    private static List<int[]> nodes(List<QuasiIdentifier> qis) {
        List<int[]> nodes = new ArrayList<>();
        nodes.add(new int[qis.size()]);
        for (int i = 0; i < qis.size(); i++) {
            List<int[]> next = new ArrayList<>();
            for (int[] node : nodes) {
                for (int level = 0; level <= qis.get(i).maxLevel(); level++) {
                    int[] copy = node.clone();
                    copy[i] = level;
                    next.add(copy);
                }
            }
            nodes = next;
        }
        nodes.sort((a, b) -> Integer.compare(height(a), height(b)));
        return nodes;
    }

    private static int height(int[] node) {
        int h = 0;
        for (int level : node) {
            h += level;
        }
        return h;
    }

    private static boolean dominatesAcceptable(int[] node, List<int[]> acceptable) {
        outer:
        for (int[] a : acceptable) {
            for (int i = 0; i < node.length; i++) {
                if (node[i] < a[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static long key(int[][][] codes, int[] node, int person) {
        long key = 0;
        for (int i = 0; i < node.length; i++) {
            key = key << 16 | codes[i][node[i]][person] & 0xffff;
        }
        return key;
    }

    private static Map<Long, Integer> classes(int[][][] codes, int[] node, int n) {
        Map<Long, Integer> classes = new HashMap<>();
        for (int p = 0; p < n; p++) {
            classes.merge(key(codes, node, p), 1, Integer::sum);
        }
        return classes;
    }

    private static long suppressedCount(Map<Long, Integer> classes, int threshold) {
        long s = 0;
        for (int size : classes.values()) {
            if (size < threshold) {
                s += size;
            }
        }
        return s;
    }
}
