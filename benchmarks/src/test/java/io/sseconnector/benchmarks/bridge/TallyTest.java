package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void namesLostIdsAndCountsDuplicatesAndStrays() {
        Tally tally = new Tally(List.of("a", "b"), new long[] {100, 1}, null, 0, 0);
        for (long id = 100; id < 110; id++) {
            if (id != 104) {
                tally.record("a", id, 1);
            }
        }
        tally.record("a", 101, 2); // again
        tally.record("b", 1, 3);
        tally.record("a", 99, 4); // before the window
        tally.record("c", 5, 5); // not a device of the window
        tally.record(null, -1, 6);

        long[] written = {10, 2};
        assertThat(tally.distinct()).isEqualTo(10);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.stray()).isEqualTo(3);
        assertThat(tally.lost(written)).isEqualTo(2);
        assertThat(tally.lostExamples(written, 5)).isEqualTo("a:104 b:2");
        assertThat(tally.lastReceiveNanos()).isEqualTo(3);
    }

    @Test
    void latenciesCountOnlyEventsWrittenInsideTheWindow() {
        SentTimes sent = new SentTimes(new long[] {1}, 10);
        Tally tally = new Tally(List.of("a"), new long[] {1}, sent, 1_000, 2_000);
        sent.put(0, 1, 500); // warm-up
        sent.put(0, 2, 1_000);
        sent.put(0, 3, 1_500);
        sent.put(0, 4, 2_000); // after the window
        for (long id = 1; id <= 4; id++) {
            tally.record("a", id, sent.get(0, id) + id * 1_000_000);
        }

        Latencies l = tally.latencies();
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.p50()).isEqualTo(2.0);
        assertThat(l.max()).isEqualTo(3.0);
    }

    @Test
    void awaitReturnsOnceAllArrivedOrWhenNothingMoreComes() throws Exception {
        Tally tally = Tally.of("a", 1);
        Thread.ofVirtual().start(() -> {
            for (long id = 1; id <= 3; id++) {
                tally.record("a", id, System.nanoTime());
            }
        });
        assertThat(tally.await(3, Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .isEqualTo(3);

        long started = System.nanoTime();
        assertThat(tally.await(4, Duration.ofMillis(200), Duration.ofSeconds(10)))
                .isEqualTo(3);
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(5).toNanos());
    }
}
