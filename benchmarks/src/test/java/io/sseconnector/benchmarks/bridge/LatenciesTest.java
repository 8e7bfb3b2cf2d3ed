package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void nearestRankPercentilesInMilliseconds() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (1000 - i) * 1_000_000L; // 1..1000 ms, reversed
        }
        Latencies l = Latencies.of(nanos, nanos.length);

        assertThat(l.count()).isEqualTo(1000);
        assertThat(l.p50()).isEqualTo(500.0);
        assertThat(l.p90()).isEqualTo(900.0);
        assertThat(l.p99()).isEqualTo(990.0);
        assertThat(l.p999()).isEqualTo(999.0);
        assertThat(l.max()).isEqualTo(1000.0);
    }

    @Test
    void noSamplesNoNumbers() {
        assertThat(Latencies.of(new long[0], 0)).isEqualTo(Latencies.NONE);
        assertThat(Latencies.of(new long[] {3_000_000}, 1).p99()).isEqualTo(3.0);
    }
}
