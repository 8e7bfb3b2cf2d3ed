package io.sseconnector.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void durationsInEveryUnitAndBareSeconds() {
        assertThat(Quantities.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Quantities.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Quantities.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Quantities.parseDuration("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.parseDuration(" 30 ")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void durationGarbageIsRejectedWithTheExpectedForms() {
        for (String bad : new String[] {"", "s", "-1s", "1d", "fast", "1e3s", "NaN", "Infinity", "0x10"}) {
            assertThatThrownBy(() -> Quantities.parseDuration(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("500ms, 5s, 1m");
        }
    }

    @Test
    void sizesInBinaryAndDecimalUnits() {
        assertThat(Quantities.parseSize("1048576")).isEqualTo(1 << 20);
        assertThat(Quantities.parseSize("512KiB")).isEqualTo(512 << 10);
        assertThat(Quantities.parseSize("64MiB")).isEqualTo(64L << 20);
        assertThat(Quantities.parseSize("1GiB")).isEqualTo(1L << 30);
        assertThat(Quantities.parseSize("1.5 gib")).isEqualTo(3L << 29);
        assertThat(Quantities.parseSize("10MB")).isEqualTo(10_000_000);
        assertThat(Quantities.parseSize("0")).isZero();
    }

    @Test
    void sizeGarbageIsRejected() {
        for (String bad : new String[] {"", "-1", "1PB", "MiB", "1.5", "lots", "99999999999TiB"}) {
            assertThatThrownBy(() -> Quantities.parseSize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsTheShortestExactForm() {
        assertThat(Quantities.format(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(Quantities.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Quantities.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Quantities.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Quantities.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Quantities.formatSize(64L << 20)).isEqualTo("64MiB");
        assertThat(Quantities.formatSize(1500)).isEqualTo("1500");
    }
}
