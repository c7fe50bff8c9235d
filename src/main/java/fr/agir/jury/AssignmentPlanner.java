package fr.agir.jury;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans which jury members score which applications of a session. Pure: no Spring, no database.
 *
 * <p>Priorities, in this order:
 * <ol>
 *   <li>hard constraints: a member in conflict with an application is never assigned to it (an existing
 *       assignment in conflict is dropped), an application never gets the same member twice;</li>
 *   <li>as many assignments as possible: every application gets {@code perApplication} members whenever enough
 *       members are free of conflict, otherwise as many as there are and a {@link Shortfall} says so;</li>
 *   <li>balance: the loads (existing assignments included) are as even as the constraints allow, max − min ≤ 1
 *       whenever some valid plan reaches it;</li>
 *   <li>only then, if asked, members who prefer the application's thematic.</li>
 * </ol>
 *
 * <p>It is a min-cost max-flow (successive shortest paths: Dijkstra with potentials, then every path of zero
 * reduced cost is pushed before the next search): source → application
 * (capacity: members missing), application → member (capacity 1, cost 1 for a thematic mismatch when
 * thematics are preferred, else 0; no edge for a conflict or a member already there), member → sink as one
 * unit edge per additional load k (existing load + 1 upward), cost k × BIG. These costs are convex in the load, so for the (fixed)
 * maximum total the cheapest flow minimises the sum of the squares of the loads, which is reached exactly by
 * the load vectors with max − min ≤ 1 when one is feasible. BIG exceeds any total thematic cost, so the
 * thematics only choose among the best balanced plans.
 *
 * <p>Existing assignments are kept as they are (but for conflicts) and count toward {@code perApplication};
 * those of a username that is not among the members count too, but are outside the loads and the balance,
 * which are about the members. Existing assignments of an application that is not among the items are
 * ignored. Deterministic: members are taken by username, items by id, whatever the order given.
 */
public final class AssignmentPlanner {
    /** A jury member and the thematics he prefers to score (may be empty). */
    public record Member(String username, java.util.Set<String> thematics) {}
    /** An application to assign, with its thematic (may be null). */
    public record Item(long applicationId, String thematic) {}
    /** One application that could not get as many members as wanted. */
    public record Shortfall(long applicationId, int assigned, int wanted, int eligible) {}
    /**
     * existing: assignments already made (kept as they are, e.g. manual ones), per application id.
     * conflicts: per application id, the usernames that must never be assigned to it (hard constraint).
     */
    public record Request(java.util.List<Member> members, java.util.List<Item> items, int perApplication,
                          java.util.Map<Long, java.util.Set<String>> conflicts,
                          java.util.Map<Long, java.util.Set<String>> existing, boolean preferThematics) {}
    /** assignments: per application id, the full set of usernames (existing + new), in a sorted set;
     *  loads: per username (every member, 0 included), the number of applications; balanced: max - min load <= 1. */
    public record Plan(java.util.Map<Long, java.util.SortedSet<String>> assignments, java.util.Map<String, Integer> loads,
                       java.util.List<Shortfall> shortfalls, boolean balanced) {
        public boolean complete() { return shortfalls.isEmpty(); }
    }

    private AssignmentPlanner() {
    }

    public static Plan plan(Request request) {
        if (request == null) {
            throw new IllegalArgumentException("La demande d'affectation est absente.");
        }
        if (request.perApplication() < 1) {
            throw new IllegalArgumentException("Au moins un membre par dossier.");
        }
        List<Member> members = sortedMembers(request.members());
        List<Item> items = sortedItems(request.items());
        Map<Long, Set<String>> conflicts = request.conflicts() == null ? Map.of() : request.conflicts();
        Map<Long, Set<String>> existing = request.existing() == null ? Map.of() : request.existing();
        int per = request.perApplication();
        int m = members.size();
        int n = items.size();

        Map<String, Integer> memberIndex = new HashMap<>();
        for (int j = 0; j < m; j++) {
            memberIndex.put(members.get(j).username(), j);
        }

        // What is kept, and who could still come, per application.
        List<SortedSet<String>> kept = new ArrayList<>(n);
        int[] existingLoad = new int[m];
        int[] missing = new int[n];
        int[] eligible = new int[n];
        List<int[]> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long id = items.get(i).applicationId();
            Set<String> conflicted = orEmpty(conflicts.get(id));
            SortedSet<String> keep = new TreeSet<>();
            for (String username : orEmpty(existing.get(id))) {
                if (username != null && !conflicted.contains(username)) {
                    keep.add(username);
                }
            }
            kept.add(keep);
            for (String username : keep) {
                Integer j = memberIndex.get(username);
                if (j != null) {
                    existingLoad[j]++;
                }
            }
            int[] free = new int[m];
            int count = 0;
            for (int j = 0; j < m; j++) {
                String username = members.get(j).username();
                if (!conflicted.contains(username)) {
                    eligible[i]++;
                    if (!keep.contains(username)) {
                        free[count++] = j;
                    }
                }
            }
            candidates.add(Arrays.copyOf(free, count));
            missing[i] = Math.max(0, per - keep.size());
        }

        int[][] added = new Flow(members, items, request.preferThematics(), existingLoad, missing, candidates).run();

        Map<Long, SortedSet<String>> assignments = new TreeMap<>();
        int[] load = existingLoad.clone();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SortedSet<String> all = kept.get(i);
            for (int j : added[i]) {
                all.add(members.get(j).username());
                load[j]++;
            }
            long id = items.get(i).applicationId();
            assignments.put(id, Collections.unmodifiableSortedSet(all));
            if (all.size() < per) {
                shortfalls.add(new Shortfall(id, all.size(), per, eligible[i]));
            }
        }
        Map<String, Integer> loads = new TreeMap<>();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int j = 0; j < m; j++) {
            loads.put(members.get(j).username(), load[j]);
            min = Math.min(min, load[j]);
            max = Math.max(max, load[j]);
        }
        return new Plan(Collections.unmodifiableMap(assignments), Collections.unmodifiableMap(loads),
                List.copyOf(shortfalls), max - min <= 1);
    }

    private static List<Member> sortedMembers(List<Member> given) {
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("Le jury n'a aucun membre.");
        }
        Set<String> seen = new HashSet<>();
        for (Member member : given) {
            if (member == null || member.username() == null || member.username().isBlank()) {
                throw new IllegalArgumentException("Un membre du jury n'a pas d'identifiant.");
            }
            if (!seen.add(member.username())) {
                throw new IllegalArgumentException("Le membre " + member.username() + " figure deux fois dans le jury.");
            }
        }
        List<Member> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparing(Member::username));
        return sorted;
    }

    private static List<Item> sortedItems(List<Item> given) {
        if (given == null) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        for (Item item : given) {
            if (item == null) {
                throw new IllegalArgumentException("Un dossier à affecter est absent.");
            }
            if (!seen.add(item.applicationId())) {
                throw new IllegalArgumentException("Le dossier n° " + item.applicationId() + " figure deux fois.");
            }
        }
        List<Item> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparingLong(Item::applicationId));
        return sorted;
    }

    private static Set<String> orEmpty(Set<String> set) {
        return set == null ? Set.of() : set;
    }

    /** The min-cost max-flow network; nodes: source, applications, members, sink. */
    private static final class Flow {
        private static final long INFINITY = Long.MAX_VALUE / 4;

        private final int n;
        private final int source;
        private final int sink;
        private final int nodes;
        private final int firstMember;
        private final int[] head;
        private int[] next;
        private int[] to;
        private int[] capacity;
        private long[] cost;
        private int edges;
        /** First application → member edge of each application, and how many. */
        private final int[] firstChoice;
        private final int[] choices;
        /**
         * The member → sink unit edges of increasing cost, per member: the first, how many, how many full.
         * They are out of the adjacency lists: only the cheapest one not full can be on a shortest path, and
         * no path goes on from the sink, so they fill up in order and never empty.
         */
        private final int[] firstUnit;
        private final int[] units;
        private final int[] full;

        Flow(List<Member> members, List<Item> items, boolean preferThematics, int[] existingLoad, int[] missing,
             List<int[]> candidates) {
            int m = members.size();
            this.n = items.size();
            this.source = 0;
            this.firstMember = 1 + n;
            this.sink = 1 + n + m;
            this.nodes = sink + 1;
            this.head = new int[nodes];
            Arrays.fill(head, -1);
            int[][] free = candidates.toArray(new int[0][]);
            int capacityHint = 16;
            for (int[] c : free) {
                capacityHint += 4 * c.length + 2;
            }
            this.next = new int[capacityHint];
            this.to = new int[capacityHint];
            this.capacity = new int[capacityHint];
            this.cost = new long[capacityHint];
            this.firstChoice = new int[n];
            this.choices = new int[n];
            this.firstUnit = new int[m];
            this.units = new int[m];
            this.full = new int[m];

            long total = 0;
            int[] reachable = new int[m];
            for (int i = 0; i < n; i++) {
                int wanted = Math.min(missing[i], free[i].length);
                total += wanted;
                if (wanted > 0) {
                    for (int j : free[i]) {
                        reachable[j]++;
                    }
                }
            }
            // Any total thematic cost (at most one per unit) stays below one step of load.
            long big = total + 1;

            for (int i = 0; i < n; i++) {
                int wanted = Math.min(missing[i], free[i].length);
                if (wanted == 0) {
                    continue;
                }
                addEdge(source, 1 + i, wanted, 0);
                String thematic = items.get(i).thematic();
                firstChoice[i] = edges;
                choices[i] = free[i].length;
                for (int j : free[i]) {
                    Set<String> liked = members.get(j).thematics();
                    boolean match = thematic != null && liked != null && liked.contains(thematic);
                    addEdge(1 + i, firstMember + j, 1, preferThematics && !match ? 1 : 0);
                }
            }
            for (int j = 0; j < m; j++) {
                firstUnit[j] = edges;
                units[j] = reachable[j];
                for (int k = existingLoad[j] + 1; k <= existingLoad[j] + reachable[j]; k++) {
                    ensureRoom();
                    edge(firstMember + j, sink, 1, k * big);
                    edge(sink, firstMember + j, 0, -k * big);
                }
            }
        }

        private void addEdge(int from, int toNode, int cap, long edgeCost) {
            ensureRoom();
            head[from] = edge(from, toNode, cap, edgeCost);
            head[toNode] = edge(toNode, from, 0, -edgeCost);
        }

        /** A new edge, followed by the current list of from (the caller makes it the head of the list or not). */
        private int edge(int from, int toNode, int cap, long edgeCost) {
            to[edges] = toNode;
            capacity[edges] = cap;
            cost[edges] = edgeCost;
            next[edges] = head[from];
            return edges++;
        }

        /** The cheapest member → sink unit edge still free from node u, or -1 (not a member, or none left). */
        private int unit(int u) {
            int j = u - firstMember;
            if (j < 0 || u == sink) {
                return -1;
            }
            while (full[j] < units[j] && capacity[firstUnit[j] + 2 * full[j]] == 0) {
                full[j]++;
            }
            return full[j] < units[j] ? firstUnit[j] + 2 * full[j] : -1;
        }

        private void ensureRoom() {
            if (edges + 2 > to.length) {
                int size = to.length * 2;
                to = Arrays.copyOf(to, size);
                capacity = Arrays.copyOf(capacity, size);
                cost = Arrays.copyOf(cost, size);
                next = Arrays.copyOf(next, size);
            }
        }

        /**
         * Breadth-first levels from the source over the admissible edges (residual, zero reduced cost);
         * whether the sink is reached.
         */
        private boolean level(long[] potential, int[] level, int[] queue) {
            Arrays.fill(level, -1);
            level[source] = 0;
            int first = 0;
            int last = 0;
            queue[last++] = source;
            while (first < last) {
                int u = queue[first++];
                int unit = unit(u);
                if (unit >= 0 && level[sink] < 0 && admissible(u, unit, potential)) {
                    level[sink] = level[u] + 1;
                }
                for (int e = head[u]; e != -1; e = next[e]) {
                    int v = to[e];
                    if (level[v] < 0 && admissible(u, e, potential)) {
                        level[v] = level[u] + 1;
                        queue[last++] = v;
                    }
                }
            }
            return level[sink] >= 0;
        }

        private boolean admissible(int u, int e, long[] potential) {
            return capacity[e] > 0 && cost[e] + potential[u] - potential[to[e]] == 0;
        }

        /** Pushes flow along one admissible path of increasing levels from u to the sink; the amount pushed. */
        private int augment(int u, int limit, long[] potential, int[] level, int[] current) {
            int unit = unit(u);
            if (unit >= 0 && level[sink] == level[u] + 1 && admissible(u, unit, potential)) {
                capacity[unit] = 0;
                capacity[unit ^ 1] = 1;
                return 1;
            }
            for (; current[u] != -1; current[u] = next[current[u]]) {
                int e = current[u];
                int v = to[e];
                if (level[v] == level[u] + 1 && admissible(u, e, potential)) {
                    int pushed = augment(v, Math.min(limit, capacity[e]), potential, level, current);
                    if (pushed > 0) {
                        capacity[e] -= pushed;
                        capacity[e ^ 1] += pushed;
                        return pushed;
                    }
                }
            }
            return 0;
        }

        private void relax(int u, int e, long d, long[] potential, long[] distance, Heap heap) {
            int v = to[e];
            long candidate = d + cost[e] + potential[u] - potential[v];
            if (candidate < distance[v]) {
                distance[v] = candidate;
                heap.push(candidate, v);
            }
        }

        /** Runs the flow; per application, the indexes of the members added. */
        int[][] run() {
            long[] potential = new long[nodes];
            long[] distance = new long[nodes];
            boolean[] done = new boolean[nodes];
            int[] level = new int[nodes];
            int[] queue = new int[nodes];
            int[] current = new int[nodes];
            Heap heap = new Heap(nodes);
            while (true) {
                Arrays.fill(distance, INFINITY);
                Arrays.fill(done, false);
                distance[source] = 0;
                heap.clear();
                heap.push(0, source);
                while (!heap.isEmpty()) {
                    long d = heap.topKey();
                    int u = heap.pop();
                    if (done[u] || d > distance[u]) {
                        continue;
                    }
                    done[u] = true;
                    if (u == sink) {
                        break;
                    }
                    int unit = unit(u);
                    if (unit >= 0) {
                        relax(u, unit, d, potential, distance, heap);
                    }
                    for (int e = head[u]; e != -1; e = next[e]) {
                        if (capacity[e] > 0) {
                            relax(u, e, d, potential, distance, heap);
                        }
                    }
                }
                if (distance[sink] >= INFINITY) {
                    break;
                }
                // Stopped at the sink: the nodes not settled count as far as the sink, which keeps every
                // reduced cost of the residual network non-negative.
                long reached = distance[sink];
                for (int v = 0; v < nodes; v++) {
                    potential[v] += Math.min(distance[v], reached);
                }
                // Every residual edge now has a non-negative reduced cost and the shortest paths have zero:
                // push along all of them (blocking flows on the admissible edges) before searching again.
                while (level(potential, level, queue)) {
                    System.arraycopy(head, 0, current, 0, nodes);
                    while (augment(source, Integer.MAX_VALUE, potential, level, current) > 0) {
                        // next path
                    }
                }
            }
            int[][] added = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] chosen = new int[choices[i]];
                int count = 0;
                for (int c = 0; c < choices[i]; c++) {
                    int e = firstChoice[i] + 2 * c;
                    if (capacity[e] == 0) {
                        chosen[count++] = to[e] - firstMember;
                    }
                }
                added[i] = Arrays.copyOf(chosen, count);
            }
            return added;
        }
    }

    /** A binary min-heap of (key, node), ties broken by node, with lazy deletion left to the caller. */
    private static final class Heap {
        private long[] keys;
        private int[] values;
        private int size;

        Heap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            values = new int[keys.length];
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(key, value, keys[parent], values[parent])) {
                    break;
                }
                keys[i] = keys[parent];
                values[i] = values[parent];
                i = parent;
            }
            keys[i] = key;
            values[i] = value;
        }

        int pop() {
            int top = values[0];
            size--;
            if (size > 0) {
                long key = keys[size];
                int value = values[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && less(keys[child + 1], values[child + 1], keys[child], values[child])) {
                        child++;
                    }
                    if (!less(keys[child], values[child], key, value)) {
                        break;
                    }
                    keys[i] = keys[child];
                    values[i] = values[child];
                    i = child;
                }
                keys[i] = key;
                values[i] = value;
            }
            return top;
        }

        private static boolean less(long key, int value, long otherKey, int otherValue) {
            return key < otherKey || (key == otherKey && value < otherValue);
        }
    }
}
