package fr.agir.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.agir.jury.AssignmentPlanner.Item;
import fr.agir.jury.AssignmentPlanner.Member;
import fr.agir.jury.AssignmentPlanner.Plan;
import fr.agir.jury.AssignmentPlanner.Request;
import fr.agir.jury.AssignmentPlanner.Shortfall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

    // ---- helpers

    private static List<Member> members(String... usernames) {
        return Arrays.stream(usernames).map(u -> new Member(u, Set.of())).toList();
    }

    private static List<Item> items(int count) {
        return LongStream.rangeClosed(1, count).mapToObj(id -> new Item(id, null)).toList();
    }

    private static Request request(List<Member> members, List<Item> items, int perApplication) {
        return new Request(members, items, perApplication, Map.of(), Map.of(), false);
    }

    private static int spread(Plan plan) {
        return Collections.max(plan.loads().values()) - Collections.min(plan.loads().values());
    }

    /** The loads recounted from the assignments, for the members only. */
    private static Map<String, Integer> recount(Plan plan, List<Member> members) {
        Map<String, Integer> loads = new HashMap<>();
        members.forEach(m -> loads.put(m.username(), 0));
        plan.assignments().values().forEach(set -> set.forEach(u -> loads.computeIfPresent(u, (k, v) -> v + 1)));
        return loads;
    }

    private static int mismatches(Plan plan, Request request) {
        Map<String, Set<String>> liked = request.members().stream()
                .collect(Collectors.toMap(Member::username, Member::thematics));
        int count = 0;
        for (Item item : request.items()) {
            Set<String> existing = request.existing().getOrDefault(item.applicationId(), Set.of());
            for (String username : plan.assignments().get(item.applicationId())) {
                if (!existing.contains(username)
                        && (item.thematic() == null || !liked.get(username).contains(item.thematic()))) {
                    count++;
                }
            }
        }
        return count;
    }

    // ---- balance

    @Test
    void tenApplicationsOfThreeAmongFourMembersGiveLoadsOfSevenAndEight() {
        Plan plan = AssignmentPlanner.plan(request(members("alice", "bob", "chloe", "david"), items(10), 3));

        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isTrue();
        assertThat(plan.assignments()).hasSize(10).allSatisfy((id, set) -> assertThat(set).hasSize(3));
        assertThat(plan.loads()).containsOnlyKeys("alice", "bob", "chloe", "david");
        assertThat(plan.loads().values()).containsExactlyInAnyOrder(7, 7, 8, 8);
    }

    @Test
    void tenApplicationsOfThreeAmongSevenMembersGiveLoadsOfFourAndFive() {
        List<Member> seven = members("a", "b", "c", "d", "e", "f", "g");
        Plan plan = AssignmentPlanner.plan(request(seven, items(10), 3));

        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isTrue();
        assertThat(plan.loads().values()).containsExactlyInAnyOrder(4, 4, 4, 4, 4, 5, 5);
        assertThat(plan.loads()).isEqualTo(recount(plan, seven));
    }

    @Test
    void everyMemberHasALoadEvenWhenThereIsLessWorkThanMembers() {
        Plan plan = AssignmentPlanner.plan(request(members("a", "b", "c", "d", "e"), items(1), 2));

        assertThat(plan.loads()).containsOnlyKeys("a", "b", "c", "d", "e");
        assertThat(plan.loads().values()).containsExactlyInAnyOrder(0, 0, 0, 1, 1);
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void noApplicationsGiveAnEmptyCompleteAndBalancedPlan() {
        Plan plan = AssignmentPlanner.plan(new Request(members("a", "b"), List.of(), 3, null, null, true));

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.loads()).containsEntry("a", 0).containsEntry("b", 0);
        assertThat(plan.shortfalls()).isEmpty();
        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void balanceHoldsAroundConflictsWhenTheyLeaveRoomForIt() {
        // alice may only score application 1: the others must take up the slack so that loads stay even.
        Map<Long, Set<String>> conflicts = Map.of(2L, Set.of("alice"), 3L, Set.of("alice"), 4L, Set.of("alice"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe"), items(4), 1,
                conflicts, Map.of(), false));

        assertThat(plan.assignments().get(1L)).containsExactly("alice");
        assertThat(plan.loads()).containsEntry("alice", 1);
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void aPlanThatCannotBeBalancedSaysSoAndStillSpreadsAsEvenlyAsItCan() {
        // dora is in conflict with everything: she stays at 0, the others share the work evenly.
        Map<Long, Set<String>> conflicts = new HashMap<>();
        for (long id = 1; id <= 6; id++) {
            conflicts.put(id, Set.of("dora"));
        }
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe", "dora"), items(6), 2,
                conflicts, Map.of(), false));

        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isFalse();
        assertThat(plan.loads()).containsEntry("dora", 0).containsEntry("alice", 4).containsEntry("bob", 4)
                .containsEntry("chloe", 4);
    }

    // ---- conflicts and shortfalls

    @Test
    void aMemberInConflictIsNeverAssignedToThatApplication() {
        Map<Long, Set<String>> conflicts = Map.of(1L, Set.of("alice", "bob"), 2L, Set.of("chloe"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe", "david", "emma"), items(3), 3,
                conflicts, Map.of(), false));

        assertThat(plan.assignments().get(1L)).containsExactly("chloe", "david", "emma");
        assertThat(plan.assignments().get(2L)).doesNotContain("chloe").hasSize(3);
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void tooFewMembersFreeOfConflictGiveAsManyAsPossibleAndAShortfallWithTheEligibleCount() {
        Map<Long, Set<String>> conflicts = Map.of(2L, Set.of("alice"), 3L, Set.of("alice", "bob", "chloe"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe"), items(3), 3,
                conflicts, Map.of(), false));

        assertThat(plan.assignments().get(1L)).containsExactly("alice", "bob", "chloe");
        assertThat(plan.assignments().get(2L)).containsExactly("bob", "chloe");
        assertThat(plan.assignments().get(3L)).isEmpty();
        assertThat(plan.shortfalls()).containsExactly(new Shortfall(2L, 2, 3, 2), new Shortfall(3L, 0, 3, 0));
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void askingForMoreMembersThanTheJuryHasIsAShortfallForEveryApplication() {
        Plan plan = AssignmentPlanner.plan(request(members("alice", "bob"), items(2), 3));

        assertThat(plan.assignments()).allSatisfy((id, set) -> assertThat(set).containsExactly("alice", "bob"));
        assertThat(plan.shortfalls()).containsExactly(new Shortfall(1L, 2, 3, 2), new Shortfall(2L, 2, 3, 2));
        assertThat(plan.balanced()).isTrue();
    }

    // ---- existing assignments

    @Test
    void existingAssignmentsAreKeptAndCountInTheLoads() {
        // alice already scores 1, 2 and 3 (manual assignments): the six others go to bob and chloe.
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("alice"), 2L, Set.of("alice"), 3L, Set.of("alice"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe"), items(9), 1,
                Map.of(), existing, false));

        assertThat(plan.assignments().get(1L)).containsExactly("alice");
        assertThat(plan.assignments().get(2L)).containsExactly("alice");
        assertThat(plan.assignments().get(3L)).containsExactly("alice");
        for (long id = 4; id <= 9; id++) {
            assertThat(plan.assignments().get(id)).hasSize(1).doesNotContain("alice");
        }
        assertThat(plan.loads()).containsEntry("alice", 3).containsEntry("bob", 3).containsEntry("chloe", 3);
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void existingAssignmentsThatAlreadyUnbalanceTheJuryAreKeptAndReported() {
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("alice"), 2L, Set.of("alice"), 3L, Set.of("alice"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe"), items(6), 1,
                Map.of(), existing, false));

        assertThat(plan.loads()).containsEntry("alice", 3);
        assertThat(plan.loads().values()).containsExactlyInAnyOrder(3, 2, 1);
        assertThat(plan.balanced()).isFalse();
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void existingAssignmentsCountTowardTheMembersWantedPerApplication() {
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("alice", "bob"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe", "david"), items(2), 3,
                Map.of(), existing, false));

        assertThat(plan.assignments().get(1L)).hasSize(3).contains("alice", "bob");
        assertThat(plan.assignments().get(2L)).hasSize(3);
        assertThat(plan.loads().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void anApplicationWithEnoughOrMoreExistingMembersGetsNoneMore() {
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("alice", "bob", "chloe"), 2L, Set.of("alice", "bob"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe", "david"), items(2), 2,
                Map.of(), existing, false));

        assertThat(plan.assignments().get(1L)).containsExactly("alice", "bob", "chloe");
        assertThat(plan.assignments().get(2L)).containsExactly("alice", "bob");
        assertThat(plan.loads()).containsEntry("alice", 2).containsEntry("bob", 2).containsEntry("chloe", 1)
                .containsEntry("david", 0);
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void anExistingAssignmentInConflictIsDroppedAndReplaced() {
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("alice", "bob"));
        Map<Long, Set<String>> conflicts = Map.of(1L, Set.of("alice"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob", "chloe"), items(1), 2,
                conflicts, existing, false));

        assertThat(plan.assignments().get(1L)).containsExactly("bob", "chloe");
        assertThat(plan.loads()).containsEntry("alice", 0);
    }

    @Test
    void anExistingAssignmentOfSomeoneOutsideTheJuryIsKeptButLeftOutOfTheLoads() {
        Map<Long, Set<String>> existing = Map.of(1L, Set.of("former"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob"), items(2), 2,
                Map.of(), existing, false));

        assertThat(plan.assignments().get(1L)).hasSize(2).contains("former");
        assertThat(plan.assignments().get(2L)).containsExactly("alice", "bob");
        assertThat(plan.loads()).containsOnlyKeys("alice", "bob");
        assertThat(plan.loads().values()).containsExactlyInAnyOrder(1, 2);
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void existingAssignmentsOfApplicationsOutsideTheRequestAreIgnored() {
        Map<Long, Set<String>> existing = Map.of(99L, Set.of("alice"));
        Plan plan = AssignmentPlanner.plan(new Request(members("alice", "bob"), items(2), 1,
                Map.of(), existing, false));

        assertThat(plan.assignments()).containsOnlyKeys(1L, 2L);
        assertThat(plan.loads()).containsEntry("alice", 1).containsEntry("bob", 1);
    }

    // ---- thematics

    @Test
    void thematicPreferenceIsFollowedWhenItCostsNoBalance() {
        List<Member> jury = List.of(new Member("alice", Set.of("culture")), new Member("bob", Set.of("sport")),
                new Member("chloe", Set.of("social")));
        List<Item> apps = List.of(new Item(1, "sport"), new Item(2, "social"), new Item(3, "culture"),
                new Item(4, "sport"), new Item(5, "social"), new Item(6, "culture"));
        Plan plan = AssignmentPlanner.plan(new Request(jury, apps, 1, Map.of(), Map.of(), true));

        assertThat(plan.assignments()).containsEntry(1L, new TreeSet<>(Set.of("bob")))
                .containsEntry(2L, new TreeSet<>(Set.of("chloe"))).containsEntry(3L, new TreeSet<>(Set.of("alice")))
                .containsEntry(4L, new TreeSet<>(Set.of("bob"))).containsEntry(5L, new TreeSet<>(Set.of("chloe")))
                .containsEntry(6L, new TreeSet<>(Set.of("alice")));
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void thematicPreferenceGivesWayToBalance() {
        // Every application is about culture and only alice likes it: she still gets only her share.
        List<Member> jury = List.of(new Member("alice", Set.of("culture")), new Member("bob", Set.of()),
                new Member("chloe", Set.of("sport")));
        List<Item> apps = LongStream.rangeClosed(1, 6).mapToObj(id -> new Item(id, "culture")).toList();
        Plan plan = AssignmentPlanner.plan(new Request(jury, apps, 1, Map.of(), Map.of(), true));

        assertThat(plan.loads()).containsEntry("alice", 2).containsEntry("bob", 2).containsEntry("chloe", 2);
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void withinBalanceTheMembersWhoLikeTheThematicAreChosen() {
        // Two per application among four: balance leaves room for everyone to score what he likes.
        List<Member> jury = List.of(new Member("alice", Set.of("culture")), new Member("bob", Set.of("culture")),
                new Member("chloe", Set.of("sport")), new Member("david", Set.of("sport")));
        List<Item> apps = List.of(new Item(10, "sport"), new Item(20, "culture"), new Item(30, "sport"),
                new Item(40, "culture"));
        Plan plan = AssignmentPlanner.plan(new Request(jury, apps, 2, Map.of(), Map.of(), true));

        assertThat(plan.assignments().get(10L)).containsExactly("chloe", "david");
        assertThat(plan.assignments().get(20L)).containsExactly("alice", "bob");
        assertThat(plan.assignments().get(30L)).containsExactly("chloe", "david");
        assertThat(plan.assignments().get(40L)).containsExactly("alice", "bob");
    }

    @Test
    void withoutThematicPreferenceTheThematicsChangeNothing() {
        List<Item> apps = List.of(new Item(1, "sport"), new Item(2, "sport"), new Item(3, "culture"),
                new Item(4, null));
        List<Member> withThematics = List.of(new Member("alice", Set.of("sport")), new Member("bob", Set.of()),
                new Member("chloe", Set.of("culture", "sport")));
        List<Member> without = members("alice", "bob", "chloe");

        Plan plan = AssignmentPlanner.plan(new Request(withThematics, apps, 2, Map.of(), Map.of(), false));

        assertThat(plan).isEqualTo(AssignmentPlanner.plan(new Request(without, apps, 2, Map.of(), Map.of(), false)));
    }

    @Test
    void applicationsWithoutThematicAndMembersWithoutPreferenceAreAssignedLikeAnyOther() {
        List<Member> jury = List.of(new Member("alice", null), new Member("bob", Set.of("sport")));
        Plan plan = AssignmentPlanner.plan(new Request(jury, List.of(new Item(1, null), new Item(2, "sport")), 1,
                Map.of(), Map.of(), true));

        assertThat(plan.assignments().get(2L)).containsExactly("bob");
        assertThat(plan.assignments().get(1L)).containsExactly("alice");
    }

    // ---- invalid input

    @Test
    void fewerThanOneMemberPerApplicationIsRefused() {
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(members("alice"), items(1), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Au moins un membre par dossier.");
    }

    @Test
    void aJuryWithoutMembersIsRefused() {
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(List.of(), items(1), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Le jury n'a aucun membre.");
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(null, items(1), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Le jury n'a aucun membre.");
    }

    @Test
    void aMemberListedTwiceIsRefused() {
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(members("alice", "bob", "alice"), items(1), 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le membre alice figure deux fois dans le jury.");
    }

    @Test
    void aMemberWithoutUsernameIsRefused() {
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(List.of(new Member(" ", Set.of())), items(1), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Un membre du jury n'a pas d'identifiant.");
    }

    @Test
    void anApplicationListedTwiceIsRefused() {
        List<Item> twice = List.of(new Item(7, null), new Item(7, "sport"));
        assertThatThrownBy(() -> AssignmentPlanner.plan(request(members("alice"), twice, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Le dossier n° 7 figure deux fois.");
    }

    @Test
    void aMissingRequestIsRefused() {
        assertThatThrownBy(() -> AssignmentPlanner.plan(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("La demande d'affectation est absente.");
    }

    // ---- determinism and results

    @Test
    void theSameRequestGivesTheSamePlanWhateverTheOrderOfItsLists() {
        Random random = new Random(42);
        List<Member> jury = new ArrayList<>();
        for (int j = 0; j < 9; j++) {
            jury.add(new Member("m" + j, Set.of(j % 2 == 0 ? "sport" : "culture")));
        }
        List<Item> apps = new ArrayList<>();
        Map<Long, Set<String>> conflicts = new LinkedHashMap<>();
        for (long id = 1; id <= 40; id++) {
            apps.add(new Item(id, id % 3 == 0 ? "sport" : id % 3 == 1 ? "culture" : null));
            conflicts.put(id, Set.of("m" + random.nextInt(9)));
        }
        Map<Long, Set<String>> existing = Map.of(5L, Set.of("m1"), 6L, Set.of("m1", "m2"));
        Plan first = AssignmentPlanner.plan(new Request(jury, apps, 3, conflicts, existing, true));

        for (int round = 0; round < 5; round++) {
            List<Member> shuffledJury = new ArrayList<>(jury);
            List<Item> shuffledApps = new ArrayList<>(apps);
            Collections.shuffle(shuffledJury, random);
            Collections.shuffle(shuffledApps, random);
            Map<Long, Set<String>> shuffledConflicts = new HashMap<>(conflicts);
            assertThat(AssignmentPlanner.plan(new Request(shuffledJury, shuffledApps, 3, shuffledConflicts,
                    new HashMap<>(existing), true))).isEqualTo(first);
        }
    }

    @Test
    void thePlanListsEveryApplicationByIdWithItsMembersSortedByUsername() {
        List<Item> apps = List.of(new Item(30, null), new Item(10, null), new Item(20, null));
        Plan plan = AssignmentPlanner.plan(request(members("zoe", "mia", "ann"), apps, 3));

        assertThat(plan.assignments().keySet()).containsExactly(10L, 20L, 30L);
        assertThat(plan.assignments().get(10L)).containsExactly("ann", "mia", "zoe");
        assertThat(plan.loads().keySet()).containsExactly("ann", "mia", "zoe");
    }

    @Test
    void aSessionOfSixHundredApplicationsAndTwentyMembersIsFullyAndEvenlyAssigned() {
        Random random = new Random(600);
        List<Member> jury = IntStream.range(0, 20)
                .mapToObj(j -> new Member(String.format("m%02d", j), Set.of("t" + j % 5))).toList();
        List<Item> apps = new ArrayList<>();
        Map<Long, Set<String>> conflicts = new HashMap<>();
        for (long id = 1; id <= 600; id++) {
            apps.add(new Item(id, "t" + random.nextInt(5)));
            if (random.nextInt(4) == 0) {
                conflicts.put(id, Set.of(String.format("m%02d", random.nextInt(20))));
            }
        }
        Request request = new Request(jury, apps, 3, conflicts, Map.of(), true);
        Plan plan = AssignmentPlanner.plan(request);

        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isTrue();
        assertThat(plan.loads().values()).containsOnly(90);
        plan.assignments().forEach((id, set) -> {
            assertThat(set).hasSize(3);
            assertThat(set).filteredOn(conflicts.getOrDefault(id, Set.of())::contains).isEmpty();
        });
        // Four members like each thematic and each scores 90 applications: a thematic cannot have more than
        // 4 × 90 = 360 of its seats matched, and the planner misses no other match.
        Map<String, Long> perThematic = apps.stream().collect(Collectors.groupingBy(Item::thematic, Collectors.counting()));
        long unavoidable = perThematic.values().stream().mapToLong(count -> Math.max(0, 3 * count - 360)).sum();
        assertThat(unavoidable).isPositive();
        assertThat(mismatches(plan, request)).isEqualTo(unavoidable);
    }

    // ---- properties over random requests

    @Test
    void randomRequestsNeverBreakAConflictAndFillEveryApplicationAsFarAsItsEligibleMembersAllow() {
        Random random = new Random(20240607L);
        for (int round = 0; round < 400; round++) {
            Request request = randomRequest(random, 2 + random.nextInt(8), random.nextInt(30), 1 + random.nextInt(4));
            Plan plan = AssignmentPlanner.plan(request);
            checkInvariants(request, plan);
            checkNoSingleMoveImprovesTheSpread(request, plan);
            boolean free = request.conflicts().isEmpty() && request.existing().isEmpty();
            if (free) {
                assertThat(plan.balanced()).as("round %d: no constraint, so it must be balanced", round).isTrue();
            }
        }
    }

    @Test
    void onSmallRequestsThePlannerIsAsBalancedAndThenAsThematicAsTheBestPlanFoundByEnumeration() {
        Random random = new Random(7L);
        int balancedSeen = 0;
        int unbalancedSeen = 0;
        int enumerated = 0;
        for (int round = 0; round < 1500; round++) {
            Request request = randomRequest(random, 2 + random.nextInt(4), 1 + random.nextInt(4),
                    1 + random.nextInt(3));
            Plan plan = AssignmentPlanner.plan(request);
            checkInvariants(request, plan);
            Best best = enumerate(request);
            if (best == null) {
                continue;
            }
            enumerated++;
            String context = "round " + round + ": " + request;
            assertThat(plan.balanced()).as(context).isEqualTo(best.balancedExists);
            assertThat(sumOfSquares(plan)).as(context).isEqualTo(best.sumOfSquares);
            if (request.preferThematics()) {
                assertThat(mismatches(plan, request)).as(context).isEqualTo(best.mismatches);
            }
            if (best.balancedExists) {
                balancedSeen++;
            } else {
                unbalancedSeen++;
            }
        }
        // The random cases really exercise both sides.
        assertThat(enumerated).isGreaterThan(1000);
        assertThat(balancedSeen).isGreaterThan(100);
        assertThat(unbalancedSeen).isGreaterThan(50);
    }

    private static final String[] THEMATICS = {"culture", "sport", "social"};

    private static Request randomRequest(Random random, int memberCount, int itemCount, int perApplication) {
        List<Member> jury = new ArrayList<>();
        for (int j = 0; j < memberCount; j++) {
            Set<String> liked = new HashSet<>();
            for (String thematic : THEMATICS) {
                if (random.nextInt(3) == 0) {
                    liked.add(thematic);
                }
            }
            jury.add(new Member("m" + j, liked));
        }
        Collections.shuffle(jury, random);
        boolean withConflicts = random.nextInt(4) != 0;
        boolean withExisting = random.nextInt(3) == 0;
        double conflictRate = withConflicts ? random.nextDouble() * 0.5 : 0;
        List<Item> apps = new ArrayList<>();
        Map<Long, Set<String>> conflicts = new HashMap<>();
        Map<Long, Set<String>> existing = new HashMap<>();
        for (int i = 0; i < itemCount; i++) {
            long id = 100 + 3L * i;
            int t = random.nextInt(THEMATICS.length + 1);
            apps.add(new Item(id, t == THEMATICS.length ? null : THEMATICS[t]));
            Set<String> conflicted = new HashSet<>();
            Set<String> already = new HashSet<>();
            for (int j = 0; j < memberCount; j++) {
                if (random.nextDouble() < conflictRate) {
                    conflicted.add("m" + j);
                }
                if (withExisting && random.nextInt(6) == 0) {
                    already.add("m" + j); // sometimes in conflict too: it must be dropped
                }
            }
            if (withExisting && random.nextInt(10) == 0) {
                already.add("outsider");
            }
            if (!conflicted.isEmpty()) {
                conflicts.put(id, conflicted);
            }
            if (!already.isEmpty()) {
                existing.put(id, already);
            }
        }
        Collections.shuffle(apps, random);
        return new Request(jury, apps, perApplication, conflicts, existing, random.nextBoolean());
    }

    /** What must hold for any request: conflicts, distinct members, as many as possible, honest report. */
    private static void checkInvariants(Request request, Plan plan) {
        Set<String> usernames = request.members().stream().map(Member::username).collect(Collectors.toSet());
        int per = request.perApplication();
        assertThat(plan.assignments()).hasSameSizeAs(request.items());
        Map<Long, Shortfall> shortfalls = new HashMap<>();
        plan.shortfalls().forEach(s -> shortfalls.put(s.applicationId(), s));
        for (Item item : request.items()) {
            long id = item.applicationId();
            Set<String> conflicted = request.conflicts().getOrDefault(id, Set.of());
            Set<String> kept = new HashSet<>(request.existing().getOrDefault(id, Set.of()));
            kept.removeAll(conflicted);
            SortedSet<String> assigned = plan.assignments().get(id);
            assertThat(assigned).as("application %d: no member in conflict", id).filteredOn(conflicted::contains)
                    .isEmpty();
            assertThat(assigned).as("application %d: existing assignments kept", id).containsAll(kept);
            Set<String> added = new HashSet<>(assigned);
            added.removeAll(kept);
            assertThat(usernames).as("only members are added").containsAll(added);
            if (kept.size() >= per) {
                assertThat(added).as("application %d was already full", id).isEmpty();
            }
            int eligible = (int) usernames.stream().filter(u -> !conflicted.contains(u)).count();
            long keptOutsiders = kept.stream().filter(u -> !usernames.contains(u)).count();
            int reachable = (int) Math.min(per, eligible + keptOutsiders);
            assertThat(assigned).as("application %d", id).hasSize(Math.max(kept.size(), reachable));
            if (assigned.size() < per) {
                assertThat(shortfalls.get(id)).isEqualTo(new Shortfall(id, assigned.size(), per, eligible));
            } else {
                assertThat(shortfalls).doesNotContainKey(id);
            }
        }
        assertThat(plan.shortfalls()).hasSize(shortfalls.size());
        assertThat(plan.complete()).isEqualTo(plan.shortfalls().isEmpty());
        assertThat(plan.loads()).isEqualTo(recount(plan, request.members()));
        assertThat(plan.balanced()).isEqualTo(spread(plan) <= 1);
    }

    /**
     * A necessary condition of the best balance: no new assignment can be handed over from a member to
     * another free of conflict on that application whose load is at least two lower.
     */
    private static void checkNoSingleMoveImprovesTheSpread(Request request, Plan plan) {
        for (Item item : request.items()) {
            long id = item.applicationId();
            Set<String> conflicted = request.conflicts().getOrDefault(id, Set.of());
            Set<String> existing = request.existing().getOrDefault(id, Set.of());
            SortedSet<String> assigned = plan.assignments().get(id);
            for (String from : assigned) {
                if (existing.contains(from) || !plan.loads().containsKey(from)) {
                    continue;
                }
                for (Member to : request.members()) {
                    String username = to.username();
                    if (!assigned.contains(username) && !conflicted.contains(username)) {
                        assertThat(plan.loads().get(from) - plan.loads().get(username))
                                .as("moving application %d from %s to %s", id, from, username).isLessThan(2);
                    }
                }
            }
        }
    }

    private static long sumOfSquares(Plan plan) {
        return plan.loads().values().stream().mapToLong(l -> (long) l * l).sum();
    }

    private record Best(boolean balancedExists, long sumOfSquares, int mismatches) {}

    /**
     * Every valid plan with as many assignments as possible, by brute force: the best sum of squares of the
     * loads, whether a balanced plan exists, and the fewest thematic mismatches among the most balanced plans.
     * Null when there are too many plans to enumerate.
     */
    private static Best enumerate(Request request) {
        List<String> usernames = request.members().stream().map(Member::username).sorted().toList();
        Map<String, Set<String>> liked = request.members().stream()
                .collect(Collectors.toMap(Member::username, Member::thematics));
        int[] base = new int[usernames.size()];
        List<List<int[]>> options = new ArrayList<>();
        List<List<Integer>> optionMismatches = new ArrayList<>();
        long plans = 1;
        for (Item item : request.items()) {
            long id = item.applicationId();
            Set<String> conflicted = request.conflicts().getOrDefault(id, Set.of());
            Set<String> kept = new HashSet<>(request.existing().getOrDefault(id, Set.of()));
            kept.removeAll(conflicted);
            List<Integer> free = new ArrayList<>();
            for (int j = 0; j < usernames.size(); j++) {
                String username = usernames.get(j);
                if (kept.contains(username)) {
                    base[j]++;
                } else if (!conflicted.contains(username)) {
                    free.add(j);
                }
            }
            int wanted = Math.min(Math.max(0, request.perApplication() - kept.size()), free.size());
            List<int[]> combinations = new ArrayList<>();
            combinations(free, wanted, 0, new int[wanted], 0, combinations);
            List<Integer> costs = new ArrayList<>();
            for (int[] combination : combinations) {
                int cost = 0;
                for (int j : combination) {
                    if (item.thematic() == null || !liked.get(usernames.get(j)).contains(item.thematic())) {
                        cost++;
                    }
                }
                costs.add(cost);
            }
            options.add(combinations);
            optionMismatches.add(costs);
            plans *= combinations.size();
            if (plans > 200_000) {
                return null;
            }
        }
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        boolean[] balanced = {false};
        search(options, optionMismatches, 0, base.clone(), 0, best, balanced);
        return new Best(balanced[0], best[0], (int) best[1]);
    }

    private static void combinations(List<Integer> free, int size, int start, int[] current, int depth,
                                     List<int[]> out) {
        if (depth == size) {
            out.add(current.clone());
            return;
        }
        for (int k = start; k < free.size(); k++) {
            current[depth] = free.get(k);
            combinations(free, size, k + 1, current, depth + 1, out);
        }
    }

    private static void search(List<List<int[]>> options, List<List<Integer>> costs, int index, int[] loads,
                               int mismatches, long[] best, boolean[] balanced) {
        if (index == options.size()) {
            long squares = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int load : loads) {
                squares += (long) load * load;
                min = Math.min(min, load);
                max = Math.max(max, load);
            }
            if (max - min <= 1) {
                balanced[0] = true;
            }
            if (squares < best[0] || (squares == best[0] && mismatches < best[1])) {
                best[0] = squares;
                best[1] = mismatches;
            }
            return;
        }
        List<int[]> choices = options.get(index);
        for (int c = 0; c < choices.size(); c++) {
            for (int j : choices.get(c)) {
                loads[j]++;
            }
            search(options, costs, index + 1, loads, mismatches + costs.get(index).get(c), best, balanced);
            for (int j : choices.get(c)) {
                loads[j]--;
            }
        }
    }
}
