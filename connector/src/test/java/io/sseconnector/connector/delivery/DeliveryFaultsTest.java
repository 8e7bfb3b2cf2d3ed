package io.sseconnector.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.AssetRoutes;
import io.sseconnector.connector.route.PayloadGate;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.route.Routes;
import io.sseconnector.connector.route.Target;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.core.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No event stays in flight for ever: a fault injected at each stage of one event's delivery
 * (routing, the send call, the acknowledgement, the dead letter itself) still lets every later event
 * through and moves the stored offset past it, and the faulty event goes to the dead-letter route
 * with its reason, counted by reason. The destinations are in memory so each fault hits exactly one
 * event; the bridge tests do the same against a real broker.
 */
class DeliveryFaultsTest {
    @TempDir
    Path state;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BridgeStats stats = new BridgeStats();
    private OffsetStore offsets;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Records what it acknowledged; the behaviour for one id can be scripted. */
    static class Scripted implements Destination {
        final List<String> acked = new ArrayList<>();
        final List<RoutedEvent> received = new ArrayList<>();
        final Map<String, Function<RoutedEvent, CompletableFuture<Void>>> byId = new ConcurrentHashMap<>();
        private final String name;

        Scripted(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public synchronized CompletableFuture<Void> send(RoutedEvent event) {
            Function<RoutedEvent, CompletableFuture<Void>> script =
                    byId.get(event.event().lastEventId());
            if (script != null) {
                return script.apply(event);
            }
            acked.add(event.event().lastEventId());
            received.add(event);
            return CompletableFuture.completedFuture(null);
        }

        synchronized List<String> acked() {
            return List.copyOf(acked);
        }

        synchronized List<RoutedEvent> received() {
            return List.copyOf(received);
        }
    }

    private final Scripted target = new Scripted("target");
    private final Scripted deadLetters = new Scripted("dead letters");

    /** Runs before the router sees each event: a test may throw from it. */
    private Consumer<SseEvent> routingFault = event -> {};

    private DeviceDelivery delivery(PayloadGate gate, Destination deadLetter, Destination... more) {
        offsets = new OffsetStore(state);
        List<Destination> destinations = new ArrayList<>(List.of(target));
        destinations.addAll(List.of(more));
        Router router = new Router(
                "cam",
                List.of(new AssetRoutes(
                        "asset", List.of(new AssetRoutes.EventRoute("all", "*", destinations, gate, null)), List.of())),
                null,
                deadLetter,
                stats);
        Routes routes = new Routes() {
            @Override
            public List<Target> targets(SseEvent event) {
                routingFault.accept(event);
                return router.targets(event);
            }

            @Override
            public List<Target> deadLetters(String type, Undeliverable why) {
                return router.deadLetters(type, why);
            }
        };
        return new DeviceDelivery(
                "cam",
                routes,
                new BufferConfig(100, 1 << 20, 0, BufferConfig.Overflow.BLOCK),
                10,
                stats,
                offsets,
                scheduler,
                null,
                new FlowControl() {
                    @Override
                    public void pause() {}

                    @Override
                    public void resume() {}
                });
    }

    private static void push(DeviceDelivery delivery, int from, int to) {
        for (int id = from; id <= to; id++) {
            delivery.accept(new SseEvent("T", "{\"n\":" + id + "}", String.valueOf(id), -1));
        }
    }

    private static List<String> idsExcept(int from, int to, int except) {
        List<String> ids = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            if (id != except) {
                ids.add(String.valueOf(id));
            }
        }
        return ids;
    }

    private void assertEverythingButFiveDeliveredAndTheOffsetPastIt(DeviceDelivery delivery) throws Exception {
        assertThat(delivery.awaitDrained(Duration.ofSeconds(10)))
                .as("nothing stays in flight")
                .isTrue();
        assertThat(target.acked()).isEqualTo(idsExcept(1, 20, 5));
        assertThat(offsets.lastDelivered("cam")).isEqualTo("20");
    }

    @Test
    void aPermanentRefusalSendsTheEventToTheDeadLetterRouteWithItsReasonAndTheOffsetMovesOn() throws Exception {
        target.byId.put(
                "5",
                e -> CompletableFuture.failedFuture(
                        new Undeliverable(Undeliverable.Reason.INVALID_TOPIC, "topic holds the wildcard +")));
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        RoutedEvent dead = deadLetters.received().get(0);
        assertThat(dead.event().lastEventId()).isEqualTo("5");
        assertThat(dead.error()).isEqualTo("invalid_topic: topic holds the wildcard +");
        assertThat(new String(dead.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":5}");
        assertThat(stats.snapshot().errors()).isEqualTo(1);
        assertThat(stats.snapshot().errorsByReason()).containsEntry(Undeliverable.Reason.INVALID_TOPIC, 1L);
        assertThat(stats.snapshot().deadLettered()).isEqualTo(1);
    }

    @Test
    void anExceptionThrownBySendIsRetriedThenDeadLetteredNotLeftInFlight() throws Exception {
        target.byId.put("5", e -> {
            throw new IllegalStateException("destination bug");
        });
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        assertThat(deadLetters.acked()).containsExactly("5");
        assertThat(deadLetters.received().get(0).error())
                .startsWith("refused: failed 5 times")
                .contains("destination bug");
        assertThat(stats.snapshot().errorsByReason()).containsEntry(Undeliverable.Reason.REFUSED, 1L);
        assertThat(stats.snapshot().retries()).isEqualTo(DeviceDelivery.MAX_FAILURES - 1);
    }

    @Test
    void anAcknowledgementThatKeepsFailingIsDeadLetteredAfterFewAttempts() throws Exception {
        target.byId.put("5", e -> CompletableFuture.failedFuture(new RuntimeException("PUBACK lost")));
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        assertThat(deadLetters.acked()).containsExactly("5");
    }

    @Test
    void aFaultWhileRoutingSendsTheEventToTheDeadLetterRoute() throws Exception {
        routingFault = event -> {
            if (event.lastEventId().equals("5")) {
                throw new IllegalStateException("router bug");
            }
        };
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        assertThat(deadLetters.received()).hasSize(1);
        assertThat(deadLetters.received().get(0).error())
                .startsWith("internal: routing failed")
                .contains("router bug");
        assertThat(stats.snapshot().errorsByReason()).containsEntry(Undeliverable.Reason.INTERNAL, 1L);
    }

    @Test
    void aDestinationThatFailsToSayWhetherItIsReadyDoesNotStallTheDevice() throws Exception {
        Scripted moody = new Scripted("moody") {
            @Override
            public boolean isReady() {
                throw new IllegalStateException("readiness bug");
            }
        };
        target.byId.put("5", e -> {
            throw new IllegalStateException("send bug");
        });
        DeviceDelivery delivery = delivery(null, deadLetters, moody);
        push(delivery, 1, 20);

        assertThat(delivery.awaitDrained(Duration.ofSeconds(10))).isTrue();
        assertThat(moody.acked().stream().distinct().toList())
                .as("re-sends may repeat an event, never skip one")
                .isEqualTo(idsExcept(1, 20, 0));
        assertThat(target.acked()).isEqualTo(idsExcept(1, 20, 5));
        assertThat(offsets.lastDelivered("cam")).isEqualTo("20");
    }

    @Test
    void aDeadLetterThatFailsTooIsGivenUpCountedAndTheOffsetStillMoves() throws Exception {
        target.byId.put(
                "5",
                e -> CompletableFuture.failedFuture(new Undeliverable(Undeliverable.Reason.TOO_LARGE, "over 1 KB")));
        deadLetters.byId.put(
                "5", e -> CompletableFuture.failedFuture(new Undeliverable(Undeliverable.Reason.REJECTED, "0x87")));
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        assertThat(stats.snapshot().errors()).isEqualTo(1);
        assertThat(stats.snapshot().givenUp()).isEqualTo(1);
    }

    @Test
    void withoutAnyDeadLetterRouteTheEventIsGivenUpCountedAndTheOffsetStillMoves() throws Exception {
        target.byId.put(
                "5", e -> CompletableFuture.failedFuture(new Undeliverable(Undeliverable.Reason.REJECTED, "0x87")));
        DeviceDelivery delivery = delivery(null, null);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        assertThat(stats.snapshot().errorsByReason()).containsEntry(Undeliverable.Reason.REJECTED, 1L);
        assertThat(stats.snapshot().givenUp()).isEqualTo(1);
    }

    @Test
    void aMessageTooLargeForTheDestinationIsDeadLetteredAsANoticeWithoutItsData() throws Exception {
        target.byId.put(
                "5",
                e -> CompletableFuture.failedFuture(
                        new Undeliverable(Undeliverable.Reason.TOO_LARGE, "over the broker's maximum packet size")));
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        String notice = new String(deadLetters.received().get(0).payload(), StandardCharsets.UTF_8);
        assertThat(notice)
                .isEqualTo("{\"device\":\"cam\",\"event\":\"T\",\"id\":\"5\",\"size\":7,"
                        + "\"error\":\"too_large: over the broker's maximum packet size\"}");
    }

    @Test
    void aSkippedOversizedEventBecomesADeadLetterNoticeInItsPlaceAndTheOffsetMovesPastIt() throws Exception {
        DeviceDelivery delivery = delivery(null, deadLetters);
        push(delivery, 1, 4);
        delivery.skipped("T", "5", 5_242_880, "maxEventSize");
        push(delivery, 6, 20);

        assertEverythingButFiveDeliveredAndTheOffsetPastIt(delivery);
        RoutedEvent notice = deadLetters.received().get(0);
        assertThat(notice.event().lastEventId()).isEqualTo("5");
        assertThat(notice.error()).startsWith("oversized_event: 5242880 bytes of data, over maxEventSize");
        assertThat(new String(notice.payload(), StandardCharsets.UTF_8))
                .startsWith("{\"device\":\"cam\",\"event\":\"T\",\"id\":\"5\",\"size\":5242880,");
        assertThat(stats.snapshot().received()).isEqualTo(20);
        assertThat(stats.snapshot().delivered())
                .as("the notice is not counted as delivered")
                .isEqualTo(19);
    }
}
