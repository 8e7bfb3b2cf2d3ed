package io.sseconnector.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators shared by the properties: streams, chunkings, limits and texts. */
final class StreamArbitraries {
    private StreamArbitraries() {}

    /** SSE building blocks, line ends, BOMs and ill-formed UTF-8, in any order. */
    static Arbitrary<byte[]> sseLike() {
        Arbitrary<byte[]> fragment = Arbitraries.oneOf(
                Arbitraries.of(
                                "data",
                                "data:",
                                "data: ",
                                "event",
                                "event:",
                                "event: ",
                                "id",
                                "id:",
                                "id: ",
                                "retry",
                                "retry:",
                                "retry: ",
                                ":",
                                ": ",
                                " ",
                                "x",
                                "abc",
                                "HEARTBEAT",
                                "7",
                                "12345",
                                "99999999999999999999",
                                "\u0000",
                                "\n",
                                "\n",
                                "\n",
                                "\n",
                                "\r",
                                "\r",
                                "\r\n",
                                "\r\n",
                                "\uFEFF",
                                "\u00e9",
                                "\u20ac",
                                "\uD83D\uDE00")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(
                        new byte[] {(byte) 0xEF},
                        new byte[] {(byte) 0xEF, (byte) 0xBB},
                        new byte[] {(byte) 0xBF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0},
                        new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xF0, (byte) 0x90, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82},
                        new byte[] {(byte) 0xFF}),
                Arbitraries.strings().ofMaxLength(12).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return fragment.list().ofMaxSize(80).map(StreamArbitraries::concat);
    }

    /** Any bytes, with line ends, colons and UTF-8 lead bytes more likely than by chance. */
    static Arbitrary<byte[]> anyBytes() {
        Arbitrary<Byte> special = Arbitraries.of(
                (byte) '\n',
                (byte) '\r',
                (byte) ':',
                (byte) ' ',
                (byte) 'd',
                (byte) 0,
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF,
                (byte) 0xC3,
                (byte) 0xE2,
                (byte) 0xF0,
                (byte) 0x80);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(2, special))
                .list()
                .ofMaxSize(300)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }

    static Arbitrary<byte[]> streams() {
        return Arbitraries.oneOf(sseLike(), anyBytes());
    }

    /** Chunk sizes; whatever they leave of a stream is fed as one last chunk. */
    static Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 100))
                .list()
                .ofMaxSize(200);
    }

    /** Tiny limits, so that failures happen, and the defaults. */
    static Arbitrary<SseLimits> limits() {
        Arbitrary<SseLimits> small = net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 40))
                .as(SseLimits::new);
        return Arbitraries.oneOf(small, Arbitraries.just(SseLimits.DEFAULTS));
    }

    /** Text of any scalar values (surrogate pairs included, no lone surrogate), often with line breaks. */
    static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("\r", "\n", "\r\n", "\n\r", " ", "  ", ":", "\u0000", "\uFEFF", "\uD83D\uDE00"),
                Arbitraries.strings().ascii().ofMaxLength(8),
                Arbitraries.integers()
                        .between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                        .map(Character::toString));
        return piece.list().ofMaxSize(20).map(pieces -> String.join("", pieces));
    }

    /** {@link #text()} without the given chars. */
    static Arbitrary<String> textWithout(String chars) {
        return text().map(s -> {
            StringBuilder kept = new StringBuilder();
            s.chars().filter(c -> chars.indexOf(c) < 0).forEach(c -> kept.append((char) c));
            return kept.toString();
        });
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
