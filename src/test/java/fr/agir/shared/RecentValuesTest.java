package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentValuesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:42:00Z"), TimeConfig.PARIS);
    private final RecentValues<Long, String> recent = new RecentValues<>(clock, 3);
    private final AtomicInteger computed = new AtomicInteger();

    private String compute(String what) {
        return what + "#" + computed.incrementAndGet();
    }

    @Test
    void theValueIsServedUntilItExpiresThenComputedAgain() {
        RecentValues.Stamped<String> first = recent.get(1L, MINUTE, () -> compute("a"));
        clock.move(Duration.ofSeconds(59));
        assertThat(recent.get(1L, MINUTE, () -> compute("a")).value()).isEqualTo("a#1");
        clock.move(Duration.ofSeconds(1));
        RecentValues.Stamped<String> again = recent.get(1L, MINUTE, () -> compute("a"));
        assertThat(again.value()).isEqualTo("a#2");
        assertThat(first.computedAt()).isEqualTo(Instant.parse("2026-11-30T09:42:00Z"));
        assertThat(again.computedAt()).isEqualTo(Instant.parse("2026-11-30T09:43:00Z"));
        assertThat(again.expiresAt()).isEqualTo(Instant.parse("2026-11-30T09:44:00Z"));
    }

    @Test
    void eachKeyHasItsOwnValueAndTimeToLive() {
        recent.get(1L, MINUTE, () -> compute("a"));
        recent.get(2L, Duration.ofMinutes(10), () -> compute("b"));
        clock.move(Duration.ofMinutes(2));
        assertThat(recent.get(1L, MINUTE, () -> compute("a")).value()).isEqualTo("a#3");
        assertThat(recent.get(2L, Duration.ofMinutes(10), () -> compute("b")).value()).isEqualTo("b#2");
    }

    @Test
    void beyondItsSizeTheOldestComputedValueLeaves() {
        for (long key = 1; key <= 4; key++) {
            long k = key;
            recent.get(key, MINUTE, () -> compute("k" + k));
            clock.move(Duration.ofSeconds(1));
        }
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.get(4L, MINUTE, () -> compute("k4")).value()).isEqualTo("k4#4");
        assertThat(recent.get(1L, MINUTE, () -> compute("k1")).value()).isEqualTo("k1#5");
    }

    @Test
    void aFailedComputationKeepsNothing() {
        assertThatThrownBy(() -> recent.get(1L, MINUTE, () -> {
            throw new IllegalStateException("base indisponible");
        })).hasMessage("base indisponible");
        assertThat(recent.get(1L, MINUTE, () -> compute("a")).value()).isEqualTo("a#1");
    }

    @Test
    void concurrentFirstCallersWaitForTheOneComputing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> recent.get(1L, MINUTE, () -> {
                started.countDown();
                block(release);
                return compute("a");
            }).value()));
            started.await();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> recent.get(1L, MINUTE, () -> compute("a")).value()));
            }
            await().until(() -> recent.waiting(1L) == 3);
            release.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("a#1");
            }
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileOneCallerRefreshesAnExpiredValueTheOthersGetThePreviousOne() throws Exception {
        recent.get(1L, MINUTE, () -> compute("a"));
        clock.move(MINUTE);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> refreshing = pool.submit(() -> recent.get(1L, MINUTE, () -> {
                started.countDown();
                block(release);
                return compute("a");
            }).value());
            started.await();
            assertThat(recent.get(1L, MINUTE, () -> compute("a")).value()).isEqualTo("a#1");
            release.countDown();
            assertThat(refreshing.get()).isEqualTo("a#2");
            assertThat(recent.get(1L, MINUTE, () -> compute("a")).value()).isEqualTo("a#2");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
