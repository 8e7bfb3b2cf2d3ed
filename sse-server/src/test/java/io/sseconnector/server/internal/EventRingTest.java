package io.sseconnector.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private final List<ByteBuf> buffers = new ArrayList<>();

    private EventRing ringWith(int capacity, int events) {
        EventRing ring = new EventRing(capacity);
        for (int id = 1; id <= events; id++) {
            ring.append(event(id));
        }
        return ring;
    }

    private EncodedEvent event(long id) {
        ByteBuf bytes = Unpooled.copiedBuffer("id: " + id + "\ndata: x\n\n", StandardCharsets.UTF_8);
        buffers.add(bytes);
        return new EncodedEvent(id, "message", bytes);
    }

    private static List<Long> ids(List<EncodedEvent> events) {
        return events.stream().map(EncodedEvent::id).toList();
    }

    @Test
    void keepsTheLastCapacityEventsAndReleasesEvictedOnes() {
        EventRing ring = ringWith(3, 5);

        assertThat(ring.oldestId()).isEqualTo(3);
        assertThat(ring.newestId()).isEqualTo(5);
        assertThat(ids(ring.after(0))).containsExactly(3L, 4L, 5L);
        assertThat(buffers).extracting(ByteBuf::refCnt).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void noLastEventIdMeansLiveOnly() {
        EventRing ring = ringWith(10, 5);

        assertThat(ring.after(ring.resumeAfter(""))).isEmpty();
    }

    @Test
    void keptIdResumesRightAfterIt() {
        EventRing ring = ringWith(10, 5);

        assertThat(ids(ring.after(ring.resumeAfter("2")))).containsExactly(3L, 4L, 5L);
        assertThat(ids(ring.after(ring.resumeAfter("0")))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ring.after(ring.resumeAfter("5"))).isEmpty();
    }

    @Test
    void idJustBeforeTheOldestKeptResumesWithNoGap() {
        EventRing ring = ringWith(3, 10);

        assertThat(ids(ring.after(ring.resumeAfter("7")))).containsExactly(8L, 9L, 10L);
    }

    @Test
    void idOlderThanTheHistoryReplaysEverythingKept() {
        EventRing ring = ringWith(3, 10);

        assertThat(ids(ring.after(ring.resumeAfter("2")))).containsExactly(8L, 9L, 10L);
    }

    @Test
    void idNewerThanTheNewestOrNotANumberReplaysEverythingKept() {
        EventRing ring = ringWith(3, 10);

        assertThat(ids(ring.after(ring.resumeAfter("11")))).containsExactly(8L, 9L, 10L);
        assertThat(ids(ring.after(ring.resumeAfter("abc")))).containsExactly(8L, 9L, 10L);
        assertThat(ids(ring.after(ring.resumeAfter("-4")))).containsExactly(8L, 9L, 10L);
        assertThat(ids(ring.after(ring.resumeAfter("99999999999999999999999")))).containsExactly(8L, 9L, 10L);
    }

    @Test
    void emptyRingReplaysNothingWhateverTheId() {
        EventRing ring = new EventRing(3);

        assertThat(ring.after(ring.resumeAfter("42"))).isEmpty();
        assertThat(ring.after(ring.resumeAfter("x"))).isEmpty();
        assertThat(ring.size()).isZero();
    }

    @Test
    void idsMustFollowEachOther() {
        EventRing ring = ringWith(3, 2);

        assertThatThrownBy(() -> ring.append(event(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected id 3");
    }

    @Test
    void clearReleasesEverythingKept() {
        EventRing ring = ringWith(3, 4);

        ring.clear();

        assertThat(buffers).extracting(ByteBuf::refCnt).containsOnly(0);
        assertThat(ring.size()).isZero();
        assertThat(ring.newestId()).isEqualTo(4);
    }
}
