package io.sseconnector.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator driven directly, on its own timeline: no threads, no sleeping. */
class CameraEventGeneratorTest {
    private static final long NOW = 1_764_150_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CameraEventGenerator generator(Duration heartbeat, double alertProbability, long seed) {
        return new CameraEventGenerator(heartbeat, alertProbability, new SplittableRandom(seed), () -> NOW);
    }

    /** Every event up to {@code untilMillis} on the generator's timeline. */
    private static List<CameraEvent> run(CameraEventGenerator generator, long untilMillis) {
        List<CameraEvent> events = new ArrayList<>();
        while (generator.peekTime() <= untilMillis) {
            events.add(generator.next());
        }
        return events;
    }

    private static JsonNode parse(CameraEvent event) {
        return JSON.readTree(event.json());
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void startsWithAHeartbeatAndAnalyticsEnabled() {
        List<CameraEvent> events = run(generator(Duration.ofSeconds(5), 0.1, 1), 3_000_000);

        assertThat(events.get(0).type()).isEqualTo(EventType.HEARTBEAT);
        assertThat(events.get(0).atMillis()).isZero();
        assertThat(events.stream()
                        .map(CameraEvent::type)
                        .filter(t -> t == EventType.ANALYTICS_ENABLED || t == EventType.ANALYTICS_DISABLED)
                        .findFirst())
                .hasValue(EventType.ANALYTICS_DISABLED);
    }

    @Test
    void heartbeatComesEveryIntervalExactly() {
        for (Duration interval : List.of(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofMillis(1_300))) {
            List<Long> times = run(generator(interval, 0.1, 7), 600_000).stream()
                    .filter(e -> e.type() == EventType.HEARTBEAT)
                    .map(CameraEvent::atMillis)
                    .toList();

            assertThat(times).hasSize((int) (600_000 / interval.toMillis()) + 1);
            for (int i = 0; i < times.size(); i++) {
                assertThat(times.get(i)).as("heartbeat %d at %s", i, interval).isEqualTo(i * interval.toMillis());
            }
        }
    }

    @Test
    void eventsComeInTimelineOrderAndChecksOnWholeSeconds() {
        List<CameraEvent> events = run(generator(Duration.ofMillis(700), 0.5, 3), 100_000);

        assertThat(events).extracting(CameraEvent::atMillis).isSorted();
        assertThat(events)
                .filteredOn(e -> e.type() != EventType.HEARTBEAT)
                .allMatch(e -> e.atMillis() % CameraEventGenerator.CHECK_INTERVAL_MS == 0);
    }

    /** What a long run did, check by check: the analytics state replayed from the events of each second. */
    private record Tally(long enabledChecks, long disabledChecks, Map<EventType, Long> counts) {
        static Tally of(List<CameraEvent> events, long checks) {
            Map<Long, List<EventType>> bySecond = events.stream()
                    .filter(e -> e.type() != EventType.HEARTBEAT)
                    .collect(Collectors.groupingBy(
                            e -> e.atMillis() / 1_000, Collectors.mapping(CameraEvent::type, Collectors.toList())));
            boolean enabled = true;
            long enabledChecks = 0;
            long disabledChecks = 0;
            Map<EventType, Long> counts = new EnumMap<>(EventType.class);
            for (EventType type : EventType.values()) {
                counts.put(type, 0L);
            }
            List<Long> impossible = new ArrayList<>();
            for (long second = 0; second < checks; second++) {
                List<EventType> types = bySecond.getOrDefault(second, List.of());
                if (enabled) {
                    enabledChecks++;
                    if (types.contains(EventType.ANALYTICS_ENABLED)) {
                        impossible.add(second);
                    }
                } else {
                    disabledChecks++;
                    if (types.stream().anyMatch(t -> t != EventType.ANALYTICS_ENABLED)) {
                        impossible.add(second);
                    }
                }
                for (EventType type : types) {
                    counts.merge(type, 1L, Long::sum);
                    enabled = type == EventType.ANALYTICS_ENABLED || (enabled && type != EventType.ANALYTICS_DISABLED);
                }
            }
            assertThat(impossible)
                    .as("seconds with an event the analytics state did not allow")
                    .isEmpty();
            return new Tally(enabledChecks, disabledChecks, counts);
        }

        long alerts() {
            return counts.get(EventType.ALERT) + counts.get(EventType.ALERT_DLQC);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.0, 0.5, 1.0})
    void probabilitiesOverALongSeededRunMatchTheSeed(double alertProbability) {
        long checks = 200_000;
        Tally tally =
                Tally.of(run(generator(Duration.ofSeconds(5), alertProbability, 42), (checks - 1) * 1_000), checks);

        assertThat((double) tally.alerts() / tally.enabledChecks()).isCloseTo(alertProbability, within(0.005));
        if (alertProbability > 0) {
            assertThat((double) tally.counts().get(EventType.ALERT_DLQC) / tally.alerts())
                    .isCloseTo(0.70, within(0.02));
        }
        assertThat((double) tally.counts().get(EventType.ANALYTICS_DISABLED) / tally.enabledChecks())
                .isCloseTo(0.02, within(0.002));
        assertThat((double) tally.counts().get(EventType.ANALYTICS_ENABLED) / tally.disabledChecks())
                .isCloseTo(0.05, within(0.005));
    }

    @Test
    void eventIdStartsAt1001AndGrowsByOnePerAlert() {
        List<Long> ids = run(generator(Duration.ofSeconds(5), 0.3, 5), 10_000_000).stream()
                .filter(e -> e.type() == EventType.ALERT || e.type() == EventType.ALERT_DLQC)
                .map(e -> parse(e).get("event_id").asLong())
                .toList();

        assertThat(ids).hasSizeGreaterThan(1000);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(1001 + i);
        }
    }

    @Test
    void sameSeedGivesTheSameSequenceAndAnotherSeedAnotherOne() {
        List<CameraEvent> a = run(generator(Duration.ofSeconds(5), 0.1, 99), 100_000_000);
        List<CameraEvent> b = run(generator(Duration.ofSeconds(5), 0.1, 99), 100_000_000);
        List<CameraEvent> c = run(generator(Duration.ofSeconds(5), 0.1, 100), 100_000_000);

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void timestampIsTheClockWhenTheEventIsTaken() {
        long[] now = {NOW};
        LongSupplier clock = () -> now[0];
        CameraEventGenerator generator =
                new CameraEventGenerator(Duration.ofSeconds(1), 0.1, new SplittableRandom(1), clock);

        long first = parse(generator.next()).get("timestamp").asLong();
        now[0] += 12_345;
        long second = parse(generator.next()).get("timestamp").asLong();

        assertThat(first).isEqualTo(NOW);
        assertThat(second).isEqualTo(NOW + 12_345);
    }

    @Test
    void heartbeatPayload() {
        JsonNode heartbeat = parse(generator(Duration.ofSeconds(5), 0.1, 1).next());

        assertThat(keys(heartbeat)).containsExactly("type", "timestamp");
        assertThat(heartbeat.get("type").asString()).isEqualTo("HEARTBEAT");
        assertThat(heartbeat.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(heartbeat.get("timestamp").asLong()).isEqualTo(NOW);
    }

    @Test
    void analyticsPayloads() {
        List<CameraEvent> toggles = run(generator(Duration.ofHours(1), 0.1, 8), 2_000_000).stream()
                .filter(e -> e.type() == EventType.ANALYTICS_ENABLED || e.type() == EventType.ANALYTICS_DISABLED)
                .toList();

        assertThat(toggles)
                .extracting(CameraEvent::type)
                .contains(EventType.ANALYTICS_ENABLED, EventType.ANALYTICS_DISABLED);
        for (CameraEvent event : toggles) {
            JsonNode node = parse(event);
            assertThat(keys(node)).containsExactly("type", "timestamp", "analytics_type");
            assertThat(node.get("type").asString()).isEqualTo(event.type().name());
            assertThat(node.get("timestamp").asLong()).isEqualTo(NOW);
            assertThat(node.get("analytics_type").asString()).isEqualTo("leak detection");
        }
    }

    @Test
    void alertPayload() {
        List<CameraEvent> alerts = run(generator(Duration.ofHours(1), 1.0, 4), 500_000).stream()
                .filter(e -> e.type() == EventType.ALERT)
                .toList();

        assertThat(alerts).isNotEmpty();
        for (CameraEvent event : alerts) {
            JsonNode node = parse(event);
            assertThat(keys(node)).containsExactly("type", "timestamp", "message", "event_id");
            assertThat(node.get("type").asString()).isEqualTo("ALERT");
            assertThat(node.get("message").asString()).isEqualTo("leak");
            assertThat(node.get("event_id").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void alertDlqcPayloadKeysTypesUnitsAndRanges() {
        List<JsonNode> alerts = run(generator(Duration.ofHours(1), 1.0, 6), 10_000_000).stream()
                .filter(e -> e.type() == EventType.ALERT_DLQC)
                .map(CameraEventGeneratorTest::parse)
                .toList();

        assertThat(alerts).hasSizeGreaterThan(3_000);
        for (JsonNode node : alerts) {
            assertThat(keys(node))
                    .containsExactly(
                            "type",
                            "timestamp",
                            "message",
                            "event_id",
                            "camera_id",
                            "leak_location",
                            "camera_location",
                            "flow_rate",
                            "unit",
                            "mass",
                            "mass_unit",
                            "confidence_level",
                            "camera_orientation",
                            "depression_angle",
                            "wind_speed",
                            "wind_speed_unit",
                            "wind_direction",
                            "temperature",
                            "temperature_unit",
                            "humidity");
            assertThat(node.get("type").asString()).isEqualTo("ALERT_DLQC");
            assertThat(node.get("message").asString()).isEqualTo("leak");
            assertThat(node.get("unit").asString()).isEqualTo("g/s");
            assertThat(node.get("mass_unit").asString()).isEqualTo("kg");
            assertThat(node.get("wind_speed_unit").asString()).isEqualTo("m/h");
            assertThat(node.get("temperature_unit").asString()).isEqualTo("F");
            assertInteger(node, "event_id", 1001, Long.MAX_VALUE);
            assertInteger(node, "camera_id", 1, 5);
            assertInteger(node, "confidence_level", 20, 95);
            assertInteger(node, "camera_orientation", 0, 360);
            assertInteger(node, "depression_angle", 30, 90);
            assertInteger(node, "wind_direction", 0, 360);
            assertInteger(node, "humidity", 0, 100);
            assertDecimal(node, "flow_rate", 0.1, 2.0);
            assertDecimal(node, "mass", 1, 10);
            assertDecimal(node, "wind_speed", 0, 50);
            assertDecimal(node, "temperature", -10, 45);
            for (String location : List.of("leak_location", "camera_location")) {
                JsonNode place = node.get(location);
                assertThat(keys(place)).containsExactly("longitude", "latitude");
                assertDecimal(place, "longitude", -180, 180);
                assertDecimal(place, "latitude", -90, 90);
            }
        }
        // Uniform: the extremes of each integer range do occur.
        assertThat(alerts).extracting(n -> n.get("camera_id").asInt()).contains(1, 5);
        assertThat(alerts).extracting(n -> n.get("humidity").asInt()).contains(0, 100);
        assertThat(alerts).extracting(n -> n.get("camera_orientation").asInt()).contains(0, 360);
    }

    private static void assertInteger(JsonNode node, String key, long min, long max) {
        JsonNode value = node.get(key);
        assertThat(value.isIntegralNumber())
                .as("%s is an integer: %s", key, value)
                .isTrue();
        assertThat(value.asLong()).as(key).isBetween(min, max);
    }

    private static void assertDecimal(JsonNode node, String key, double min, double max) {
        JsonNode value = node.get(key);
        assertThat(value.isFloatingPointNumber())
                .as("%s is a decimal: %s", key, value)
                .isTrue();
        assertThat(value.asDouble()).as(key).isBetween(min, max);
    }
}
