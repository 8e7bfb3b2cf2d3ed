package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    @Test
    void millisecondsSecondsMinutesAndHours() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationConverter.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void bareNumberIsSecondsAsInTheSeedSimulator() {
        assertThat(DurationConverter.parse("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationConverter.parse("0.5")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void garbageIsRejectedWithTheExpectedForms() {
        for (String bad : new String[] {"", "s", "5 parsecs", "-1s", "1d", "fast"}) {
            assertThatThrownBy(() -> DurationConverter.parse(bad))
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("500ms, 5s, 1m");
        }
    }
}
