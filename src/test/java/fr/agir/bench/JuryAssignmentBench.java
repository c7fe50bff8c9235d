package fr.agir.bench;

import fr.agir.jury.AssignmentPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The jury's assignment planner (min-cost flow) against the obvious greedy one (each application in
 * turn takes the least-loaded members free of conflict), on sessions of the sizes Agir meets: what
 * the optimal plan costs in time, and what the greedy one loses in balance and coverage. Pure
 * computation: no database, no Spring.
 */
final class JuryAssignmentBench {
    record Size(int applications, int members, int perApplication) {
    }

    /**
     * How conflicts fall: at random (each member with {@code share} of the applications), or clustered
     * (a third of the members with every application of the last third, as a member tied to a network
     * of structures: the order greedy takes them in then matters).
     */
    enum Conflicts { RANDOM, CLUSTERED }

    record Row(Size size, Conflicts conflicts, double plannerMs, double greedyMs, int plannerSpread, int greedySpread,
               int plannerShort, int greedyShort) {
    }

    /** The sizes: a small session, the largest edition's 900 applications, and three times that. */
    static final List<Size> SIZES = List.of(new Size(300, 15, 3), new Size(900, 25, 3), new Size(3000, 40, 3));

    private JuryAssignmentBench() {
    }

    static List<Row> run(List<Size> sizes, double share, int rounds) {
        List<Row> rows = new ArrayList<>();
        for (Size size : sizes) {
            for (Conflicts conflicts : Conflicts.values()) {
                rows.add(run(size, conflicts, share, rounds));
            }
        }
        return rows;
    }

    private static Row run(Size size, Conflicts conflicts, double share, int rounds) {
        AssignmentPlanner.Request request = request(size, conflicts, share, new Random(42));
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(request); // warm-up, and the plan measured
        Map<Long, Set<String>> greedy = greedy(request);
        double[] plannerMs = new double[rounds];
        double[] greedyMs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            AssignmentPlanner.plan(request);
            plannerMs[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            greedy(request);
            greedyMs[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Row(size, conflicts, median(plannerMs), median(greedyMs), spread(plan.loads().values()),
                spread(loads(request, greedy).values()), plan.shortfalls().size(),
                (int) greedy.values().stream().filter(s -> s.size() < size.perApplication()).count());
    }

    static AssignmentPlanner.Request request(Size size, Conflicts kind, double share, Random random) {
        List<String> thematics = List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN");
        List<AssignmentPlanner.Member> members = new ArrayList<>();
        for (int m = 0; m < size.members(); m++) {
            members.add(new AssignmentPlanner.Member("membre" + m, Set.of(thematics.get(m % thematics.size()))));
        }
        List<AssignmentPlanner.Item> items = new ArrayList<>();
        Map<Long, Set<String>> conflicts = new HashMap<>();
        for (long a = 1; a <= size.applications(); a++) {
            items.add(new AssignmentPlanner.Item(a, thematics.get(random.nextInt(thematics.size()))));
            Set<String> conflicted = new HashSet<>();
            for (int m = 0; m < members.size(); m++) {
                boolean conflict = kind == Conflicts.RANDOM ? random.nextDouble() < share
                        : m < members.size() / 3 && a > size.applications() * 2L / 3;
                if (conflict) {
                    conflicted.add(members.get(m).username());
                }
            }
            conflicts.put(a, conflicted);
        }
        return new AssignmentPlanner.Request(members, items, size.perApplication(), conflicts, Map.of(), true);
    }

    /** Each application in turn takes the least-loaded members free of conflict (ties by name). */
    static Map<Long, Set<String>> greedy(AssignmentPlanner.Request request) {
        Map<String, Integer> load = new TreeMap<>();
        request.members().forEach(m -> load.put(m.username(), 0));
        Map<Long, Set<String>> result = new HashMap<>();
        for (AssignmentPlanner.Item item : request.items()) {
            Set<String> conflicted = request.conflicts().getOrDefault(item.applicationId(), Set.of());
            List<String> free = new ArrayList<>(load.keySet().stream().filter(u -> !conflicted.contains(u)).toList());
            free.sort((a, b) -> load.get(a).equals(load.get(b)) ? a.compareTo(b) : Integer.compare(load.get(a), load.get(b)));
            Set<String> chosen = new HashSet<>(free.subList(0, Math.min(request.perApplication(), free.size())));
            chosen.forEach(u -> load.merge(u, 1, Integer::sum));
            result.put(item.applicationId(), chosen);
        }
        return result;
    }

    private static Map<String, Integer> loads(AssignmentPlanner.Request request, Map<Long, Set<String>> plan) {
        Map<String, Integer> load = new HashMap<>();
        request.members().forEach(m -> load.put(m.username(), 0));
        plan.values().forEach(set -> set.forEach(u -> load.merge(u, 1, Integer::sum)));
        return load;
    }

    private static int spread(java.util.Collection<Integer> loads) {
        return loads.isEmpty() ? 0 : Collections.max(loads) - Collections.min(loads);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
