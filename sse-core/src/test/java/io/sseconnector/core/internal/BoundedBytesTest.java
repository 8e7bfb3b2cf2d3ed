package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedBytesTest {
    @Test
    void growsGeometricallyButNeverPastTheLimit() {
        BoundedBytes buffer = new BoundedBytes(1000);
        assertThat(buffer.array()).isEmpty();
        buffer.append((byte) 1);
        assertThat(buffer.array()).hasSize(256);
        buffer.append(new byte[300], 0, 300);
        assertThat(buffer.array()).hasSize(512);
        buffer.append(new byte[600], 0, 600);
        assertThat(buffer.array()).hasSize(1000);
        assertThat(buffer.capacity()).isEqualTo(1000);
        assertThat(buffer.length()).isEqualTo(901);
    }

    @Test
    void appendPastTheLimitThrowsAndKeepsTheContent() {
        BoundedBytes buffer = new BoundedBytes(4);
        buffer.append(new byte[] {1, 2, 3}, 0, 3);
        assertThatThrownBy(() -> buffer.append(new byte[] {4, 5}, 0, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("limit of 4");
        assertThat(buffer.length()).isEqualTo(3);
        assertThat(buffer.array()).hasSizeLessThanOrEqualTo(4);
        buffer.append((byte) 4);
        assertThat(buffer.array()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> buffer.append((byte) 5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hugeAppendDoesNotOverflow() {
        BoundedBytes buffer = new BoundedBytes(Integer.MAX_VALUE);
        buffer.append((byte) 1);
        assertThatThrownBy(() -> buffer.append(new byte[0], 0, Integer.MAX_VALUE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clearKeepsTheCapacity() {
        BoundedBytes buffer = new BoundedBytes(1000);
        buffer.append(new byte[500], 0, 500);
        byte[] array = buffer.array();
        buffer.clear();
        assertThat(buffer.isEmpty()).isTrue();
        buffer.append((byte) 7);
        assertThat(buffer.array()).isSameAs(array);
    }
}
