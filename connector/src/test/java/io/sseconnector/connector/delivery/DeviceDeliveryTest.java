package io.sseconnector.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.AssetRoutes;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.core.SseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery rules of one device, against an in-memory destination whose availability the test
 * controls: memory buffer, spill file, overflow policies, re-sending after a failure, offsets.
 */
class DeviceDeliveryTest {
    @TempDir
    Path state;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BridgeStats stats = new BridgeStats();
    private final FakeDestination destination = new FakeDestination();
    private final FakeFlow stream = new FakeFlow();
    private OffsetStore offsets;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Records what it is sent; acknowledges at once when up, fails the sends listed in {@code failOnce}. */
    static final class FakeDestination implements Destination {
        volatile boolean up = true;
        final List<String> sent = new ArrayList<>();
        final List<String> failOnce = new ArrayList<>();

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public boolean isReady() {
            return up;
        }

        @Override
        public synchronized CompletableFuture<Void> send(RoutedEvent event) {
            String id = event.event().lastEventId();
            if (failOnce.remove(id)) {
                up = false;
                return CompletableFuture.failedFuture(new IllegalStateException("connection lost"));
            }
            sent.add(id);
            return CompletableFuture.completedFuture(null);
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    static final class FakeFlow implements FlowControl {
        int pauses;
        int resumes;

        @Override
        public void pause() {
            pauses++;
        }

        @Override
        public void resume() {
            resumes++;
        }
    }

    private DeviceDelivery delivery(BufferConfig limits, int window) {
        offsets = new OffsetStore(state);
        Router router = new Router(
                "cam",
                List.of(new AssetRoutes(
                        "asset", List.of(new AssetRoutes.EventRoute("all", "*", List.of(destination))), List.of())),
                null,
                null,
                stats);
        return new DeviceDelivery(
                "cam",
                router,
                limits,
                window,
                stats,
                offsets,
                scheduler,
                state.resolve("spill").resolve("cam.spill"),
                stream);
    }

    private static void push(DeviceDelivery delivery, int from, int to) {
        for (int id = from; id <= to; id++) {
            delivery.accept(new SseEvent("T", "{\"n\":" + id + "}", String.valueOf(id), -1));
        }
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    @Test
    void fullMemorySpillsToDiskAndEverythingFlowsInOrderWhenTheDestinationReturns() throws Exception {
        DeviceDelivery delivery = delivery(new BufferConfig(10, 1 << 20, 1 << 20, BufferConfig.Overflow.BLOCK), 5);
        destination.up = false;
        push(delivery, 1, 5000); // ~100 KB: more than the spill file's 64 KiB write buffer
        assertThat(delivery.buffered()).isEqualTo(10);
        assertThat(delivery.spilled()).isEqualTo(4990);
        assertThat(Files.size(state.resolve("spill/cam.spill"))).isPositive();
        assertThat(stream.pauses).isZero();

        destination.up = true;
        delivery.destinationsReady();
        assertThat(delivery.awaitDrained(Duration.ofSeconds(5))).isTrue();
        assertThat(destination.sent()).isEqualTo(ids(1, 5000));
        assertThat(delivery.spilled()).isZero();
        assertThat(Files.size(state.resolve("spill/cam.spill"))).isZero();
        assertThat(offsets.lastDelivered("cam")).isEqualTo("5000");
        assertThat(stats.snapshot().dropped()).isZero();
    }

    @Test
    void blockPausesTheStreamWhenMemoryAndDiskAreFullAndResumesOnceDrained() throws Exception {
        DeviceDelivery delivery = delivery(new BufferConfig(10, 1 << 20, 300, BufferConfig.Overflow.BLOCK), 5);
        destination.up = false;
        push(delivery, 1, 40);
        assertThat(stream.pauses).isEqualTo(1);

        destination.up = true;
        delivery.destinationsReady();
        assertThat(delivery.awaitDrained(Duration.ofSeconds(5))).isTrue();
        assertThat(stream.resumes).isEqualTo(1);
        assertThat(destination.sent()).as("nothing is lost under block").isEqualTo(ids(1, 40));
    }

    @Test
    void dropOldestWithAFullSpillFileDropsTheOldestAndKeepsTheRestInOrder() throws Exception {
        DeviceDelivery delivery = delivery(new BufferConfig(10, 1 << 20, 300, BufferConfig.Overflow.DROP_OLDEST), 5);
        destination.up = false;
        push(delivery, 1, 40);
        long dropped = stats.snapshot().dropped();
        assertThat(dropped).isPositive();
        assertThat(stream.pauses).isZero();

        destination.up = true;
        delivery.destinationsReady();
        assertThat(delivery.awaitDrained(Duration.ofSeconds(5))).isTrue();
        List<String> sent = destination.sent();
        assertThat(sent).hasSize(40 - (int) dropped).endsWith("40");
        assertThat(sent.stream().map(Integer::valueOf).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void dropOldestWithoutSpillKeepsTheNewestAndCountsTheRest() throws Exception {
        DeviceDelivery delivery = delivery(new BufferConfig(10, 1 << 20, 0, BufferConfig.Overflow.DROP_OLDEST), 5);
        destination.up = false;
        push(delivery, 1, 25);
        assertThat(stats.snapshot().dropped()).isEqualTo(15);
        assertThat(stream.pauses).isZero();

        destination.up = true;
        delivery.destinationsReady();
        assertThat(delivery.awaitDrained(Duration.ofSeconds(5))).isTrue();
        assertThat(destination.sent()).isEqualTo(ids(16, 25));
    }

    @Test
    void aFailedSendIsRetriedFromTheFirstUnacknowledgedEventInOrder() throws Exception {
        DeviceDelivery delivery = delivery(new BufferConfig(100, 1 << 20, 0, BufferConfig.Overflow.BLOCK), 10);
        destination.failOnce.add("5");
        push(delivery, 1, 20);
        destination.up = true; // the "broker" is back
        delivery.destinationsReady();
        assertThat(delivery.awaitDrained(Duration.ofSeconds(5))).isTrue();
        List<String> sent = destination.sent();
        assertThat(sent.stream().distinct().toList()).isEqualTo(ids(1, 20));
        assertThat(offsets.lastDelivered("cam")).isEqualTo("20");
        assertThat(stats.snapshot().retries()).isEqualTo(1);
        assertThat(stats.snapshot().errors()).isZero();
    }

    @Test
    void theOffsetNeverPassesAnUnacknowledgedEvent() {
        DeviceDelivery delivery = delivery(new BufferConfig(100, 1 << 20, 0, BufferConfig.Overflow.BLOCK), 10);
        push(delivery, 1, 3);
        destination.up = false;
        push(delivery, 4, 6);
        assertThat(offsets.lastDelivered("cam")).isEqualTo("3");
        assertThat(delivery.buffered()).isEqualTo(3);
    }

    @Test
    void spilledEventsSurviveARestartAndAreDeliveredFirstEvenWhenTheDeviceCannotReplay() throws Exception {
        BufferConfig limits = new BufferConfig(10, 1 << 20, 1 << 20, BufferConfig.Overflow.BLOCK);
        DeviceDelivery before = delivery(limits, 5);
        destination.up = false;
        push(before, 1, 300); // 10 in memory, 290 on disk
        assertThat(before.spilled()).isEqualTo(290);
        before.close();
        assertThat(Files.size(state.resolve("spill/cam.spill"))).isPositive();

        // A device with no history: after the restart it sends only new events.
        DeviceDelivery after = delivery(limits, 5);
        assertThat(after.spilled()).isEqualTo(290);
        destination.up = true;
        push(after, 301, 310);
        after.destinationsReady();
        assertThat(after.awaitDrained(Duration.ofSeconds(10))).isTrue();
        assertThat(destination.sent())
                .as("the spilled events first, then the new ones, in order")
                .isEqualTo(ids(11, 310));
        assertThat(offsets.lastDelivered("cam")).isEqualTo("310");
        after.close();
        assertThat(state.resolve("spill/cam.spill"))
                .as("an empty spill file is not kept")
                .doesNotExist();
    }
}
