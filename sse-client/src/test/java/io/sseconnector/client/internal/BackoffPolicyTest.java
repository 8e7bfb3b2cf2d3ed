package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.SseClientConfig.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
    private static final Backoff ONE_TO_SIXTY =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), 0);

    @Test
    void doublesFromTheInitialDelayUpToTheMax() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY);

        assertThat(policy.delayMillis(1, -1)).isEqualTo(1_000);
        assertThat(policy.delayMillis(2, -1)).isEqualTo(2_000);
        assertThat(policy.delayMillis(6, -1)).isEqualTo(32_000);
        assertThat(policy.delayMillis(7, -1)).isEqualTo(60_000);
        assertThat(policy.delayMillis(1_000, -1)).isEqualTo(60_000);
    }

    @Test
    void theRetryFieldReplacesTheBase() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY);

        assertThat(policy.delayMillis(1, 250)).isEqualTo(250);
        assertThat(policy.delayMillis(3, 250)).isEqualTo(1_000);
        assertThat(policy.delayMillis(1, 3_600_000)).isEqualTo(60_000);
    }

    @Test
    void aZeroBaseStillGrows() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY);

        assertThat(policy.delayMillis(1, 0)).isEqualTo(1);
        assertThat(policy.delayMillis(11, 0)).isEqualTo(1_024);
    }

    @RepeatedTest(20)
    void jitterStaysWithinItsFractionAndTheMax() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY.withJitter(0.25));

        assertThat(policy.delayMillis(2, -1)).isBetween(1_500L, 2_500L);
        assertThat(policy.delayMillis(20, -1)).isBetween(45_000L, 60_000L);
    }

    @Test
    void retryAfterIsCapped() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY);

        assertThat(policy.retryAfterMillis(5_000)).isEqualTo(5_000);
        assertThat(policy.retryAfterMillis(Long.MAX_VALUE)).isEqualTo(60_000);
    }

    @Test
    void healthyMeansOpenForResetAfter() {
        BackoffPolicy policy = new BackoffPolicy(ONE_TO_SIXTY);

        assertThat(policy.wasHealthy(Duration.ofSeconds(59).toNanos())).isFalse();
        assertThat(policy.wasHealthy(Duration.ofSeconds(60).toNanos())).isTrue();
    }
}
