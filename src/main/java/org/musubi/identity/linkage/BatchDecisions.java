package org.musubi.identity.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.Matcher;

/**
 * Decides a batch of source patients exactly as if they were matched one after another. Each is
 * first scored against the persons stored before the batch, on several threads. Then, in batch
 * order, a patient sharing a blocking key with a person that an earlier patient of the batch is
 * to create is scored again with that person among its candidates (after the stored ones, as its
 * id would be higher, within the same limit). So two records of one unseen patient make one person.
 * A patient's hashed insured-person number is weighed as {@link MatchSourcePatient} weighs it ({@link
 * InsuredKeys#compare} with the numbers of the candidate's linked patients; a person the batch creates has the number
 * of the patient it is created for, and is found by its card key too).
 */
final class BatchDecisions {

    private final Matcher matcher;
    private final ForkJoinPool pool;

    BatchDecisions(Matcher matcher, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.matcher = matcher;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /**
     * @param keys       each source patient's blocking keys
     * @param stored     each source patient's candidates among the stored persons, lowest id first, at most {@code limit}
     * @param regionalIds fresh regional IDs for new persons
     */
    List<MatchDecision> decide(List<SourcePatient> sources, List<Set<String>> keys, List<List<Person>> stored, int limit,
                               Supplier<String> regionalIds) {
        return decide(sources, keys, stored, Numbers.NONE, limit, regionalIds);
    }

    /**
     * The batch's insured-person numbers: each source patient's (null: none; in the order of the sources) and those
     * of the stored candidate persons' linked patients, by the person's regional ID.
     */
    record Numbers(List<InsuredKeys.Key> sources, Map<String, List<InsuredKeys.Key>> persons) {

        static final Numbers NONE = new Numbers(List.of(), Map.of());

        InsuredKeys.Key of(int source) {
            return sources.isEmpty() ? null : sources.get(source);
        }
    }

    /**
     * As {@link #decide(List, List, List, int, Supplier)}, with the patients' numbers weighed; {@code keys} hold a
     * patient's card key ({@link InsuredKeys.Key#blockingKey}) besides its demographic keys.
     */
    List<MatchDecision> decide(List<SourcePatient> sources, List<Set<String>> keys, List<List<Person>> stored,
                               Numbers numbers, int limit, Supplier<String> regionalIds) {
        Map<String, List<InsuredKeys.Key>> personNumbers = new HashMap<>(numbers.persons());
        List<MatchOutcome> outcomes = scoreAgainstStored(sources, stored, numbers);
        Map<String, List<Integer>> createdByKey = new HashMap<>();
        List<Person> created = new ArrayList<>();
        List<MatchDecision> decisions = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            MatchOutcome outcome = outcomes.get(i);
            List<Person> earlier = createdSharing(keys.get(i), createdByKey, created);
            if (!earlier.isEmpty() && stored.get(i).size() < limit) {
                List<Person> all = new ArrayList<>(stored.get(i));
                all.addAll(earlier.subList(0, Math.min(earlier.size(), limit - all.size())));
                outcome = score(sources.get(i), all, numbers.of(i), personNumbers);
            }
            MatchDecision decision = MatchDecision.of(sources.get(i), outcome, regionalIds);
            if (decision instanceof MatchDecision.Create create) {
                Set<String> createdKeys = new LinkedHashSet<>(BlockingKeys.stored(Demographics.of(create.person())));
                InsuredKeys.Key number = numbers.of(i);
                if (number != null) {
                    createdKeys.add(number.blockingKey());
                    personNumbers.put(create.person().regionalId(), List.of(number));
                }
                for (String key : createdKeys) {
                    createdByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(created.size());
                }
                created.add(create.person());
            }
            decisions.add(decision);
        }
        return decisions;
    }

    private List<MatchOutcome> scoreAgainstStored(List<SourcePatient> sources, List<List<Person>> stored, Numbers numbers) {
        IntStream indexes = IntStream.range(0, sources.size());
        IntFunction<MatchOutcome> score = i -> score(sources.get(i), stored.get(i), numbers.of(i), numbers.persons());
        if (pool == null) {
            return indexes.mapToObj(score).toList();
        }
        return pool.submit(() -> indexes.parallel().mapToObj(score).toList()).join();
    }

    private MatchOutcome score(SourcePatient source, List<Person> candidates, InsuredKeys.Key number,
                               Map<String, List<InsuredKeys.Key>> personNumbers) {
        if (number == null) {
            return matcher.match(NewPersons.demographics(source), candidates);
        }
        return matcher.match(NewPersons.demographics(source), candidates,
                p -> InsuredKeys.compare(number, personNumbers.get(p.regionalId())));
    }

    /** Persons created earlier in the batch that share a key with {@code keys}, in the order they were created. */
    private static List<Person> createdSharing(Set<String> keys, Map<String, List<Integer>> createdByKey,
                                               List<Person> created) {
        if (createdByKey.isEmpty()) {
            return List.of();
        }
        TreeMap<Integer, Person> sharing = new TreeMap<>();
        for (String key : keys) {
            for (int index : createdByKey.getOrDefault(key, List.of())) {
                sharing.put(index, created.get(index));
            }
        }
        return List.copyOf(sharing.values());
    }
}
